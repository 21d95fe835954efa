import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDates, type DateContext } from './dates.ts';
import { isoDay } from './dates-calendar.ts';

function ctx(published: string | null, language = 'en'): DateContext {
  const precision = published === null ? null : published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year';
  return { published, published_precision: precision, language };
}

/** [sentence, published, expected text of the mention, start, end, precision] — end null = same as start; start null = window null. */
type Case = [string, string | null, string, string | null, string | null, string | null];

const CASES: Case[] = [
  // English, full publication date (2019-08-08 is a Thursday)
  ['The drone struck the compound on Tuesday night, officials said.', '2019-08-08', 'Tuesday night', '2019-08-06', null, 'day'],
  ['Officials said the raid happened on Thursday.', '2019-08-08', 'Thursday', '2019-08-08', null, 'day'],
  ['Witnesses said the jets returned last Thursday.', '2019-08-08', 'last Thursday', '2019-08-01', null, 'day'],
  ['At least six people were killed yesterday when a drone hit a house.', '2019-08-08', 'yesterday', '2019-08-07', null, 'day'],
  ['Three fighters died today when a US drone struck their car.', '2019-08-08', 'today', '2019-08-08', null, 'day'],
  ['The strike took place last week near the border.', '2019-08-08', 'last week', '2019-07-29', '2019-08-04', 'week'],
  ['Residents reported several strikes earlier this month.', '2019-08-08', 'earlier this month', '2019-08-01', '2019-08-08', 'month'],
  ['The command said the raid was carried out over the weekend.', '2019-08-08', 'over the weekend', '2019-08-03', '2019-08-04', 'days'],
  ['There were three strikes in the past 24 hours, officials said.', '2019-08-08', 'in the past 24 hours', '2019-08-07', '2019-08-08', 'days'],
  ['A similar raid last month killed four people.', '2019-08-08', 'last month', '2019-07-01', '2019-07-31', 'month'],
  ['The vehicle was hit two days ago outside the town.', '2019-08-08', 'two days ago', '2019-08-06', null, 'day'],
  ['The airport was bombed the day before yesterday.', '2019-08-08', 'the day before yesterday', '2019-08-06', null, 'day'],
  ['A drone strike last night hit a convoy.', '2019-08-08', 'last night', '2019-08-07', '2019-08-08', 'days'],
  ['It said it struck on Saturday, Oct. 1, close to Jilib.', '2022-10-03', 'Saturday, Oct. 1', '2022-10-01', null, 'day'],
  ['Bombs fell on Sunday (June 17th) near the well.', '2012-06-20', 'Sunday (June 17th)', '2012-06-17', null, 'day'],
  // fixed days of the calendar, the most recent on or before publication
  ['Helicopters struck the fleeing gunmen on Christmas night.', '2017-12-26', 'Christmas night', '2017-12-25', null, 'day'],
  ['A drone hit the market on Christmas Eve, residents said.', '2020-01-03', 'Christmas Eve', '2019-12-24', null, 'day'],
  ['Des avions ont bombardé le village le soir de Noël.', '2021-12-27', 'le soir de Noël', '2021-12-25', null, 'day'],
  ['A second strike hit the same area last week (March 17).', '2012-03-21', 'last week (March 17)', '2012-03-17', null, 'day'],
  ['A drone struck the car on Dec. 30, the ministry said.', '2013-01-05', 'Dec. 30', '2012-12-30', null, 'day'],
  ['The strike on August 29, 2021 killed ten civilians.', null, 'August 29, 2021', '2021-08-29', null, 'day'],
  ['Afghans gather after a U.S. drone strike in Kabul on Sunday, Aug. 29, 2021.', null, 'Sunday, Aug. 29, 2021', '2021-08-29', null, 'day'],
  ['The raid was reported on 3 January 2020 by local media.', null, '3 January 2020', '2020-01-03', null, 'day'],
  ['Fighting resumed in June 2012 in the north.', null, 'June 2012', '2012-06-01', '2012-06-30', 'month'],
  ['Strikes have continued since 2015 in the region.', null, 'since 2015', '2015-01-01', '2015-12-31', 'year'],
  ['President Biden said in May that troops would return.', '2022-10-04', 'in May', '2022-05-01', '2022-05-31', 'month'],
  ['The raid was carried out on Saturday, Oct. 1, near the town.', null, 'Saturday, Oct. 1', null, null, null],
  ['Officials said the strike happened on Monday.', null, 'Monday', null, null, null],
  ['A drone hit the village yesterday.', null, 'yesterday', null, null, null],
  // partial publication dates
  ['The drone struck on Tuesday, residents said.', '2019-08', 'Tuesday', '2019-08-01', '2019-08-31', 'month'],
  ['Five militants were killed today in a strike.', '2013-02', 'today', '2013-02-01', '2013-02-28', 'month'],
  ['The strike happened on Oct. 1 near the river.', '2022-10', 'Oct. 1', '2022-10-01', null, 'day'],
  ['The jets struck on Nov. 27 near the border.', '2022-10', 'Nov. 27', '2021-11-27', null, 'day'],
  ['A second raid followed last month.', '2019-08', 'last month', '2019-07-01', '2019-07-31', 'month'],
  ['The strike was carried out on 5 March.', '2017', '5 March', '2017-03-05', null, 'day'],
  // French (2022-08-04 is a Thursday)
  ['Les frappes menées le 1er août dernier ont fait des victimes civiles.', '2022-08-04', 'le 1er août dernier', '2022-08-01', null, 'day'],
  ['Le raid a eu lieu mardi dernier près de la frontière.', '2022-08-04', 'mardi dernier', '2022-08-02', null, 'day'],
  ['Un drone a frappé le convoi mardi soir.', '2022-08-04', 'mardi soir', '2022-08-02', null, 'day'],
  ['La frappe a eu lieu hier à Bamako.', '2022-08-04', 'hier', '2022-08-03', null, 'day'],
  ["Selon l'armée, la frappe a eu lieu aujourd'hui.", '2022-08-04', "aujourd'hui", '2022-08-04', null, 'day'],
  ['Le véhicule a été touché avant-hier.', '2022-08-04', 'avant-hier', '2022-08-02', null, 'day'],
  ['Le camp a été bombardé il y a deux jours.', '2022-08-04', 'il y a deux jours', '2022-08-02', null, 'day'],
  ['Un raid a visé la zone dans la nuit de samedi à dimanche.', '2022-08-04', 'dans la nuit de samedi à dimanche', '2022-07-30', '2022-07-31', 'days'],
  ['Deux véhicules touchés dans la nuit du jeudi 2 au vendredi 3 janvier à Bagdad.', '2020-01-04', 'dans la nuit du jeudi 2 au vendredi 3 janvier', '2020-01-02', '2020-01-03', 'days'],
  ['Deux véhicules touchés dans la nuit du jeudi 2 au vendredi 3 janvier à Bagdad.', null, 'dans la nuit du jeudi 2 au vendredi 3 janvier', null, null, null],
  ['Plusieurs frappes ont eu lieu la semaine dernière.', '2022-08-04', 'la semaine dernière', '2022-07-25', '2022-07-31', 'week'],
  ["L'armée a mené des raids le mois dernier dans l'Est.", '2022-08-04', 'le mois dernier', '2022-07-01', '2022-07-31', 'month'],
  ['La frappe du 13 février 2019 a visé un groupe armé.', null, '13 février 2019', '2019-02-13', null, 'day'],
  ['Des frappes ont eu lieu au cours des dernières 24 heures.', '2022-08-04', 'au cours des dernières 24 heures', '2022-08-03', '2022-08-04', 'days'],
  ['Le bombardement a eu lieu ce week-end dans le nord.', '2022-08-04', 'ce week-end', '2022-07-30', '2022-07-31', 'days'],
  ['Le raid a visé la zone dimanche 17 juin.', '2012-06-20', 'dimanche 17 juin', '2012-06-17', null, 'day'],
  ['Les frappes ont eu lieu entre le 2 et le 5 janvier 2020.', null, 'entre le 2 et le 5 janvier 2020', '2020-01-02', '2020-01-05', 'days'],
  ['Les raids ont eu lieu en juin dernier.', '2022-08-04', 'en juin', '2022-06-01', '2022-06-30', 'month'],
  ['La frappe a eu lieu vendredi vers minuit.', '2022-01-08', 'vendredi vers minuit', '2022-01-07', null, 'day'],
  // Dutch and Arabic weekdays / today
  ['Zondagavond zijn in de stad minstens 43 mensen omgekomen.', '2019-08-05', 'Zondagavond', '2019-08-04', null, 'day'],
  ['قتل 41 شخصا اليوم الجمعة في غارة جوية', '2016-02-19', 'اليوم الجمعة', '2016-02-19', null, 'day'],
  ['قتل 41 شخصا اليوم الجمعة في غارة جوية', null, 'اليوم الجمعة', null, null, null],
  // a year glued to a caption credit that follows it
  ['IS positions after the US bombing, 19 February 2016Image source, AP', null, '19 February 2016', '2016-02-19', null, 'day'],
  ['Des combattants près du camp bombardé, 3 mars 2019Crédit photo AFP', null, '3 mars 2019', '2019-03-03', null, 'day'],
  // a month-only publication date, narrowed by the latest day the text tells inside it
  ['The first strike came on July 27. Today a second drone hit a car in Shabwa.', '2013-07', 'Today', '2013-07-27', '2013-07-31', 'days'],
  ["Le 20 juin, un raid a visé un camp. Aujourd'hui, un drone a frappé un véhicule.", '2012-06', "Aujourd'hui", '2012-06-20', '2012-06-30', 'month'],
  ['The drone struck on Tuesday, residents said; an earlier raid hit on Aug. 29.', '2019-08', 'Tuesday', '2019-08-27', '2019-08-27', 'day'],
];

