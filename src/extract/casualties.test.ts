import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findCasualties } from './casualties.ts';
import { combineRanges, type CasualtyMention } from './casualties-combine.ts';

type R = [number | null, number | null] | null;

/** [sentence, killed, injured, civilians killed] — each the combined range of the sentence, null when absent. */
const CASES: Array<[string, R, R, R]> = [
  // English
  ['At least six people were killed when an American drone struck a compound.', [6, null], null, null],
  ['Troops searching the area found the bodies of four militants, the statement said.', [4, 4], null, null],
  ["Les soldats ont retrouvé les corps de six combattants après la frappe.", [6, 6], null, null],
  ["L'armée dit avoir tué un combattant lors de la frappe de mardi.", [1, 1], null, null],
  ['Le raid a tué un insurgé, selon la police.', [1, 1], null, null],
  ['A drone fired two missiles at a compound, killing seven fighters, officials said.', [7, 7], null, null],
  ['Three operatives of the group died when a drone struck their car.', [3, 3], null, null],
  ['Between four and seven "militants" died in the strike, officials said.', [4, 7], null, null],
  ['The raid killed at least 42 people and wounded dozens, a local official said.', [42, null], [20, null], null],
  ['The official said the bombing caused "42 deaths and over 60 wounded".', [42, 42], [60, null], null],
  ['Eight people died and 12 were wounded in the strikes near the airport.', [8, 8], [12, 12], null],
  ['According to the command, the strike neither killed nor wounded any civilians.', null, null, [0, 0]],
  ['Ten civilians, seven of them children, had died in the strike.', [10, 10], null, [10, 10]],
  ['One hundred and five people were killed when the building collapsed after the strike.', [105, 105], null, null],
  ['The bombing killed nine staff and seven patients, the charity said.', [16, 16], null, [16, 16]],
  ['The strike killed 17 civilians and 3 fighters, monitors said.', [20, 20], null, null],
  ['The jets hit a market, killing 20 people, including 5 civilians.', [20, 20], null, [5, 5]],
  ['The death toll rose to 56 on Sunday, hospital staff said.', [56, 56], null, null],
  ['No one was hurt in the strike, the army said.', null, [0, 0], null],
  ['There were no casualties, the ministry said.', [0, 0], null, null],
  ['At least 17 civilians died on Monday when an airstrike hit a market.', [17, null], null, [17, null]],
  ['Five "militants" were killed today when the drone struck a compound.', [5, 5], null, null],
  ['Reports say five people died and several others were wounded.', [5, 5], [2, null], null],
  ['The drone killed two more militants as they carried out recovery work.', [2, 2], null, null],
  ['Some 61 bodies were recovered, while residents said as many as 200 people were killed.', [61, 200], null, null],
  ['The air raid on the camp killed more than 22 people, no fewer than 18 of them civilians.', [22, null], null, [18, null]],
  ['Two senior figures were killed when a drone hit their vehicle.', [2, 2], null, null],
  ['The strike left 17 people dead, among them a rescue volunteer.', [17, 17], null, null],
  ['Up to 30 people were injured in the blast.', null, [null, 30], null],
  ['A 25-year-old man was killed in the strike 10 km from the town.', null, null, null],
  ['The US has carried out 14 drone strikes in Yemen this year.', null, null, null],
  ['In 2012 the group lost 41 members to drone strikes.', null, null, null],
  ['Dozens of people were killed in the raids, activists said.', [20, null], null, null],
  ['The strike claimed the lives of 12 civilians, the UN said.', [12, 12], null, [12, 12]],
  ['An aircraft hit a hospital, killing well over a dozen people.', [12, null], null, null],
  // French
  ['Des habitants de la zone évoquent une « trentaine » de morts, surtout des femmes.', [30, 30], null, null],
  ["Des habitants ont indiqué qu'une \"trentaine de civils\", en majorité des femmes, avaient péri.", [30, 30], null, [30, 30]],
  ['Des avions ont mis hors de combat une quinzaine de jihadistes.', null, null, null],
  ['Les frappes ont abouti à la neutralisation de plusieurs dizaines de terroristes.', null, null, null],
  ["Plus d'une dizaine de terroristes ont été tués lors de la frappe.", [10, null], null, null],
  ['Au moins cinq personnes ont été tuées et sept blessées dans le raid.', [5, null], [7, 7], null],
  ['La frappe a tué sept civils, selon une source locale.', [7, 7], null, [7, 7]],
  ['Le bombardement a fait 13 morts et 10 blessés parmi les civils.', [13, 13], [10, 10], null],
  ['Vingt-cinq personnes ont péri dans le bombardement.', [25, 25], null, null],
  ['Une vingtaine de combattants ont été tués, selon l\'armée.', [20, 20], null, null],
  ['Des dizaines de civils ont été tués dans les raids.', [20, null], null, [20, null]],
  ['La frappe n\'a fait aucune victime, selon le communiqué.', [0, 0], null, null],
  ['Le raid a fait plusieurs morts, dont deux enfants.', [2, null], null, [2, 2]],
  ['Le bilan s\'élève à 12 morts selon les secours.', [12, 12], null, null],
  ['La frappe a coûté la vie à une dizaine de personnes.', [10, 10], null, null],
  ['Pas de victimes civiles, a assuré le porte-parole.', null, null, [0, 0]],
  ['Entre 5 et 7 personnes ont été tuées dans la frappe.', [5, 7], null, null],
  ['Près de 30 personnes auraient été blessées.', null, [30, 30], null],
  ["Une vingtaine de terroristes ont été éliminés lors de frappes aériennes, selon l'armée.", [20, 20], null, null],
  ['Les frappes ont éliminé au moins 12 jihadistes dans la zone.', [12, null], null, null],
  // denials of civilian harm count as a zero claim; "one of five" counts five
  ['The military rejected reports that civilians died in the strike.', null, null, [0, 0]],
  ['The command said the strike killed "several militants" and no civilians.', [2, null], null, [0, 0]],
  ['Officials said 36 fighters were killed, and no civilians harmed, in the strike.', [36, 36], null, [0, 0]],
  ['He said there was no chance at all of civilian casualties.', null, null, [0, 0]],
  ["L'armée dément les informations selon lesquelles elle aurait tué des civils.", null, null, [0, 0]],
  ['The commander was one of five people killed in the strike.', [5, 5], null, null],
  ['The raid killed more than 30 IDPs at the camp.', [30, null], null, [30, null]],
  // one person, named or described
  ['A top commander of the group died in the drone strike, officials said.', [1, 1], null, null],
  ['The strike killed a senior leader of the militia near the border.', [1, 1], null, null],
  ['Abu Yahya al-Libi, who was the deputy of the group, was killed in the strike.', [1, 1], null, null],
  ['Le chef jihadiste Amadou Koufa aurait été tué dans la frappe.', [1, 1], null, null],
  ['Eight people died, among them General Qassem Soleimani was killed.', [8, 8], null, null],
  // a verb whose whole object is a person's name; not a group, not a nationality
  ['A US drone strike in the capital killed Ayman al-Zawahiri, the leader of al-Qaeda.', [1, 1], null, null],
  ['Une frappe a tué Baye ag Bakabo samedi près de la frontière.', [1, 1], null, null],
  ['Air strikes killed Boko Haram fighters near the lake.', null, null, null],
  ['The jets killed Al Shabaab, the army claimed.', null, null, null],
  ['The raid killed Syrian soldiers at the base.', null, null, null],
  ['A strike killed Abu Hassan on Sunday, officials said.', [1, 1], null, null],
  // a named death against a claim of no casualties: the two readings disagree and both stay
  ['The drone killed the group leader Abu Hassan. The militia said it caused no casualties.', [0, 1], null, null],
  ['The strike wounded a child and an old man.', null, [1, 1], null],
  ['He died on Saturday in the village, the ministry said.', [1, 1], null, null],
  ["Selon l'armée, elle aurait tué des civils par erreur.", null, null, null],
  ['The drone killed a senior rebel commander along with several others.', [2, null], null, null],
  ['Two people were in the car; both are said to have died.', [2, 2], null, null],
  ['At least two people are feared killed after the jets struck.', [2, null], null, null],
  ['Neuf de ses employés ont péri et 37 personnes ont été blessées.', [9, 9], [37, 37], null],
  ['Des frappes ont tué dimanche au moins cinq cadres du mouvement.', [5, null], null, null],
  ['Four fighters from the Democratic Forces (DF), which the US backs, were killed on Tuesday.', [4, 4], null, null],
  ['Two men thought to be militants died in the strike.', [2, 2], null, null],
  ['Several militants and commanders were killed in the raid.', [2, null], null, null],
  ['Au moins 40 terroristes présumés ont péri selon le communiqué.', [40, null], null, null],
  ['وقتلت الغارة 13 شخصا', [13, 13], null, null],
  // Arabic: number words, the dual, vowel marks, the wounded
  ['أعلنت القيادة مقتل أربعة من مقاتلي الحركة في الغارة', [4, 4], null, null],
  ['قُتل مدنيان، يوم الأربعاء، بقصف طائرة مسيرة', [2, 2], null, null],
  ['قُتل 30 شخصاً وأصيب ثلاثة آخرون في الغارة', [30, 30], [3, 3], null],
  ['أسفرت الغارة عن مقتل خمسة وعشرين شخصا', [25, 25], null, null],
  ['أسفر القصف عن مقتل أكثر من 15 شخصا', [15, null], null, null],
  ['أسفرت الغارة عن مقتل 13 شخصا', [13, 13], null, null],
  // figures said to come on top of others are added
  ['The strike killed 17 civilians at the market. It also killed three fighters, the group said.', [20, 20], null, [17, 17]],
];

