import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findAttributions } from './attribution.ts';
import { documentStance, primaryBelligerent, statusOf } from './attribution-verdict.ts';
import { splitSentences } from './sentences.ts';
import type { Attribution } from '../domain/index.ts';

/** The attributions of a one-paragraph text whose every sentence tells the strike. */
function attrs(text: string, title: string | null = null): Attribution[] {
  const full = title ? `${title}\n\n${text}` : text;
  const spans = splitSentences(full, title).filter((s) => !s.headline).map((s) => s.span);
  return findAttributions(full, spans, { title, language: null });
}
/** Distinct belligerent:stance pairs (the same stance may come from the headline and the body). */
const pairs = (text: string, title: string | null = null) => [...new Set(attrs(text, title).map((a) => `${a.actor.id}:${a.stance}`))].sort();

describe('stance, sentence by sentence (English)', () => {
  it.each([
    ['AFRICOM said it conducted an airstrike near Jilib that killed two al-Shabaab fighters.', ['US:confirms']],
    // many states have a "Ministry of Defence": named without its country, it is the striking side's
    ['Afghan air force strikes on a Taliban position killed more than 30 insurgents, the Ministry of Defence said.', ['AF:confirms']],
    // a speaker saying its own forces struck is the striker, even with other sides named as striking nearby
    ['The Government of National Accord said its air force had targeted a meeting of militia leaders. The LNA flies drones supplied by the United Arab Emirates.', ['AE:alleges', 'GNA:confirms', 'LNA:alleges']],
    // the Security Media Cell is the Iraqi security forces' spokesman
    ['F-16 jets of the air force struck a hideout in the Hamrin mountains, the Security Media Cell said.', ['IQ:confirms']],
    ['The Pentagon announced that U.S. forces carried out the strike.', ['US:confirms']],
    ['A US drone strike killed four militants in North Waziristan on Tuesday.', ['US:alleges']],
    ['A suspected US drone strike killed four militants in North Waziristan.', ['US:suspected']],
    ['According to residents, a French aircraft bombed the camp.', ['FR:alleges']],
    ['Turkey appears to have carried out the strike, according to local sources.', ['TR:suspected']],
    ['The raid was apparently carried out by Niger\'s military.', ['NE:suspected']],
    ['The strike may have been carried out by American drones.', ['US:suspected']],
    ['Two US intelligence officials would neither confirm nor deny the reported strike.', ['US:no_comment']],
    ['A Pentagon spokesman declined to comment on the strike.', ['US:no_comment']],
    ['AFRICOM did not immediately respond to a request for comment about the airstrike.', ['US:no_comment']],
    ['Russia denied any involvement in the bombing of the market.', ['RU:denies']],
    ['The LNA admitted the strike but denied targeting civilians.', ['LNA:confirms']],
    ['Kenyan jets struck an al-Shabaab convoy near El Wak, the Kenya Defence Forces said.', ['KE:confirms']],
    ['Somali officials said a US drone strike killed a senior al-Shabaab commander.', ['US:alleges']],
    ['Pakistan condemned the US drone strike as a violation of its sovereignty.', ['US:alleges']],
    ['The Houthis claimed responsibility for the drone attack on the Saudi airport.', ['Houthis:claims']],
    ['A US drone hit a car near Jilib. Al-Shabaab claimed the strike killed only civilians.', ['US:alleges']],
    ['Nigerian Air Force jets bombed a Boko Haram camp, the Defence Headquarters said.', ['NG:confirms']],
    ['If confirmed, this would be the first US drone strike in the country.', ['US:suspected']],
    ['Officials are investigating whether a coalition airstrike by US aircraft hit the building.', ['US:suspected']],
    ['The US military acknowledged the strike on Sunday.', ['US:confirms']],
    ['A former soldier of the Malian army said he believed the same aircraft were behind the air strike.', []],
    ['A retired officer of the Nigerian Air Force confirmed that the camp was bombed from the air.', []],
    ['A Malian army officer said he believed the airstrike had killed seven fighters.', []],
    ['An airstrike killed 12 people in the village, residents said.', []],
    ['A drone strike in Somalia killed three fighters.', []],
    ['The Malian army did not comment on the strikes.', ['ML:no_comment']],
    ['A drone strike hit the market. HRW urged the Nigerien authorities to conduct an impartial investigation.', []],
    ['A US drone strike hit a compound. Pakistani officials said the strike killed six.', ['US:alleges']],
    ['The government blamed the raid on forces loyal to Khalifa Haftar.', ['LNA:alleges']],
    ['Tigrayan rebels said a drone hit the camp. Ethiopian government officials did not immediately answer requests for comment.', ['ET:no_comment']],
    ["Nigeria's President went on Twitter to apologise after an air strike by the Nigerian Air Force hit a camp.", ['NG:alleges', 'NG:confirms']],
    ['Qasem Soleimani and a PMF official were killed by a US drone strike at Baghdad airport.', ['US:alleges']],
    ["A drone attack by Sudan's Rapid Support Forces killed 15 people at a market.", ['RSF:alleges']],
    ['Between four and seven militants died in the US drone strike, Pakistani officials said.', ['US:alleges']],
    ["Somalia's information ministry says the commander died in an operation with international partners.", ['SO:confirms']],
    ['A drone strike killed five people, Yemeni officials said.', []],
    ["The RSF's official channels carried no statement on the drone attack by the Rapid Support Forces.", ['RSF:alleges', 'RSF:no_comment']],
    // states and forces outside the dev set's theatres
    ["Airstrikes by Myanmar's military on a village killed ten people, residents said.", ['MM:alleges']],
    ["Colombia's armed forces killed 19 people in an air strike on a rebel camp, the defence ministry said.", ['CO:confirms']],
    ['Two attack helicopters of the Philippine Air Force fired rockets at the fleeing gunmen, the military said.', ['PH:confirms']],
    ['Thai jets bombed positions near the border.', ['TH:alleges']],
    // a state that backs a group is not its striker
    ['The M23, which UN experts say is backed by Rwanda, was hit by a drone strike near Goma.', []],
    // a demonym after an English verb of striking is the object's
    ['Jets bombed Cambodian positions near the border.', []],
    // a name with its acronym in brackets is still the subject of the verb after the brackets
    ['The paramilitary Rapid Support Forces (RSF) attacked the air base with drones on Sunday.', ['RSF:alleges']],
    ['U.S. Africa Command (AFRICOM) said it carried out the strike near Jilib.', ['US:confirms']],
    // a country's name inside a city's is a place, not a party
    ['The RSF attacked a military air base in Port Sudan with drones on Sunday.', ['RSF:alleges']],
    ['Rebels attacked a military air base in Kuwait City with drones on Sunday.', []],
    // a platform said to be a side's own names that side as the striker
    ['The Washington Post reported that the drone was Turkish.', ['TR:alleges']],
    ['Local sources said the aircraft was probably Russian.', ['RU:suspected']],
    // a sentence hedging a side's part in the strike does not also assert it
    ['Two men died in a suspected US drone strike, only hours after American commandos conducted a raid nearby.', ['US:suspected']],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual([...expected].sort());
  });
});

