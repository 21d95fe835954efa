import { describe, expect, it } from 'vitest';
import { compatible, linked, scorePair } from './pair.ts';
import { toClusterItem } from './item.ts';
import { PLACES, report, type ReportSpec } from './test-reports.ts';

const item = (s: ReportSpec) => toClusterItem(report(s));

describe('same strike, reported in English and French', () => {
  it('links a US drone strike on a compound near Datta Khel told by two outlets in two languages', () => {
    // English wire: "at least six killed yesterday when an American drone struck a compound".
    const en = item({ doc: 'nyt', date: '2014-08-06', place: PLACES.dattaKhel, killed: [6, null], targets: ['Haqqani Network'], attributions: [{ actor: 'US', stance: 'alleges' }], details: ['compound'] });
    // French: "sept combattants tués mercredi par un drone américain à Datta Khel".
    const fr = item({ doc: 'afp-fr', date: '2014-08-06', place: PLACES.dattaKhelFr, killed: [7, 7], targets: ['Haqqani Network'], attributions: [{ actor: 'US', stance: 'alleges' }], details: ['compound'] });
    expect(linked(en, fr)).toBe(true);
    expect(scorePair(en, fr)).toBeGreaterThan(4);
  });

  it('links a Friday report with a Saturday report of the same Kunduz strike (one day apart)', () => {
    const en = item({ doc: 'en', event: 'airstrike', date: '2015-10-03', place: PLACES.kunduz, killed: [19, 22], attributions: [{ actor: 'US', stance: 'confirms' }] });
    const fr = item({ doc: 'fr', event: 'airstrike', date: '2015-10-02', place: PLACES.kunduzFr, killed: [16, 19], attributions: [{ actor: 'US', stance: 'alleges' }] });
    expect(linked(en, fr)).toBe(true);
  });

  it('links a district-level report to a town-level report of the same day and target', () => {
    const town = item({ doc: 'a', date: '2014-08-06', place: PLACES.dattaKhel, targets: ['TTP'] });
    const district = item({ doc: 'b', date: '2014-08-06', place: PLACES.northWaziristan, targets: ['TTP'] });
    expect(linked(town, district)).toBe(true);
  });

  it('links an undated French report to a dated English one in the same town with the same target', () => {
    const en = item({ doc: 'en', date: '2013-11-01', place: PLACES.miranshah, targets: ['TTP'], killed: [4, 5] });
    const fr = item({ doc: 'fr', date: null, place: PLACES.miranshah, targets: ['TTP'], killed: [4, 4] });
    expect(linked(en, fr)).toBe(true);
  });
});

describe('different strikes stay apart', () => {
  it('same day, another town some 50 km away', () => {
    const a = item({ doc: 'a', date: '2014-08-06', place: PLACES.dattaKhel, targets: ['TTP'] });
    const b = item({ doc: 'b', date: '2014-08-06', place: PLACES.mirAli, targets: ['TTP'] });
    expect(compatible(a, b)).toBe(false);
  });

  it('same town, another week', () => {
    const a = item({ doc: 'a', date: '2014-08-06', place: PLACES.dattaKhel, targets: ['TTP'], killed: [6, 6] });
    const b = item({ doc: 'b', date: '2014-08-14', place: PLACES.dattaKhel, targets: ['TTP'], killed: [6, 6] });
    expect(compatible(a, b)).toBe(false);
  });

  it('two reports of one document the extractor kept apart', () => {
    const a = item({ doc: 'same', index: 0, date: '2014-08-06', place: PLACES.dattaKhel });
    const b = item({ doc: 'same', index: 1, date: '2014-08-06', place: PLACES.dattaKhel });
    expect(compatible(a, b)).toBe(false);
  });

  it('another country', () => {
    const a = item({ doc: 'a', date: '2022-10-01', place: PLACES.jilib, targets: ['al-Shabaab'] });
    const b = item({ doc: 'b', date: '2022-10-01', place: PLACES.kunduz, targets: ['al-Shabaab'] });
    expect(compatible(a, b)).toBe(false);
  });

  it('no place and nothing else in common beyond the country and the day', () => {
    const a = item({ doc: 'a', date: '2014-08-06', place: null, targets: ['TTP'] });
    const b = item({ doc: 'b', date: '2014-08-06', place: null, targets: ['al-Qaeda'] });
    // Without a place the report has no country either: nothing ties them.
    expect(compatible(a, b)).toBe(false);
  });

  it('a region-wide report of the same day with a different target does not link', () => {
    const a = item({ doc: 'a', date: '2014-08-06', place: PLACES.northWaziristan, targets: ['al-Qaeda'], event: 'airstrike' });
    const b = item({ doc: 'b', date: '2014-08-06', place: PLACES.wana, targets: ['TTP'] });
    expect(linked(a, b)).toBe(false);
  });
});