function combined(ms: CasualtyMention[], cat: CasualtyMention['category']): R {
  const r = combineRanges(ms.filter((m) => m.category === cat));
  return r ? [r.min, r.max] : null;
}

describe('findCasualties: sentence table', () => {
  it.each(CASES)('%s', (sentence, killed, injured, civilians) => {
    const ms = findCasualties(sentence, [0, sentence.length], { language: null });
    expect({ killed: combined(ms, 'killed'), injured: combined(ms, 'injured'), civilians: combined(ms, 'civilians_killed') }).toEqual({
      killed,
      injured,
      civilians,
    });
    for (const m of ms) expect(sentence.slice(m.span[0], m.span[1])).toBe(m.text);
  });
});

describe('findCasualties: range and who', () => {
  const text = 'A drone killed four fighters. Later a second strike killed two civilians.';
  it('only looks inside the range and reports absolute spans', () => {
    const from = text.indexOf('Later');
    const ms = findCasualties(text, [from, text.length], { language: 'en' });
    expect(ms.map((m) => [m.category, m.range.min, m.who])).toEqual([
      ['civilians_killed', 2, 'civilians'],
      ['killed', 2, 'civilians'],
    ]);
    for (const m of ms) {
      expect(m.span[0]).toBeGreaterThanOrEqual(from);
      expect(text.slice(m.span[0], m.span[1])).toBe(m.text);
    }
  });

  it('leaves the figure unknown rather than zero when nothing is said', () => {
    expect(findCasualties('The drone hit a car on the road to the town.', [0, 44], { language: 'en' })).toEqual([]);
  });
});

