import { describe, expect, it } from 'vitest';
import type { GeocodeResult } from '../gazetteer/types.ts';
import { choosePlace, isSourcePlace } from './place.ts';

/** A geocoded mention of `name` found at `at` in a text. */
function mention(name: string, at: number, kind: GeocodeResult['kind'], precision: GeocodeResult['place']['precision'], lat: number, lon: number): GeocodeResult {
  return {
    kind,
    score: 0,
    conflicts: [],
    anchor: null,
    place: { name, span: [at, at + name.length], geonames_id: null, canonical_name: null, country: 'BF', admin1: null, lat, lon, radius_km: 150, precision, how: 'test' },
  } as unknown as GeocodeResult;
}

describe('choosePlace', () => {
  it('prefers a named region to a part of the country told by direction', () => {
    const text = "Des frappes aériennes ont visé des terroristes dans l'est du pays, dans la région de l'Est.";
    const vague = mention("l'est du pays", text.indexOf("l'est du pays"), 'region', 'region', 12.6, -0.3);
    const named = mention("région de l'Est", text.indexOf("région de l'Est"), 'name', 'region', 12.4, 0.42);
    const choice = choosePlace([vague, named], [[[0, text.length]]], [[4, 21]]);
    expect(choice.place?.name).toBe("région de l'Est");
  });

  it('still takes a part of the country when nothing more specific is given', () => {
    const text = "Des frappes aériennes ont visé des terroristes dans l'est du pays.";
    const vague = mention("l'est du pays", text.indexOf("l'est du pays"), 'region', 'region', 12.6, -0.3);
    expect(choosePlace([vague], [[[0, text.length]]], [[4, 21]]).place?.name).toBe("l'est du pays");
  });
});

describe('isSourcePlace', () => {
  const at = (text: string, name: string, kind: GeocodeResult['kind'] = 'name') => isSourcePlace(text, mention(name, text.indexOf(name), kind, 'town', 12.6, -8));

  it('reads a capital followed by a verb of saying in the present as its government', () => {
    expect(at('Mali : Bamako annonce la mort du chef rebelle dans une frappe de drone', 'Bamako')).toBe(true);
    expect(at('Washington denies any role in the strike near Kismayo.', 'Washington')).toBe(true);
  });

  it('keeps a place where the strike fell', () => {
    expect(at('Une frappe de drone a touché Bamako annonçant la fin de la trêve.', 'Bamako')).toBe(false);
    expect(at('A drone strike hit a house in Kismayo on Sunday.', 'Kismayo')).toBe(false);
  });
});