describe('stance, sentence by sentence (French)', () => {
  it.each([
    ["L'état-major des armées maliennes a annoncé avoir mené des frappes aériennes contre des terroristes.", ['ML:confirms']],
    // an inverted speaker followed by its seat: "a indiqué l'état-major des armées à Paris."
    ["Les Mirage de la force Barkhane ont bombardé un campement dans le centre du Mali, tuant dix combattants, a indiqué samedi l'état-major des armées à Paris.", ['FR:confirms']],
    ["Les Mirage de la force Barkhane ont bombardé un campement, tuant une trentaine de combattants, a indiqué l'état-major des armées à Paris.", ['FR:confirms']],
    // a country named just before a generic force, but in another clause, is not whose force it is
    ["Les Mirage de la force Barkhane ont bombardé un campement dans le centre du Mali, a indiqué l'état-major des armées.", ['FR:confirms']],
    ['Une frappe de drone américain a tué cinq jihadistes dans la région.', ['US:alleges']],
    ['Un drone turc aurait frappé un véhicule près de la frontière.', ['TR:suspected']],
    ["La frappe est peut-être imputable à l'armée française, selon des sources locales.", ['FR:suspected']],
    ['Les forces françaises de Barkhane ont neutralisé plusieurs terroristes de la katiba Serma, a indiqué le ministère des Armées.', ['FR:confirms']],
    ['Moscou a démenti; la Russie dément toute implication dans le bombardement.', ['RU:denies']],
    ["Contactée par l'AFP, l'armée nigérienne n'a pas souhaité commenter ces informations.", ['NE:no_comment']],
    ["Le Pentagone n'a pas commenté la frappe.", ['US:no_comment']],
    ['Selon des habitants, des avions de l\'armée burkinabè ont bombardé le marché.', ['BF:alleges']],
    ["Les FAMa ont revendiqué la frappe de drone contre des cadres du CSP-DPA.", ['ML:claims']],
    ["Des frappes aériennes de l'armée burkinabè ont visé des terroristes. L'état-major a reconnu des victimes civiles.", ['BF:alleges', 'BF:confirms']],
    ["Selon un bulletin de l'armée nigérienne, une vingtaine de terroristes ont été éliminés lors de frappes aériennes.", ['NE:confirms']],
    ["Mercredi, l'armée du Burkina a admis que des civils avaient péri lors de frappes aériennes.", ['BF:confirms']],
    ["Au moins 13 civils ont été tués par deux frappes de drone nocturnes de l'armée malienne, selon Amnesty.", ['ML:alleges']],
    ["Selon des sources locales, l'avion était français.", ['FR:alleges']],
    ["Selon des témoins, l'appareil était vraisemblablement turc.", ['TR:suspected']],
    ['Deux hommes ont péri dans une frappe de drone américain présumée, quelques heures après un raid de commandos américains.', ['US:suspected']],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual([...expected].sort());
  });
});

