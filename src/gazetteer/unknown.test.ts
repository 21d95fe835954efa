import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './index.ts';
import { unknownPlaceNames } from './unknown.ts';

/**
 * Places too small for cities500: the written name is kept and placed at the most specific
 * place the text attaches to it. The names used here are real places of the Sahel, Ethiopia
 * and Yemen that cities500 does not list (checked by the first test).
 */

const g = loadGazetteer();

const CASES: { text: string; written: string; cc: string; by: RegExp; precision: string[] }[] = [
  // English: apposition, "the X neighborhood", "the village of X"
  { text: 'A drone strike hit a camp in Inates, a small town in the Tillabéri region of Niger.', written: 'Inates', cc: 'NE', by: /Tillabéri/, precision: ['district', 'region'] },
  { text: 'In Mali, the Aguelhok neighborhood near Kidal was bombed from the air at night.', written: 'Aguelhok', cc: 'ML', by: /Kidal/, precision: ['near'] },
  { text: 'Air strikes killed ten people in the village of Tabankort, near Gao, Mali.', written: 'Tabankort', cc: 'ML', by: /Gao/, precision: ['near'] },
  { text: 'Ethiopia: a drone hit Dinguila, a village in northwestern Tigray, on Friday.', written: 'Dinguila', cc: 'ET', by: /Tigray/, precision: ['district', 'region'] },
  { text: 'Three fighters died in the strike on Intahaka village, Tillabéri region, Niger.', written: 'Intahaka', cc: 'NE', by: /Tillabéri/, precision: ['district', 'region'] },
  { text: 'In Mali, aircraft also struck the villages of Tabankort and Tiloa, near Gao.', written: 'Tabankort and Tiloa', cc: 'ML', by: /Gao/, precision: ['near'] },
  // French: "la localité de X", "à X, dans ...", a list, "entre A et B", "X (nord)"
  { text: "Au Niger, une frappe a visé la localité de Chinagodrar, dans la région de Tillabéri.", written: 'Chinagodrar', cc: 'NE', by: /Tillabéri/, precision: ['district', 'region'] },
  { text: 'Des frappes de drones ont tué cinq cadres à Anderamboukane, dans la région de Ménaka, au Mali.', written: 'Anderamboukane', cc: 'ML', by: /Ménaka/, precision: ['district', 'region'] },
  { text: "Au Burkina Faso, des groupes ont été ciblés à Arbinda, Seytenga et Djibasso, dans la région du Sahel.", written: 'Arbinda, Seytenga et Djibasso', cc: 'BF', by: /Sahel/, precision: ['district', 'region'] },
  { text: "Burkina Faso : l'attaque de Kafolo (nord) a fait dix morts. Des frappes menées entre Banibangou et Tongo (frontière) ont suivi.", written: 'Kafolo', cc: 'BF', by: /nord/, precision: ['region'] },
  // Arabic: "بلدة X بمحافظة Y"
  { text: 'قتل خمسة أشخاص في غارة على بلدة المصينعة في محافظة شبوة في اليمن', written: 'المصينعة', cc: 'YE', by: /شبوة/, precision: ['district', 'region'] },
];

