import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './index.ts';
import { consonantOutline, looseKey } from './normalize.ts';

/**
 * The transliteration-tolerant lookup of cued settlements: the loose key's rules one by one,
 * the consonant outline, and the lookup itself on the real gazetteer (a spelling found only
 * around its anchor, never elsewhere, and an invented name left unknown).
 */

const g = loadGazetteer();

describe('looseKey: spellings that differ only by transliteration habits', () => {
  const SAME: [string, string, string][] = [
    ['short vowel e~i', 'Shehr', 'Shihr'],
    ['short vowel o~u', 'Mokalla', 'Mukalla'],
    ['spaced sun-letter article', 'Ash Shihr', 'Shihr'],
    ['hyphenated article', 'al-Shihr', 'Ash Shihr'],
    ['ayn written with a left quote', 'Ma‘arrat an Nu‘mān', 'Maarrat an Numan'],
    ['ayn written with a backtick', 'Ma`arrat an Nu`man', "Ma'arrat al-Nu'man"],
    ['Somali C for the ayn', 'Ceel Cadde', 'El Adde'],
    ['Somali double vowel and C', 'Ceel Waaq', 'El Wak'],
    ['doubled consonant', 'Maarrat', 'Marat'],
  ];
  it.each(SAME)('%s: %s = %s', (_rule, a, b) => {
    expect(looseKey(a)).not.toBeNull();
    expect(looseKey(a)).toBe(looseKey(b));
  });

  const DIFFERENT: [string, string][] = [
    ['Kidal', 'Gao'],
    ['Shehr', 'Sohar'],
    ['Bidama', 'Bdama'],
    ['Mopti', 'Mapti'],
  ];
  it.each(DIFFERENT)('%s and %s keep different keys', (a, b) => {
    expect(looseKey(a)).not.toBe(looseKey(b));
  });

  it('a name that is only an article keeps it rather than becoming empty', () => {
    expect(looseKey('As')).toBe('as');
    expect(looseKey('')).toBeNull();
  });
});

describe('consonantOutline', () => {
  const CASES: [string, string, string][] = [
    ['Bidama', 'Bdama', 'bdm'],
    ['Maaret Al-Numan', 'Ma‘arrat an Nu‘mān', 'mrt nmn'],
  ];
  it.each(CASES)('%s and %s share the outline %s', (a, b, outline) => {
    expect(consonantOutline(looseKey(a)!)).toBe(outline);
    expect(consonantOutline(looseKey(b)!)).toBe(outline);
  });
});

describe('a cued settlement found by its spelling around its anchor', () => {
  const FOUND: { text: string; written: string; gid: number }[] = [
    // GeoNames: Ash Shiḩr (Hadramawt)
    { text: 'US drones killed four fighters in the eastern province of Hadramout in Yemen, in the town of Shehr, officials said.', written: 'Shehr', gid: 30490 },
    // GeoNames: Bdāmā (Idlib)
    { text: 'Jets bombed Idlib province in Syria on Monday and also struck the town of Bidama.', written: 'Bidama', gid: 171494 },
    // GeoNames: Khān Shaykhūn (Idlib), written joined
    { text: 'Jets bombed Idlib province in Syria on Monday and also struck the town of Khanshaykhun.', written: 'Khanshaykhun', gid: 168325 },
    // GeoNames: Ālbū Kamāl (Deir ez-Zor), written joined
    { text: 'A drone hit a car in Deir ez-Zor province, Syria, near the town of Albukamal.', written: 'Albukamal', gid: 174448 },
    // GeoNames: Ma‘arrat an Nu‘mān (Idlib)
    { text: 'Warplanes destroyed a market in the Idlib city of Maaret Al-Numan in Syria.', written: 'Maaret Al-Numan', gid: 167611 },
  ];
  it.each(FOUND)('$written', ({ text, written, gid }) => {
    const all = g.geocode(text);
    const r = all.find((x) => x.place.name === written);
    expect(r, JSON.stringify(all.map((x) => x.place.name))).toBeDefined();
    expect(r!.place.geonames_id).toBe(gid);
    expect(r!.place.how).toMatch(/a spelling of/);
  });

  it('is not found far from its anchor (Shehr said to be in Marib, ~450 km from Ash Shihr)', () => {
    const all = g.geocode('US drones killed four fighters in the province of Marib in Yemen, in the town of Shehr, officials said.');
    const r = all.find((x) => x.place.name === 'Shehr');
    expect(r, JSON.stringify(all.map((x) => x.place.name))).toBeDefined();
    expect(r!.place.geonames_id).not.toBe(30490);
  });

  it('an invented name stays an unknown place', () => {
    const all = g.geocode('US drones killed four fighters in the eastern province of Hadramout in Yemen, in the town of Zorblatt, officials said.');
    const r = all.find((x) => x.place.name === 'Zorblatt');
    expect(r).toBeDefined();
    expect(r!.place.geonames_id).toBeNull();
    expect(r!.place.how).toMatch(/^unknown place/);
  });
});
