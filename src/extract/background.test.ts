import { describe, expect, it } from 'vitest';
import { hasEventCue, isBackground } from './background.ts';

/** Sentence-level cases: is the strike in this sentence a reported event (false) or background (true)? */
const CASES: [string, boolean][] = [
  // events (English)
  ['A US drone strike killed two al-Shabaab fighters near Jilib on Saturday.', false],
  ['The Yahya Abou al-Hammam brigade came under an air attack about 200km north of Timbuktu.', false],
  ['At least 17 civilians died on Monday when a Russian airstrike hit a market.', false],
  ['Kenyan warplanes also hit a convoy of Al Shabaab vehicles on its way to El Adde village.', false],
  ['The strike neither killed nor wounded any civilians, the command said.', false],
  ['US drones reportedly killed four AQAP fighters riding motorcycles in the town of Shehr.', false],
  ['Pakistani officials said the missiles struck a compound five km north of Miranshah.', false],
  ['The later strike of the pair killed two more militants at the site of the first.', false],
  // events (French)
  ["Une frappe de drone a tué cinq jihadistes samedi près de Ménaka, selon l'armée.", false],
  ["Neuf employés ont péri dans le bombardement de l'hôpital vendredi.", false],
  ['Des avions de chasse ont frappé un convoi dans la nuit de samedi à dimanche.', false],
  ["L'armée de l'air a mené des frappes aériennes qui ont neutralisé plusieurs terroristes.", false],
  // background: hypotheticals, plans, threats
  ['If confirmed, this would be the first known drone strike in Mali by the US.', true],
  ['The measures are reportedly in preparation for launching air raids on AQIM.', true],
  ['Officials said they could launch air strikes against the group within weeks.', true],
  ['The army vowed to strike the militants wherever they hide.', true],
  ['Si elle est confirmée, cette frappe serait la première du genre.', true],
  // background: habitual, tallies, retrospective
  ['The US has used drones elsewhere in Africa, including in Somalia.', true],
  ['So far this year, 39 airstrikes in Somalia have been announced by AFRICOM.', true],
  ['That strike was followed by others on April 5, 6, 9 and 10.', true],
  // a strike told as like the one reported is another, earlier one
  ['In late September, a similar wave of missile and drone strikes on the same camps killed at least 13 people.', true],
  ['A similar drone strike on the town killed four people in March.', true],
  ['Une frappe similaire avait tué six civils dans la même région.', true],
  ['The drone struck a similar target on Monday, killing two militants.', false],
  ['The one before it, on Sept. 18, killed 27 fighters, the command said at the time, in an earlier strike.', true],
  ['Manaseeh has been hit by US drones hunting AQAP before.', true],
  ['In the past, previous strikes in the valley killed dozens.', true],
  ["Depuis le début de l'année, l'armée a mené une trentaine de frappes.", true],
  // background: surveillance, hardware, anti-aircraft, negation
  ['Unidentified reconnaissance airplanes were spotted hovering above Timbuktu.', true],
  ['The US has a base in Burkina Faso which it uses to conduct PC-12 surveillance flights.', true],
  ['Mali took delivery of Turkish TB2 drones capable of carrying out strikes.', true],
  ['French Reapers at Niamey are about to be armed with missiles for strikes.', true],
  ['Militants have begun using heavy weapons against the aircraft, firing at them.', true],
  ['Migrants slept outdoors for fear of another strike on the centre.', true],
  ["Les habitants ont fui par crainte d'une nouvelle frappe.", true],
  ['No air strikes were carried out in the region that week, the ministry said.', true],
  // background: whether strikes would come, multi-year periods, counts of strikes
  ["Washington n'a pas précisé si des frappes seraient conduites depuis la base.", true],
  ['The command would not say whether strikes would be launched from the new base.', true],
  ['The government said on Friday that strikes killed between 64 and 116 civilians from 2009 to the end of 2015.', true],
  ['Entre 2014 et 2020, les frappes ont tué des centaines de jihadistes.', true],
  ['The assessment covers 473 strikes, most of them by drones, in Pakistan, Yemen and Somalia.', true],
  ['US releases first count of civilians killed in drone strikes outside war zones', true],
  ['Among the strikes that drew the most criticism is the January 2015 strike that killed two hostages.', true],
  // ... while a dated strike with its own toll stays an event
  ['Two drone strikes killed six militants in the town of Shehr on Monday, officials said.', false],
  ['Between 20 and 30 fighters died when jets hit the camp on Sunday, the army said.', false],
  // habitual campaigns and earlier admissions
  ["Depuis plusieurs mois, l'armée enchaîne les raids aériens contre les jihadistes.", true],
  ['For several months the air force has pounded the hills with air strikes.', true],
  ["Début juin, elle avait déjà reconnu avoir tué un civil lors d'une opération aérienne.", true],
  // targets watched before the strike: the strike itself, not surveillance news
  ['US officials said those killed in the overnight airstrike were militants who had been under surveillance.', false],
  // surveillance told as what led to the strike ("after surveillance flights showed..."): the strike itself
  ['The air force carried out the raids after surveillance flights showed fighters gathering in the camps.', false],
  ['The jets struck the camp following persistent Intelligence Surveillance and Reconnaissance missions.', false],
  ["Les avions ont bombardé le campement après des missions de reconnaissance menées la veille.", false],
  ["Les jihadistes, placés sous surveillance depuis plusieurs jours, ont été neutralisés par une frappe aérienne samedi.", false],
  // a French pluperfect dated to an earlier period: background to the news
  ['À la mi-novembre, des frappes israéliennes autour de Damas avaient fait 23 morts, selon l\'Observatoire.', true],
  ['En janvier, une frappe de drone avait tué trois combattants près de Gao.', true],
  ["Il y a une semaine, deux combattants avaient été tués par un drone de l'armée turque.", true],
  // the Arabic pluperfect (كان ... قد) dated to an earlier period
  ['وكانت غارة للتحالف على حافلة في سوق ضحيان قد أودت الشهر الماضي بحياة عشرات الأطفال.', true],
  ['وكانت طائرات حربية مصرية قد شنت في فبراير 2015 غارات على درنة.', true],
  ['وقال مسؤول إن الغارة قد أودت بحياة ثلاثة أشخاص اليوم.', false],
  // a pluperfect with no earlier period stays an event (reported speech of the news strike)
  ["Le maire a indiqué que la frappe avait fait six morts samedi.", false],
  // counts of strikes over a period
  ['In 2012 there were 41 US drone strikes in Yemen targeting AQAP and Ansar al Sharia.', true],
  ['Il y a eu 46 frappes de drones au Pakistan sous son mandat, selon le décompte.', true],
];