describe('stance in other languages of the development set', () => {
  it.each([
    ['Het LNA geeft de luchtaanval toe, maar ontkent dat het burgers viseerde.', ['LNA:confirms']],
    ['قال متحدث باسم الجيش الأمريكي إن قوات بلاده شنت غارات جوية على مواقع لتنظيم داعش في ليبيا.', ['US:confirms']],
    ['A drone strike by Haftar forces hit Murzuq. The GNA confirmed that Murzuq was hit by an air strike.', ['LNA:alleges']],
    ['قتل 56 شخصا في قصف جوي شنه الجيش الإثيوبي على مخيم للنازحين.', ['ET:alleges']],
    // verb first, the object right after the subject: the command announces its own strike
    ['أعلنت القيادة العسكرية الأمريكية في أفريقيا اليوم مقتل أربعة مسلحين في غارة جوية قرب مقديشو.', ['US:confirms']],
    ['قالت أفريكوم إنها شنت غارة جوية قرب مقديشو.', ['US:confirms']],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual([...expected].sort());
  });
});

describe('a government blamed, with no side named as striking', () => {
  it('is the government of the country the strike is placed in', () => {
    expect(pairs('The strike hit a camp for displaced people. The Tigrayan rebels blamed the government for the drone attack.', 'Ethiopia: video emerges of deadly drone strike')).toEqual(['ET:alleges']);
    expect(pairs("La frappe a touché un camp de déplacés. Les rebelles ont accusé le gouvernement d'avoir mené l'attaque.", 'Éthiopie : une frappe de drone tue 50 déplacés')).toEqual(['ET:alleges']);
    expect(pairs('Residents said the air strike may have been carried out by government forces.', 'Sudan: air strike kills 20 at market')).toEqual(['SD:suspected']);
  });

  it('gives way to a side named as striking, and needs a country', () => {
    expect(pairs('A US drone hit the camp. The rebels blamed the government for the attack.', 'Somalia: strike kills 20')).toEqual(['US:alleges']);
    expect(pairs('The strike hit a camp. The rebels blamed the government for the drone attack.')).toEqual([]);
  });
});