describe('accounts without a date', () => {
  it('links two undated country-level accounts that agree on weapon, target and striker', () => {
    // "Une frappe de drone de l'armée malienne a visé des combattants du CSP-DPA" / "A Malian army drone struck CSP-DPA fighters".
    const fr = item({ doc: 'fr', date: null, place: PLACES.mali, targets: ['CSP-DPA'], attributions: [{ actor: 'ML', stance: 'claims' }], killed: [2, null] });
    const en = item({ doc: 'en', date: null, place: PLACES.mali, targets: ['CSP-DPA'], attributions: [{ actor: 'ML', stance: 'claims' }] });
    expect(linked(fr, en)).toBe(true);
  });

  it('keeps them apart when the striker differs or the weapon is only "an air raid"', () => {
    const a = item({ doc: 'a', date: null, place: PLACES.mali, targets: ['CSP-DPA'], attributions: [{ actor: 'ML', stance: 'claims' }] });
    const b = item({ doc: 'b', date: null, place: PLACES.mali, targets: ['CSP-DPA'], attributions: [{ actor: 'FR', stance: 'alleges' }] });
    const c = item({ doc: 'c', event: 'air_raid_unspecified', date: null, place: PLACES.mali, targets: ['CSP-DPA'], attributions: [{ actor: 'ML', stance: 'claims' }] });
    expect(linked(a, b)).toBe(false);
    expect(linked(a, c)).toBe(false);
  });

  it('does not take "at least 2 killed" and "at least 100 killed" for the same toll', () => {
    const two = item({ doc: 'a', date: null, place: PLACES.somalia, targets: ['al-Shabaab'], attributions: [{ actor: 'US', stance: 'confirms' }], killed: [2, null] });
    const hundred = item({ doc: 'b', date: null, place: PLACES.somalia, targets: ['al-Shabaab'], attributions: [{ actor: 'US', stance: 'confirms' }], killed: [100, null] });
    const three = item({ doc: 'c', date: null, place: PLACES.somalia, targets: ['al-Shabaab'], attributions: [{ actor: 'US', stance: 'confirms' }], killed: [3, null] });
    expect(linked(two, hundred)).toBe(false);
    expect(scorePair(two, three)).toBeGreaterThan(scorePair(two, hundred) + 0.9);
  });

  it('counts "l\'hôpital" and "the hospital" as one shared detail', () => {
    const en = item({ doc: 'en', date: null, place: PLACES.kunduz, event: 'airstrike', details: ['hospital'] });
    const fr = item({ doc: 'fr', date: '2015-10-03', place: PLACES.kunduzFr, event: 'airstrike', details: ['hôpital'] });
    const none = item({ doc: 'x', date: '2015-10-03', place: PLACES.kunduzFr, event: 'airstrike', details: ['Véhicules'] });
    expect(en.details).toEqual(fr.details);
    expect(none.details).toEqual(['vehicle']);
    expect(scorePair(en, fr) - scorePair(en, none)).toBeCloseTo(0.6, 5);
  });
});

describe('figures, days and vague places', () => {
  const naf = [{ actor: 'NG', stance: 'claims' as const }];
  it('links two Borno-wide reports two days apart when weapon, striker and an exact toll of 30 agree', () => {
    // "Thirty fighters were killed on Monday in an air force strike in Borno" / "30 killed", dated by its communiqué two days later.
    const monday = item({ doc: 'a', event: 'airstrike', date: '2021-03-01', place: PLACES.borno, killed: [30, 30], attributions: naf });
    const communique = item({ doc: 'b', event: 'airstrike', date: '2021-03-03', place: PLACES.borno, killed: [30, 30], attributions: naf });
    expect(linked(monday, communique)).toBe(true);
    // Two days apart with a toll that differs: nothing but the region, the weapon and the striker.
    const other = item({ doc: 'c', event: 'airstrike', date: '2021-03-03', place: PLACES.borno, killed: [12, 12], attributions: naf });
    expect(linked(monday, other)).toBe(false);
    // Three days apart: another strike.
    const later = item({ doc: 'd', event: 'airstrike', date: '2021-03-04', place: PLACES.borno, killed: [30, 30], attributions: naf });
    expect(compatible(monday, later)).toBe(false);
  });

  it('links an undated regional report to a dated one through the same exact toll, striker and weapon, not a small toll', () => {
    const dated = item({ doc: 'a', event: 'airstrike', date: '2021-03-01', place: PLACES.borno, killed: [30, 30], attributions: naf });
    const undated = item({ doc: 'b', event: 'airstrike', date: null, place: PLACES.borno, killed: [30, 30], attributions: naf });
    expect(linked(dated, undated)).toBe(true);
    const two = item({ doc: 'c', event: 'airstrike', date: '2021-03-01', place: PLACES.borno, killed: [2, 2], attributions: naf });
    const undatedTwo = item({ doc: 'd', event: 'airstrike', date: null, place: PLACES.borno, killed: [2, 2], attributions: naf });
    expect(linked(two, undatedTwo)).toBe(false);
  });

  it('does not tie a nationwide report of the day to a town report by the day alone', () => {
    const town = item({ doc: 'a', event: 'airstrike', date: '2021-03-01', place: PLACES.maiduguri, targets: ['Boko Haram'], killed: [4, 4] });
    const national = item({ doc: 'b', event: 'airstrike', date: '2021-03-01', place: PLACES.nigeria });
    expect(compatible(town, national)).toBe(false);
    // The same day, the country and the weapon, without a place: the same.
    const unplaced = item({ doc: 'd', event: 'airstrike', date: '2021-03-01', place: null });
    expect(linked(town, unplaced)).toBe(false);
    // Naming the same target is enough on the same day.
    const named = item({ doc: 'c', event: 'airstrike', date: '2021-03-01', place: PLACES.nigeria, targets: ['Boko Haram'] });
    expect(linked(town, named)).toBe(true);
  });

  it('weighs a town inside a region by how much the region narrows the place down', () => {
    const town = item({ doc: 'a', date: '2021-03-01', place: PLACES.maiduguri, targets: ['Boko Haram'] });
    const region = item({ doc: 'b', date: '2021-03-01', place: PLACES.borno, targets: ['Boko Haram'] });
    const country = item({ doc: 'c', date: '2021-03-01', place: PLACES.nigeria, targets: ['Boko Haram'] });
    expect(scorePair(town, region)).toBeGreaterThan(scorePair(town, country));
    expect(linked(town, region)).toBe(true);
  });
});