describe('findDates: sentence table', () => {
  it.each(CASES)('%s (published %s)', (sentence, published, text, start, end, precision) => {
    const found = findDates(sentence, ctx(published));
    const m = found.find((x) => x.text === text);
    expect(m, `no mention "${text}" in ${JSON.stringify(found.map((f) => f.text))}`).toBeDefined();
    if (start === null) expect(m!.window).toBeNull();
    else expect(m!.window).toEqual({ start, end: end ?? start, precision });
    expect(sentence.slice(m!.span[0], m!.span[1])).toBe(text);
  });
});

describe('findDates: what is not a date', () => {
  it.each([
    ['The hotline runs 24/7 for families.'],
    ['Drone warfare grew in the 1990s and 2000s.'],
    ['The strike may have killed a commander.'],
    ['Troops will march to the town at 5 pm.'],
    ['A 25-year-old man was among the 12 dead.'],
  ])('%s', (sentence) => {
    expect(findDates(sentence, ctx('2019-08-08'))).toEqual([]);
  });

  it('a weekday that does not fit the date gives no window and says so', () => {
    const [m] = findDates('The raid took place on Monday, 2 August 2022.', ctx('2022-08-04'));
    expect(m.window).toBeNull();
    expect(m.inconsistent).toBe(true);
  });

  it('reports whether the year was printed', () => {
    const found = findDates('On Oct. 27, 2010 and again on Jan. 10 drones struck.', ctx('2013-02-05'));
    expect(found.map((f) => [f.text, f.year_printed])).toEqual([
      ['Oct. 27, 2010', true],
      ['Jan. 10', false],
    ]);
  });

  it('finds several mentions in text order with absolute spans', () => {
    const text = 'Headline\n\nOn Monday a drone struck. The previous strike was on July 27.';
    const found = findDates(text, ctx('2013-07-31'));
    expect(found.map((f) => f.text)).toEqual(['Monday', 'July 27']);
    for (const f of found) expect(text.slice(f.span[0], f.span[1])).toBe(f.text);
  });

  it('counts "la veille" and "the next day" from the date told before them', () => {
    const fr = findDates('Le 13 février, des avions ont frappé. La veille, un convoi avait été attaqué.', ctx('2019-02-20', 'fr'));
    expect(fr.map((f) => [f.text, f.window?.start])).toEqual([
      ['Le 13 février', '2019-02-13'],
      ['La veille', '2019-02-12'],
    ]);
    const en = findDates('The next day, officials said nothing.', ctx('2019-02-20'));
    expect(en[0].window).toBeNull();
    const alone = findDates('La veille, un convoi avait été attaqué.', ctx('2019-02-20', 'fr'));
    expect(alone[0].window?.start).toBe('2019-02-19');
  });

  it('a month-only publication is not narrowed by a day still to come', () => {
    const [today] = findDates('Today a drone hit a car. Talks are scheduled for July 30.', ctx('2013-07'));
    expect(today.window).toEqual({ start: '2013-07-01', end: '2013-07-31', precision: 'month' });
    const [fr] = findDates("Aujourd'hui un drone a frappé. Le sommet est prévu le 30 juillet.", ctx('2013-07', 'fr'));
    expect(fr.window).toEqual({ start: '2013-07-01', end: '2013-07-31', precision: 'month' });
  });

  it('a month-only publication is not narrowed by a day outside it', () => {
    const [, today] = findDates('The first strike came on June 27. Today a second drone hit a car.', ctx('2013-07'));
    expect(today.window).toEqual({ start: '2013-07-01', end: '2013-07-31', precision: 'month' });
  });

  it('a weekday expression says which weekday it names, even unresolved', () => {
    const [m] = findDates("No statement was issued on Tuesday's air raids.", ctx(null));
    expect(m.window).toBeNull();
    expect(m.weekday).toBe(2);
    const [fr] = findDates('La frappe a eu lieu vendredi vers minuit.', ctx(null, 'fr'));
    expect(fr.weekday).toBe(5);
  });

  it('ignores an unparseable publication date instead of throwing', () => {
    const [m] = findDates('It happened yesterday.', { published: 'not a date', published_precision: 'day', language: 'en' });
    expect(m.window).toBeNull();
  });
});