describe('unknown places', () => {
  it('the names of the table are not in the gazetteer', () => {
    for (const n of ['Inates', 'Aguelhok', 'Tabankort', 'Dinguila', 'Chinagodrar', 'Anderamboukane', 'Arbinda', 'Kafolo']) expect(g.lookup(n), n).toEqual([]);
  });

  it.each(CASES)('$written', ({ text, written, cc, by, precision }) => {
    const all = g.geocode(text);
    const r = all.find((x) => x.place.name === written);
    expect(r, JSON.stringify(all.map((x) => x.place.name))).toBeDefined();
    expect(r!.place.country).toBe(cc);
    expect(r!.place.geonames_id).toBeNull();
    expect(r!.place.how).toMatch(/^unknown place/);
    expect(r!.anchor?.name).toMatch(by);
    expect(precision).toContain(r!.place.precision);
    // the radius covers the anchor and more
    expect(r!.place.radius_km).toBeGreaterThan(r!.anchor!.radius_km);
  });

  it('a name placed once places its later occurrences too', () => {
    const text = 'The Tamkoutat neighborhood was hit at night. Fighting in the Gao region of Mali had driven many to Tamkoutat.';
    const r = g.geocode(text).find((x) => x.place.name === 'Tamkoutat');
    expect(r?.anchor?.name).toMatch(/Gao/);
  });

  it('its other mentions are the same place', () => {
    const text = 'Éthiopie : aide suspendue à Dinguila\nUn camp a été visé dans la zone de Dinguila, au Tigré, région éthiopienne.';
    const all = g.geocode(text).filter((x) => x.place.name === 'Dinguila');
    expect(all.map((x) => x.place.how?.replace(/ \(.*/, ''))).toEqual(['unknown place', 'unknown place']);
    expect(all[0].place.span![0]).toBeLessThan(all[1].place.span![0]);
    expect(all[0].place.lat).toBe(all[1].place.lat);
  });

  it('does not take a place of another country, or an organisation seat, as the anchor', () => {
    const text = 'Amnesty in Mali said the London-based group spoke to survivors after the Tamkoutat neighborhood was bombed.';
    const r = g.geocode(text).find((x) => x.place.name === 'Tamkoutat');
    expect(r?.place.country ?? null).not.toBe('GB');
  });

  const NOT_PLACES = [
    'A strike on Tuesday, in the morning, killed two.',
    'The Islamic State group claimed the attack.',
    'Des frappes sur Barkhane, selon Paris.',
    'The Pentagon neighborhood of officials said so.',
    'غارة على مدينة الموصل',
    'Ibrahim Maiga, a town official in Gao, Mali, said two died.',
    'Musa Diallo, a community leader near Gao in Mali, spoke.',
    'In Libya, the Haftar camp denied the strike near Tripoli.',
  ];
  it.each(NOT_PLACES)('no unknown place in %s', (text) => {
    expect(g.geocode(text).filter((r) => r.place.how?.startsWith('unknown place'))).toEqual([]);
  });

  it('finds the cue spans without the gazetteer', () => {
    const spans = unknownPlaceNames('Des frappes menées entre Boulkessi et Koutoukou (frontière) ; la localité de Pognoa.').map((u) => u.cue);
    expect(spans).toEqual(['between', 'localité de']);
  });

  it('never throws and keeps spans inside the text', () => {
    for (const t of ['', 'à X, dans', 'the  neighborhood', 'entre A et', 'بلدة', 'X (nord)', 'Entre Àé et Éa, dans la région']) {
      for (const u of unknownPlaceNames(t)) {
        expect(u.start).toBeGreaterThanOrEqual(0);
        expect(u.end).toBeLessThanOrEqual(t.length);
      }
      expect(() => g.geocode(t)).not.toThrow();
    }
  });
});

describe('a village the gazetteer places elsewhere, located by the offset after it', () => {
  it('"The Washington Post ... a home in Baghdad village, 25 km northeast of the Somali capital"', () => {
    const text =
      'The Washington Post reported that the drone was Turkish.\nThe strike hit a home in Baghdad village, in a farming district some 25 kilometers northeast of the Somali capital, after the evening meal.';
    const r = g.geocode(text).find((x) => x.place.name === 'Baghdad');
    expect(r?.place.country).toBe('SO');
    expect(r?.place.how).toMatch(/^unknown place \(X village\), placed by .*25 kilometers northeast/);
  });
});

describe('a better anchor than a part of a country, or than a direction reference', () => {
  it('a later "X, which lies in the Y district" places X better than "in central Mali"', () => {
    const text =
      'Jets struck the village of Tabakoro in central Mali on Sunday, witnesses said.\nThe army gave no toll. Early reports from Tabakoro, which lies in the Douentza district of the Mopti region, spoke of ten dead.';
    const all = g.geocode(text).filter((x) => x.place.name === 'Tabakoro');
    expect(all.length).toBe(2);
    for (const r of all) expect(r.anchor?.name).toBe('Douentza');
  });

  it('keeps the part of the country when no later mention says more', () => {
    const text = 'Jets struck the village of Tabakoro in central Mali on Sunday, witnesses said.\nThe army gave no toll.';
    const r = g.geocode(text).find((x) => x.place.name === 'Tabakoro');
    expect(r?.anchor?.name).toBe('central Mali');
  });

  it('the place a direction is told from ("north-east of the capital") does not anchor a name in the next sentence', () => {
    const text =
      'SANAA, Yemen — The ministry said the cleric was killed in al-Jawf province, north-east of the capital. Tribal figures said missiles struck two cars near the small town of Khashef.';
    const r = g.geocode(text).find((x) => x.place.name === 'Khashef');
    expect(r?.anchor?.name).toBe('al-Jawf province');
  });
});
