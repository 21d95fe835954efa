import { describe, expect, it } from 'vitest';
import { extract, type ExtractInput } from './index.ts';
import { toldOnlyInPassing } from './grouping.ts';

const doc = (text: string, published: string | null = '2019-07-23'): ExtractInput => ({
  id: 't', name: 't', title: text.split('\n', 1)[0], text, published, published_precision: published ? 'day' : null, language: 'en',
});

/** Grouping through the whole pipeline, with no gazetteer so only the text decides. */
const count = (text: string) => extract(doc(text), { gazetteer: null }).length;

describe('grouping trigger mentions into strikes', () => {
  it('one strike told twice is one report', () => {
    expect(count('Drone strike kills two\n\nA US drone strike killed two men on Monday. The strike hit their car near the town.')).toBe(1);
  });

  it('a second strike is a second report', () => {
    expect(count('Drone strikes in Yemen\n\nIn the first of the strikes, US drones fired missiles at a car. A second strike took place in Hadramout, where US drones killed four.')).toBe(2);
  });

  it('an "also struck" sentence is another strike', () => {
    expect(count('Raids in Idlib\n\nA Russian airstrike hit a market on Monday. Russian aircraft also struck the town of Bidama.')).toBe(2);
  });

  it('a follow-up strike on rescuers stays with its strike', () => {
    expect(count('Strike on village\n\nAn air strike hit a house on Monday. A second strike hit rescuers who came to help.')).toBe(1);
  });

  it('strikes the article counts are each a report, even an undescribed one', () => {
    expect(
      count('Drones in Waziristan\n\nThe US has carried out three distinct drone strikes over the past 24 hours. The earlier strike saw drones fire missiles at a car. The later strike of the pair killed two more at the site of the first.'),
    ).toBe(3);
  });

  it('a strike told as happening "the same day" as an old dated strike is old too', () => {
    const text =
      'Drone strike in Waziristan\n\nA US drone strike killed five militants today in North Waziristan. Earlier this year the US carried out eight strikes. A Jan. 3 strike killed a Taliban commander. Another strike the same day killed a second commander.';
    expect(extract(doc(text, '2013-02-20'), { gazetteer: null })).toHaveLength(1);
  });

  it('"the same day" as the reported strike is still a strike of its own', () => {
    const text = 'Two drone strikes\n\nA US drone strike killed five militants on Feb. 18 in North Waziristan. Another drone strike the same day killed two men in a car near Mir Ali.';
    expect(extract(doc(text, '2013-02-20'), { gazetteer: null }).length).toBeGreaterThan(0);
  });

  it('"one of its air strikes" elsewhere is a strike of its own', () => {
    expect(count('Big bomb dropped\n\nThe US military dropped a huge bomb on a tunnel complex in Achin district on Thursday. The announcement came hours after the Pentagon admitted that one of its air strikes in Syria had killed 18 allied fighters by mistake.')).toBe(2);
    expect(count("Frappes au Sahel\n\nUne frappe aérienne a visé un camp jihadiste lundi près de Gao. Selon l'état-major, l'une de ses frappes aériennes a tué dix civils au Niger mardi.")).toBe(2);
  });

  it('"one of the strikes" of the same salvo stays with its strike', () => {
    expect(count('Drone strike in Yemen\n\nUS drones fired four missiles at a convoy on Monday. One of the strikes hit a car carrying two men.')).toBe(1);
  });

  it('background-only articles give no report', () => {
    expect(count('Drone policy\n\nThe US has used drones elsewhere in Africa. If confirmed, this would be the first drone strike in Mali.')).toBe(0);
  });

  it('counted strikes stay apart when the article says it gives no toll', () => {
    const text = 'Two more strikes near Jilib\n\nThe US military said on Thursday it had carried out two separate air strikes near the town the day before, but it did not say how many militants were killed.';
    const reports = extract(doc(text, '2019-01-24'), { gazetteer: null });
    expect(reports).toHaveLength(2);
    // both share the day the article gives
    expect(reports[1].date).toEqual(reports[0].date);
    // one toll for both is one episode
    expect(count('Strikes\n\nTwo separate air strikes killed 16 militants near the town on Wednesday.')).toBe(1);
  });

  it('a tally and the back-references to it give no report', () => {
    expect(
      count('Drone count released\n\nThe assessment covers 473 strikes, most of them by drones, in Yemen and Somalia. It says the strikes killed between 2,372 and 2,581 combatants.'),
    ).toBe(0);
    // the same back-reference after a reported strike stays with it
    expect(count('Drone strike in Yemen\n\nA US drone strike hit a car on Monday. It says the strikes killed four.')).toBe(1);
  });

  it('a back-reference that dates an undated strike is that strike, not an earlier one', () => {
    const text = 'Mosul inquiry\n\nAccording to an investigation, the airstrike brought down the building. A survivor of the March 17 attack gave an interview.';
    const reports = extract(doc(text, '2017-05-25'), { gazetteer: null });
    expect(reports).toHaveLength(1);
    expect(reports[0].date?.start).toBe('2017-03-17');
  });

  it('plural strikes in two far-apart places joined by a repeated preposition are one strike per place', async () => {
    const { defaultGazetteer } = await import('./gazetteer-default.ts');
    const gz = defaultGazetteer();
    const fr = "Niger : frappes\n\nUne vingtaine de terroristes ont été éliminés lors de frappes aériennes dans la région de Diffa (extrême est) et dans celle de Tillabéry (ouest).";
    const reports = extract({ ...doc(fr, '2023-12-16'), language: 'fr' }, { gazetteer: gz });
    expect(reports.map((r) => r.place?.country)).toEqual(['NE', 'NE']);
    expect(reports[0].place?.name).not.toBe(reports[1].place?.name);
    // one place with its surroundings stays one strike
    const one = 'Strikes\n\nAir strikes hit a camp near Jilib, in the Middle Juba region, on Monday.';
    expect(extract(doc(one), { gazetteer: gz })).toHaveLength(1);
  });

  it('an explainer recaps strikes and reports none of its own', () => {
    expect(count("Tigré : que sait-on des frappes de drones en Éthiopie ?\n\nLe 8 janvier, plus de 50 personnes ont été tuées lors d'une attaque aérienne contre un camp.")).toBe(0);
    // the same sentence under a news headline is a report
    expect(count("Tigré : une frappe de drone tue 50 déplacés\n\nLe 8 janvier, plus de 50 personnes ont été tuées lors d'une attaque aérienne contre un camp.")).toBe(1);
  });

  it('French: une deuxième frappe is another strike', () => {
    expect(count("Frappes au Mali\n\nUne frappe de drone a visé un véhicule mardi. Une deuxième frappe a touché un camp près de Gao.")).toBe(2);
  });

  it('an article that names a strike only as what its subject suffered reports none', () => {
    expect(count('Migrants moved back into detention centre hit by air strike\n\nAid workers said more migrants have been brought to the centre where over 50 people died in an air strike.')).toBe(0);
    expect(count("Des migrants ramenés dans un centre touché par une frappe aérienne\n\nDes migrants ont été ramenés dans le centre où une frappe aérienne a tué plus de 50 personnes.")).toBe(0);
    // the same clauses next to a strike told as such still report it
    expect(count('Migrants moved back into detention centre hit by air strike\n\nAn air strike killed over 50 people at the centre on July 3.')).toBe(1);
    // a headline that does not name the strike leaves the body to decide
    expect(count("Aide suspendue à Dedebit\n\nL'ONU a suspendu son action dans la zone, où un camp de déplacés a été visé par une attaque aérienne meurtrière.")).toBe(1);
  });

  it('tells apart a strike told in passing from one told as an event', () => {
    expect(toldOnlyInPassing('Migrants moved back into Libyan detention centre hit by air strike')).toBe(true);
    expect(toldOnlyInPassing('They returned to the centre where 50 people died in an air strike.')).toBe(true);
    expect(toldOnlyInPassing("Ils sont revenus dans le centre où une frappe aérienne a tué 50 personnes.")).toBe(true);
    expect(toldOnlyInPassing('The centre was hit by an air strike on Monday.')).toBe(false);
    expect(toldOnlyInPassing('A drone strike hit a house where militants were hiding.')).toBe(false);
    expect(toldOnlyInPassing('Le centre a été touché par une frappe aérienne lundi.')).toBe(false);
  });

  it('a sentence opening with a date of its own after a strike told "today" recalls another attack', () => {
    const text = 'Drone strikes in Syria\n\nA house near Amude was hit today in a drone attack. On Aug. 6, the attack left one fighter and two children dead.';
    const reports = extract(doc(text, null), { gazetteer: null });
    expect(reports).toHaveLength(1);
    expect(reports[0].killed).toBeNull();
    const fr = "Frappes en Syrie\n\nUne maison près d'Amouda a été touchée aujourd'hui par une attaque de drone. Le 6 août, la frappe de drone avait tué trois personnes dans le village.";
    expect(extract({ ...doc(fr, null), language: 'fr' }, { gazetteer: null })[0].killed).toBeNull();
    // the same day told both ways stays one strike
    const same = 'Drone strike\n\nA drone hit a house near Amude today. On Aug. 6, today, the attack left one fighter dead.';
    expect(extract(doc(same, null), { gazetteer: null })[0].killed?.min).toBe(1);
  });

  // One strike retold (definite back-references, a nearby spot, a toll, a source) is one
  // report; a sentence that sets itself apart ("Separately,", "Plus tard,") and tells a strike of
  // its own is another.
  it.each([
    ['en', 'retold with a back-reference and a witness', 'US drone strike kills three\n\nA US drone strike killed three militants near the town on Monday. The strike hit a car on the road outside the town. Residents said the drone attack destroyed the vehicle.', 1],
    ['en', 'retold with a nearby building it damaged', 'Market bombed\n\nAn airstrike hit a market in the town on Monday, killing 12 people. The raid also damaged a nearby school, witnesses said. "The bombing was terrifying," one trader said.', 1],
    ['en', 'retold as what it targeted, nearby', 'Strike on commanders\n\nAn air strike killed eight fighters at a meeting in the region on Tuesday. The airstrike targeted commanders gathered at a base nearby, a local official said.', 1],
    ['en', 'retold with the same day and area', 'Strike on a camp\n\nA drone strike killed a commander near the town on Monday. An airstrike hit a training camp in the same area on Monday, officials said.', 1],
    ['fr', 'retold with a back-reference and a source', "Frappe de drone près de Gao\n\nUne frappe de drone a tué quatre combattants mardi près de Gao. La frappe a visé un véhicule. Selon un habitant, l'attaque a eu lieu en fin de journée.", 1],
    ['fr', 'retold with its toll', 'Raid aérien près de Ménaka\n\nUn raid aérien a frappé un camp près de Ménaka dimanche. Le bombardement a fait au moins dix morts, selon des sources locales.', 1],
    ['fr', 'retold as what it targeted, nearby', "Frappe dans la région\n\nUne frappe aérienne a tué huit combattants lors d'une réunion dans la région mardi. Selon un responsable local, la frappe aérienne visait des chefs réunis dans une base voisine.", 1],
    ['en', '"Separately," with a strike of its own on another day', 'Two strikes\n\nA US drone strike killed two men in a car on Monday. Separately, an airstrike killed four fighters in a village to the south on Tuesday.', 2],
    ['en', '"Later," with a strike of its own', 'Drone strikes\n\nA drone struck a car in the city on Tuesday, killing four. Later, a drone strike hit a house in a village near the border.', 2],
    ['en', '"Later that day," with aircraft striking', 'Raids\n\nAn airstrike hit a depot near the town on Sunday. Later that day, warplanes bombed a bridge on the road north.', 2],
    ['en', '"Later," going on with the same strike', 'Drone strike\n\nA drone strike hit a car near the town on Sunday. Later, the strike was confirmed by the army.', 1],
    ['en', '"Later," with the same strike in reported speech', 'Drone strike\n\nA drone strike hit a car near the town on Sunday, killing two. Later, a local official said an airstrike had destroyed the car.', 1],
    ['fr', '"Plus tard," with the same strike in reported speech', "Frappe de drone\n\nUne frappe de drone a visé une voiture dimanche près de la ville. Plus tard, un responsable a déclaré qu'une frappe aérienne avait détruit la voiture.", 1],
    ['fr', '"Plus tard," with a strike of its own', 'Frappes\n\nUne frappe de drone a visé une voiture mardi dans la ville. Plus tard, une frappe aérienne a touché une maison dans un village voisin.', 2],
    ['fr', '"Par ailleurs," with aircraft striking', "Frappes\n\nUne frappe aérienne a détruit un dépôt dimanche près de la ville. Par ailleurs, des hélicoptères ont frappé un campement au nord.", 2],
    ['fr', '"Par ailleurs," going on with the same strike', "Frappe\n\nUne frappe aérienne a détruit un dépôt dimanche près de la ville. Par ailleurs, la frappe a blessé deux bergers.", 1],
  ])('%s: %s', (language, _what, text, n) => {
    expect(extract({ ...doc(text as string), language: language as string }, { gazetteer: null })).toHaveLength(n as number);
  });

  it('a strike told again by its day, after another strike, adds to its own report', () => {
    const text = "Strikes\n\nA US drone strike killed two men in a car on Monday. Separately, an airstrike killed four fighters in a village on Tuesday. Monday's strike also wounded a child, officials said.";
    const reports = extract(doc(text, '2020-03-05'), { gazetteer: null });
    expect(reports.map((r) => r.date?.start)).toEqual(['2020-03-02', '2020-03-03']);
    expect(reports[0].injured).toEqual({ min: 1, max: 1 });
    expect(reports[1].injured).toBeNull();
  });

  it('a plural back-reference after several strikes speaks of them together, not of the last one', () => {
    const en = 'Drone strikes\n\nA drone strike hit a car near the town on Monday, killing two men. Drones also struck a house in a nearby village. The strikes killed nine people in all, officials said.';
    expect(extract(doc(en), { gazetteer: null }).map((r) => r.killed)).toEqual([{ min: 2, max: 2 }, null]);
    const fr = "Frappes de drones\n\nUne frappe de drone a visé une voiture lundi près de la ville, tuant deux hommes. Une deuxième frappe a touché une maison dans un village voisin. Les frappes ont fait neuf morts au total, selon un responsable.";
    expect(extract({ ...doc(fr), language: 'fr' }, { gazetteer: null }).map((r) => r.killed)).toEqual([{ min: 2, max: 2 }, null]);
    // a day's tally of attacks of several kinds, after two strikes, is not the second strike's toll
    const tally = 'Drone strikes\n\nA drone strike killed four fighters in the city today. In addition, a house near the border was hit today in a second drone attack. A monitor said Turkish attacks, drone strikes among them, killed at least five people today.';
    expect(extract(doc(tally), { gazetteer: null }).map((r) => r.killed)).toEqual([{ min: 4, max: 4 }, null]);
    const bilan = "Frappes de drones\n\nUne frappe de drone a tué quatre combattants aujourd'hui dans la ville. Une deuxième frappe de drone a touché une maison près de la frontière. Selon un observatoire, des bombardements et des frappes de drones ont tué au moins cinq personnes aujourd'hui.";
    expect(extract({ ...doc(bilan), language: 'fr' }, { gazetteer: null }).map((r) => r.killed)).toEqual([{ min: 4, max: 4 }, null]);
    // after one strike, the plural still tells that strike
    const one = 'Drone strike\n\nUS drones fired missiles at a car near the town on Monday. The strikes killed nine people, officials said.';
    expect(extract(doc(one), { gazetteer: null }).map((r) => r.killed)).toEqual([{ min: 9, max: 9 }]);
  });

  // "These raids follow the first strikes of ...": a strike told as what came before, with its
  // own day, its own place far away and another kind of aircraft, is a strike of its own; with
  // the same aircraft or the same place it is the earlier strike recalled.
  const told = [
    { language: 'en', what: 'other day, far place, other aircraft', reports: 2, text: 'Syria: jets pound Idlib after helicopter raid\n\nOn Sunday, four Su-24 jets bombed depots and training camps in Idlib province, the defence ministry said. Residents said more than 40 fighters were killed. These raids follow the first strikes of the offensive, carried out on Friday afternoon by army helicopters against a column of pickups near Palmyra.' },
    { language: 'en', what: 'other day, far place, same aircraft', reports: 1, text: 'Syria: jets pound Idlib\n\nOn Sunday, four Su-24 jets bombed depots and training camps in Idlib province, the defence ministry said. These raids follow the first strikes of the offensive, carried out on Friday afternoon by jets against a column of pickups near Palmyra.' },
    { language: 'en', what: 'other day, same place, other aircraft', reports: 1, text: 'Syria: jets pound Idlib\n\nOn Sunday, four Su-24 jets bombed depots and training camps in Idlib province, the defence ministry said. These raids follow the first strikes of the offensive, carried out on Friday afternoon by army helicopters against a column of pickups in Idlib province.' },
    { language: 'fr', what: 'autre jour, lieu lointain, autres appareils', reports: 2, text: "Niger : les avions frappent la région de Tillabéri\n\nDimanche, deux avions de combat Sukhoi ont bombardé des camps dans la région de Tillabéri, a indiqué l'armée. Ces raids font suite aux premières frappes de l'offensive, menées vendredi par des hélicoptères contre un convoi près de Diffa." },
    { language: 'fr', what: 'autre jour, lieu lointain, sans appareil nommé', reports: 1, text: "Niger : les avions frappent la région de Tillabéri\n\nDimanche, deux avions de combat Sukhoi ont bombardé des camps dans la région de Tillabéri, a indiqué l'armée. Ces raids font suite aux premières frappes de l'offensive, menées vendredi contre un convoi près de Diffa." },
  ];
  it.each(told)('$language: $what', async ({ language, reports, text }) => {
    const { defaultGazetteer } = await import('./gazetteer-default.ts');
    const published = language === 'en' ? '2016-03-14' : '2020-03-16';
    expect(extract({ ...doc(text, published), language }, { gazetteer: defaultGazetteer() })).toHaveLength(reports);
  });

  it('"hours later" opening a strike of its own is a second strike', () => {
    expect(count('Jets hit two villages\n\nIsraeli jets struck a house in the first village on Monday, killing two. Hours later, warplanes hit a van in a hamlet further east.')).toBe(2);
  });

  it('"hours later" before the same strike retold in speech stays one strike', () => {
    expect(count('Drone strike kills two\n\nA drone strike hit a car on Monday, killing two. Hours later, the army said the strike had targeted a commander.')).toBe(1);
  });

  it('"other strikes the same night" open a new strike', () => {
    expect(count('Strikes on the port\n\nAirstrikes hit the port late on Tuesday, killing three. Other strikes the same night hit a mountain district to the north, where the rebels said warplanes targeted a radio mast.')).toBe(2);
  });

  it('French: "quelques heures plus tard, une frappe" and "d\'autres frappes" open a new strike', () => {
    const fr = (text: string) => extract({ ...doc(text, '2024-06-04'), language: 'fr' }, { gazetteer: null }).length;
    expect(fr('Deux frappes\n\nUne frappe de drone a tué un homme lundi près du village. Quelques heures plus tard, un drone a frappé une moto dans une autre localité.')).toBe(2);
    expect(fr('Des frappes\n\nUne frappe aérienne a touché un dépôt lundi. D\'autres frappes aériennes ont visé la même nuit un camp plus au nord, où deux hommes ont été tués.')).toBe(2);
  });

  it('"the first strikes" with nothing told before them open the first of several strikes', () => {
    expect(count('Guards fire missiles at camps\n\nThe first strikes landed on a compound outside the town on Monday, killing two. Separately, drones hit camps of another party further south.')).toBe(2);
  });

  it('a headline alone still reports its strike', () => {
    expect(count('US drone strike kills militants in Somalia\n\nThe Pentagon gave no details.')).toBe(1);
  });
});