describe('combineRanges', () => {
  const m = (min: number | null, max: number | null): CasualtyMention => ({ category: 'killed', range: { min, max }, span: [0, 1], text: 'x', who: null });
  it.each<[Array<[number | null, number | null]>, [number | null, number | null] | null]>([
    [[], null],
    [[[6, null], [7, 7]], [6, 7]],
    [[[6, 6], [7, 7]], [6, 7]],
    [[[61, 61], [null, 200]], [61, 200]],
    [[[22, null], [18, 18]], [18, null]],
    [[[42, null]], [42, null]],
    [[[0, 0], [16, 16]], [0, 16]],
  ])('%j -> %j', (ranges, expected) => {
    const r = combineRanges(ranges.map(([a, b]) => m(a, b)));
    expect(r ? [r.min, r.max] : null).toEqual(expected);
  });
});

describe('combineRanges: properties', () => {
  it('min never exceeds max and the result covers every closed figure', () => {
    const range = fc.tuple(fc.option(fc.nat(500), { nil: null }), fc.option(fc.nat(500), { nil: null })).map(([a, b]) =>
      a !== null && b !== null && a > b ? [b, a] : [a, b],
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(range, fc.boolean()), { minLength: 1, maxLength: 6 }), (xs) => {
        const ms = xs.map(([[min, max], additive], i): CasualtyMention => ({
          category: 'killed', range: { min, max }, span: [i, i + 1], text: 'x', who: additive ? 'fighters' : 'people', additive,
        }));
        const r = combineRanges(ms);
        if (r && r.min !== null && r.max !== null) expect(r.min).toBeLessThanOrEqual(r.max);
        if (r && ms.every((m) => !m.additive)) {
          for (const m of ms) if (m.range.min !== null && r.min !== null) expect(r.min).toBeLessThanOrEqual(m.range.min);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('findCasualties: properties', () => {
  const words = fc
    .array(
      fc.constantFrom('at least', 'seven', '17', 'people', 'were', 'killed', 'killing', 'wounded', 'and', 'civilians', 'une', 'trentaine',
        'de', 'morts', 'no', 'one', 'was', 'hurt', ',', '«', '»', 'including', 'toll', 'rose', 'to', 'between', 'dozens', 'of', '2012', '\n'),
      { maxLength: 25 },
    )
    .map((xs) => xs.join(' '));

  it('never throws; spans lie inside the requested range; ranges are ordered', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), words), fc.nat(), fc.nat(), (text, a, b) => {
        const from = Math.min(a, b) % (text.length + 1);
        const to = Math.min(text.length, from + (Math.max(a, b) % (text.length + 1)));
        for (const m of findCasualties(text, [from, to], { language: null })) {
          expect(m.span[0]).toBeGreaterThanOrEqual(from);
          expect(m.span[1]).toBeLessThanOrEqual(to);
          expect(text.slice(m.span[0], m.span[1])).toBe(m.text);
          if (m.range.min !== null && m.range.max !== null) expect(m.range.min).toBeLessThanOrEqual(m.range.max);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('findCasualties on the same text again', () => {
  const text = 'Abdullahi Nadir was killed in the strike. Officials said eight people died.';
  const first: [number, number] = [0, 41];
  const second: [number, number] = [42, text.length];

  it('gives equal answers as fresh copies, so changing one does not change the next', () => {
    const a = findCasualties(text, first, { language: 'en' });
    expect(a).toHaveLength(1);
    a[0].range.min = 99;
    a[0].span[0] = 5;
    const b = findCasualties(text, first, { language: 'en' });
    expect(b[0].range).toEqual({ min: 1, max: 1 });
    expect(b[0].span[0]).toBe(0);
  });

  it('keeps one-person readings weak in the copies: a figure still wins', () => {
    const again = [...findCasualties(text, first, { language: 'en' }), ...findCasualties(text, second, { language: 'en' })];
    expect(combineRanges(again.filter((m) => m.category === 'killed'))).toEqual({ min: 8, max: 8 });
  });
});

describe('an Arabic toll told after the strike sentence', () => {
  it('gives the strike its toll', async () => {
    const { extract } = await import('./index.ts');
    const text = [
      'غارات جوية على معسكر في المدينة',
      '',
      'قال متحدث باسم الجيش إن قوات بلاده شنت اليوم غارات جوية على مواقع للتنظيم في المدينة. وأفادت مصادر محلية بأن مبنى في المدينة أصيب. وصرح عميد البلدية بأن الطائرة قصفت منزلا في المدينة وقتلت 41 شخصا كانوا بداخله.',
    ].join('\n');
    const doc = { id: 't', name: 't', title: null, text, published: '2016-02-19', published_precision: 'day' as const, language: 'ar' };
    const reports = extract(doc, { gazetteer: null });
    expect(reports).toHaveLength(1);
    expect(reports[0].killed).toEqual({ min: 41, max: 41 });
  });
});

describe('a toll given only by the headline', () => {
  it('is the toll of the strike the article leads with', async () => {
    const { extract } = await import('./index.ts');
    const text = [
      'Officials: massive bomb killed 36 fighters',
      '',
      'The strike hit a remote, mountainous area close to the border, where troops and militants had fought heavily in recent weeks.',
      'According to a ministry statement, the huge bomb destroyed several caves and ammunition depots.',
    ].join('\n');
    const doc = { id: 't', name: 't', title: null, text, published: '2017-04-14', published_precision: 'day' as const, language: 'en' };
    const reports = extract(doc, { gazetteer: null });
    expect(reports).toHaveLength(1);
    expect(reports[0].killed).toEqual({ min: 36, max: 36 });
  });
});
