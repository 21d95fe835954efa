import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './index.ts';
import { nameKey } from './normalize.ts';

/**
 * The name rules of the index: admin names without their French/English prefixes and
 * suffixes, transliteration variants folded on both sides, and the hand-written exonyms of
 * admin1 regions (French, Arabic, English spellings).
 */

const g = loadGazetteer();

describe('transliteration variants fold to one key', () => {
  const PAIRS: [string, string][] = [
    ['Murzuq', 'Murzuk'],
    ['Khost', 'Kost'],
    ['Dhamar', 'Damar'],
    ['Shabwah', 'Shabwa'],
    ['Tombouctou', 'Tombuctu'],
    ['Jabbar', 'Jabar'],
    ['Khan Shaykhun', 'Khan Shaikhoun'],
    ['Hudaydah', 'Hudaida'],
  ];
  it.each(PAIRS)('%s ~ %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });
  it('keeps different names apart', () => {
    expect(nameKey('Gao')).not.toBe(nameKey('Goa'));
    expect(nameKey('Kidal')).not.toBe(nameKey('Kindal'));
  });
});

describe('admin names are indexed without their prefixes and suffixes', () => {
  const CASES: { name: string; cc: string; code: string }[] = [
    // GeoNames: "Province de la Kompienga", "Province du Yatenga", "Province du Séno"
    { name: 'Kompienga', cc: 'BF', code: 'ADM2' },
    { name: 'Yatenga', cc: 'BF', code: 'ADM2' },
    { name: 'Séno', cc: 'BF', code: 'ADM2' },
    // "Muhafazat Hadramaout", "Shabwah" governorate, "Tillabéri Region"
    { name: 'Hadramaout', cc: 'YE', code: 'ADM1' },
    { name: 'Tillabéri', cc: 'NE', code: 'ADM1' },
    // "Ansongo Cercle"
    { name: 'Ansongo', cc: 'ML', code: 'ADM2' },
  ];
  it.each(CASES)('$name', ({ name, cc, code }) => {
    const hits = g.lookup(name, { countryHints: [cc] }).filter((c) => c.country === cc && c.feature_code === code);
    expect(hits.length).toBeGreaterThan(0);
  });
});

describe('admin1 exonyms', () => {
  const CASES: { text: string; written: string; cc: string; admin1: string }[] = [
    { text: "Une frappe au Tigré, région d'Éthiopie en guerre.", written: 'Tigré', cc: 'ET', admin1: 'Tigray' },
    { text: 'قصف جوي على مخيم في إقليم تيغراي شمالي إثيوبيا', written: 'إقليم تيغراي', cc: 'ET', admin1: 'Tigray' },
    { text: 'A drone strike in Hadramout province, Yemen.', written: 'Hadramout province', cc: 'YE', admin1: 'Muhafazat Hadramaout' },
    { text: 'غارة أمريكية في محافظة حضرموت باليمن', written: 'محافظة حضرموت', cc: 'YE', admin1: 'Muhafazat Hadramaout' },
    { text: 'Clashes in Lower Shabelle region, Somalia.', written: 'Lower Shabelle region', cc: 'SO', admin1: 'Lower Shabeelle' },
    { text: 'Des frappes dans la région de Tombouctou, au Mali.', written: 'région de Tombouctou', cc: 'ML', admin1: 'Tombouctou' },
    { text: 'Raids in Deir al-Zor province in Syria.', written: 'Deir al-Zor province', cc: 'SY', admin1: 'Deir ez-Zor' },
  ];
  it.each(CASES)('$written', ({ text, written, cc, admin1 }) => {
    const r = g.geocode(text).find((x) => x.place.name === written);
    expect(r, JSON.stringify(g.geocode(text).map((x) => x.place.name))).toBeDefined();
    expect(r!.place.country).toBe(cc);
    expect(r!.place.admin1).toBe(admin1);
  });

  it('a region keeps its name against a namesake town in another country', () => {
    // El Tigre (Venezuela) folds to "tigre" too; in an Ethiopian story the region wins
    const r = g.geocode('Éthiopie : des frappes au Tigré.').find((x) => x.place.name === 'Tigré');
    expect(r?.place.country).toBe('ET');
  });

  it('a bare name shared by a town and its region is still the town', () => {
    const r = g.geocode('Strikes hit Gao in Mali overnight.').find((x) => x.place.name === 'Gao');
    expect(r?.place.precision).toBe('town');
  });
});

describe('a text that is only a name is a query: its best reading stands', () => {
  const CASES: [string, string, string][] = [
    ['Murzuq', 'LY', 'town'],
    ['Murzuk', 'LY', 'town'],
    ['Tigré', 'ET', 'region'],
    ['تيغراي', 'ET', 'region'],
    ['la province de la Kompienga', 'BF', 'district'],
    ['Hadramout', 'YE', 'region'],
  ];
  it.each(CASES)('%s', (text, cc, precision) => {
    const r = g.geocode(text);
    expect(r).toHaveLength(1);
    expect(r[0].place.country).toBe(cc);
    expect(r[0].place.precision).toBe(precision);
  });
  it('but a common word or a compass word alone is not a place', () => {
    expect(g.geocode('Said')).toEqual([]);
    expect(g.geocode('Nord')).toEqual([]);
  });
});