describe('headline and document rules', () => {
  it('reads a headline question as suspicion', () => {
    expect(pairs('A strike hit a convoy of AQIM in northern Mali.', 'Did the US launch a drone strike on AQIM in northern Mali?')).toEqual(['US:suspected']);
  });

  it('ranks a flat headline below a hedge in the body', () => {
    const a = attrs('Officials said a suspected US drone strike killed three men.', 'US drone strike kills three in Yemen');
    expect(documentStance(a, 'US')).toBe('suspected');
  });

  it("lets the belligerent's denial beat a monitor's allegation, and confirmation beat everything", () => {
    const a: Attribution[] = [
      { actor: { id: 'RU', name: 'Russia' }, stance: 'alleges', source: null, span: null },
      { actor: { id: 'RU', name: 'Russia' }, stance: 'denies', source: 'Russia', span: null },
    ];
    expect(documentStance(a, 'RU')).toBe('denies');
    expect(documentStance([...a, { actor: { id: 'RU', name: 'Russia' }, stance: 'confirms', source: null, span: null }], 'RU')).toBe('confirms');
    expect(documentStance(a, 'US')).toBe('unknown');
  });

  it('keeps a headline stance apart from the same stance in the body', () => {
    const a = attrs('Officials said a suspected US drone strike hit the car. A US drone strike killed the driver.', 'US drone strike kills three in Yemen');
    expect(a.filter((x) => x.stance === 'alleges').map((x) => x.source === 'headline').sort()).toEqual([false, true]);
    expect(documentStance(a, 'US')).toBe('alleges');
  });

  it('reads "was not a U.S. strike" from AFRICOM as a US denial', () => {
    expect(pairs('AFRICOM said the latest strike in Somalia was not a U.S. strike.')).toContain('US:denies');
  });

  it('points at the party attributed, not the one denying', () => {
    const a = attrs('AFRICOM denied that US forces were involved. Turkey appears to have carried out the strike.');
    expect(documentStance(a, 'US')).toBe('denies');
    expect(primaryBelligerent(a)).toEqual({ actor: { id: 'TR', name: 'Turkey' }, stance: 'suspected' });
  });

  it('maps stances to attribution statuses', () => {
    expect(statusOf('confirms')).toBe('acknowledged');
    expect(statusOf('claims')).toBe('acknowledged');
    expect(statusOf('alleges')).toBe('alleged');
    expect(statusOf('no_comment')).toBe('unknown');
  });

  it('finds nothing without an event', () => {
    expect(findAttributions('A US drone strike killed four.', [], { title: null, language: 'en' })).toEqual([]);
  });
});

describe('the seed article', () => {
  const text = readFileSync(new URL('../../../shared/seed/000_f697bc08346bf57f.txt', import.meta.url), 'utf8');
  const title = text.split('\n')[0];
  const events = splitSentences(text, title)
    .filter((s) => /mystery airstrike|surprise missile strike|came under an air attack|raid targeted/.test(s.text))
    .map((s) => s.span);

  it('suspects the US, records its officials as no_comment, and ignores the readers', () => {
    const a = findAttributions(text, events, { title, language: 'en' });
    expect([...new Set(a.map((x) => `${x.actor.id}:${x.stance}`))].sort()).toEqual(['US:no_comment', 'US:suspected']);
    expect(a.some((x) => x.stance === 'confirms')).toBe(false);
    expect(documentStance(a, 'US')).toBe('suspected');
    const officials = a.find((x) => x.stance === 'no_comment');
    expect(officials?.source).toMatch(/US intelligence officials/);
  });
});

describe('a state named inside an outlet or organisation name is no speaker', () => {
  it.each([
    ['A drone strike on Sunday killed five people near Kidal, according to Radio France Internationale.', []],
    ['Radio France Internationale said a French drone strike on Sunday killed five people near Kidal.', ['FR:alleges']],
    ['Une frappe de drone a tué cinq personnes près de Kidal dimanche, selon Radio France Internationale.', []],
    ['A drone strike on Sunday killed five people near Kidal, the French army said.', ['FR:confirms']],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});