describe('findDates: properties', () => {
  const wordy = fc.array(
    fc.constantFrom('Monday', 'on', 'Oct.', '1', '2019', 'yesterday', 'la', 'nuit', 'du', 'samedi', 'au', 'dimanche', 'last', 'week',
      '(', ')', ',', ' ', '\n', 'May', '24/7', '31', 'février', 'il y a', 'deux', 'jours', 'اليوم', 'hier', '3.1.2020'),
    { maxLength: 30 },
  ).map((xs) => xs.join(' '));
  const published = fc.option(
    fc.oneof(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('2019-08', '2017', 'garbage', ''),
    ),
    { nil: null },
  );

  it('never throws; spans lie inside the text and windows are ordered', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), wordy), published, (text, pub) => {
        const found = findDates(text, ctx(pub));
        for (const m of found) {
          expect(m.span[0]).toBeGreaterThanOrEqual(0);
          expect(m.span[1]).toBeLessThanOrEqual(text.length);
          expect(m.span[0]).toBeLessThan(m.span[1]);
          expect(text.slice(m.span[0], m.span[1])).toBe(m.text);
          if (m.window) expect(m.window.start <= m.window.end).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never resolves a yearless date without a publication date', () => {
    fc.assert(
      fc.property(wordy, (text) => {
        for (const m of findDates(text, ctx(null))) if (!m.year_printed) expect(m.window).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('a relative day never lands after the publication day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (d) => {
        const pub = d.toISOString().slice(0, 10);
        for (const m of findDates('on Monday, on Sunday, yesterday, last week, mardi dernier, over the weekend', ctx(pub)))
          expect(m.window!.end <= pub).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('anchor words in any case (the pre-filter keeps them)', () => {
  it.each<[string, string]>([
    ['The strike came on TUESDAY NIGHT.', '2019-08-06'],
    ['Zondagavond viel de aanval.', '2019-08-04'],
    ['AUJOURD’HUI, un drone a frappé.', '2019-08-08'],
    ['It happened YESTERDAY.', '2019-08-07'],
    ['Le raid a eu lieu le 3 AOÛT.', '2019-08-03'],
    ['On Aug. 3, a drone struck.', '2019-08-03'],
    ['Sur 3/8/2019, rien.', '2019-08-03'],
  ])('%s', (text, day) => {
    const found = findDates(text, ctx('2019-08-08'));
    expect(found.map((m) => m.window?.start)).toContain(day);
  });

  it('isoDay agrees with Date on years 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (dn) => {
        expect(isoDay(dn)).toBe(new Date(dn * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });
});