describe('isBackground (sentence level)', () => {
  for (const [sentence, expected] of CASES) {
    it(`${expected ? 'background' : 'event'}: ${sentence}`, () => {
      expect(isBackground(sentence).background).toBe(expected);
    });
  }

  it('lets a headline question through', () => {
    expect(isBackground('Did the US launch a drone strike on AQIM in northern Mali?', { isHeadline: true }).background).toBe(false);
  });

  it('treats reader comments as background', () => {
    expect(isBackground('there is also a possibility this Drone Strike may have originated from Algeria', { isListItem: true }).background).toBe(true);
  });

  it('names the rules that fired', () => {
    expect(isBackground('If confirmed, this would be the first strike.').reasons).toContain('conditional');
  });

  it('knows French military tolls as event cues, with accents at the word boundary', () => {
    expect(hasEventCue('Une vingtaine de terroristes ont été éliminés lors de frappes aériennes.')).toBe(true);
    expect(hasEventCue('Plusieurs assaillants ont été neutralisés.')).toBe(true);
    expect(hasEventCue("L'armée mène des frappes aériennes contre les groupes armés.")).toBe(false);
  });

  it('reads a singular or feminine French participle of killing as an event cue (accent at the word end)', () => {
    expect(hasEventCue("L'armée a annoncé avoir tué un chef rebelle lors de frappes aériennes.")).toBe(true);
    expect(hasEventCue('Une fillette a été tuée par des frappes de drones.')).toBe(true);
  });

  it('reads a calendar day attached to strikes as an event cue (a dated plural is specific)', () => {
    expect(hasEventCue('Les frappes aériennes menées le 21 décembre ont visé un camp.')).toBe(true);
    expect(hasEventCue('Airstrikes carried out on March 3 hit a depot.')).toBe(true);
    expect(hasEventCue('Airstrikes carried out on 3 March hit a depot.')).toBe(true);
    expect(hasEventCue("Les frappes aériennes visent les groupes armés depuis 2019.")).toBe(false);
  });
});
