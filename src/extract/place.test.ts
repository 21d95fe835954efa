import { describe, expect, it } from 'vitest';
import type { GeocodeResult } from '../gazetteer/types.ts';
import { choosePlace, datelineRanges, isSourcePlace, strikePlaces } from './place.ts';

/** A geocoded mention of `name` found at `at` in a text. */
function mention(name: string, at: number, kind: GeocodeResult['kind'], precision: GeocodeResult['place']['precision'], lat: number, lon: number, country = 'BF'): GeocodeResult {
  return {
    kind,
    score: 0,
    conflicts: [],
    anchor: null,
    place: { name, span: [at, at + name.length], geonames_id: null, canonical_name: null, country, admin1: null, lat, lon, radius_km: 150, precision, how: 'test' },
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
    // a past participle ending in an accent ("a confirmé lundi")
    expect(at('Paris a confirmé lundi que des avions avaient bombardé une colonne.', 'Paris')).toBe(true);
  });

  it('keeps a place where the strike fell', () => {
    expect(at('Une frappe de drone a touché Bamako annonçant la fin de la trêve.', 'Bamako')).toBe(false);
    expect(at('A drone strike hit a house in Kismayo on Sunday.', 'Kismayo')).toBe(false);
  });
});

describe('strikePlaces', () => {
  /** Names found in a text, in the order given, as the gazetteer would report them. */
  const found = (text: string, names: [string, string][]) => names.map(([n, c]) => mention(n, text.indexOf(n), 'name', 'town', 10, 10, c));
  const kept = (text: string, names: [string, string][]) => strikePlaces(text, found(text, names), []).map((r) => r.place.name);

  it('drops the base the aircraft took off from, the region it is put in, and where they landed', () => {
    const text = "Dimanche, des Rafale partis de leur base de Saint-Dizier, dans l'est de la France, ont bombardé des camps dans la région de Gao, avant de se poser à N'Djamena.";
    expect(kept(text, [['Saint-Dizier', 'FR'], ["dans l'est de la France", 'FR'], ['région de Gao', 'ML'], ["N'Djamena", 'TD']])).toEqual(['région de Gao']);
    const en = 'Jets that took off from an air base in Qatar struck a depot near Raqqa and landed at Incirlik.';
    expect(kept(en, [['Qatar', 'QA'], ['Raqqa', 'SY'], ['Incirlik', 'TR']])).toEqual(['Raqqa']);
  });

  it('drops countries named together as a border area, keeps a country named alone', () => {
    const country = (text: string, n: string, c: string) => ({ ...mention(n, text.indexOf(n), 'country', 'country', 10, 10, c) });
    const text = "La colonne venait d'entrer dans la zone des parcs partagés par le Burkina Faso, le Niger et le Bénin. Une frappe a touché Diapaga.";
    const rs = [country(text, 'Burkina Faso', 'BF'), country(text, 'Niger', 'NE'), country(text, 'Bénin', 'BJ'), mention('Diapaga', text.indexOf('Diapaga'), 'name', 'town', 12, 1.8, 'BF')];
    expect(strikePlaces(text, rs, []).map((r) => r.place.name)).toEqual(['Diapaga']);
    const en = 'Jets struck in the tri-border area between Mali, Niger and Burkina Faso. Another strike hit Niger.';
    const rs2 = ['Mali', 'Niger', 'Burkina Faso'].map((n) => country(en, n, n.slice(0, 2).toUpperCase()));
    rs2.push(country(en.replace('Niger and', 'XXXXX and'), 'Niger', 'NE'));
    expect(strikePlaces(en, rs2, []).map((r) => r.place.span)).toEqual([[en.lastIndexOf('Niger'), en.lastIndexOf('Niger') + 5]]);
  });

  it('drops a town the aircraft set out from when no base is named', () => {
    const text = "Une patrouille de Mirage 2000 partie de N'Djamena a frappé la colonne près de Faya-Largeau.";
    expect(kept(text, [["N'Djamena", 'TD'], ['Faya-Largeau', 'TD']])).toEqual(['Faya-Largeau']);
    const en = 'Jets that took off from Incirlik struck a depot near Raqqa.';
    expect(kept(en, [['Incirlik', 'TR'], ['Raqqa', 'SY']])).toEqual(['Raqqa']);
  });

  it('drops where a leader spoke, keeps where the strike fell', () => {
    const text = 'The president, speaking at a military ceremony in Virginia, hailed the strike. Officials said the strike in Jilib killed two.';
    expect(kept(text, [['Virginia', 'US'], ['Jilib', 'SO']])).toEqual(['Jilib']);
  });

  it('drops the seat of the command that announced the strike', () => {
    const text = "Des avions ont frappé la région de Tessalit, a annoncé l'état-major des armées à Paris. The Pentagon in Washington said jets hit Raqqa.";
    expect(kept(text, [['Tessalit', 'ML'], ['Paris', 'FR'], ['Washington', 'US'], ['Raqqa', 'SY']])).toEqual(['Tessalit', 'Raqqa']);
  });

  it('drops the seat of a political movement or party, keeps armed groups where they were struck', () => {
    const fr = 'Des frappes ont tué cinq cadres à Kidal, selon des sources proches des anciens mouvements rebelles établis à Bamako.';
    expect(kept(fr, [['Kidal', 'ML'], ['Bamako', 'ML']])).toEqual(['Kidal']);
    const en = 'A strike hit Marib, an opposition movement long established in Aden said.';
    expect(kept(en, [['Marib', 'YE'], ['Aden', 'YE']])).toEqual(['Marib']);
    const armed = 'Les frappes ont visé des combattants établis à Tinzaouaten, selon des mouvements présents à Kidal.';
    expect(kept(armed, [['Tinzaouaten', 'ML'], ['Kidal', 'ML']])).toEqual(['Tinzaouaten', 'Kidal']);
  });

  it('drops where the wounded were treated, keeps a hospital that was hit', () => {
    const text = 'From his hospital bed in Erbil, a survivor spoke. Others were evacuated to Gao. An air strike hit a hospital in Kunduz.';
    expect(kept(text, [['Erbil', 'IQ'], ['Gao', 'ML'], ['Kunduz', 'AF']])).toEqual(['Kunduz']);
  });

  it('drops where a briefing was held and the city a clock time is given in', () => {
    const text = "Le porte-parole a évoqué la frappe près de Ménaka lors d'un point presse à Paris. Les Mirage ont frappé vers 18 heures, heure de Paris, près de Kidal.";
    expect(kept(text, [['Ménaka', 'ML'], ['Paris', 'FR'], ['Kidal', 'ML']])).toEqual(['Ménaka', 'Kidal']);
    const en = 'Jets struck at 6 p.m. Moscow time near Idlib, the ministry told a news briefing in Moscow.';
    expect(kept(en, [['Moscow', 'RU'], ['Idlib', 'SY']])).toEqual(['Idlib']);
  });

  it('drops a place told for an earlier event in a since-phrase, keeps the strike place', () => {
    const en = 'The attack in Mir Ali was the third in the district since the killing of the group leader in Quetta in May.';
    expect(kept(en, [['Mir Ali', 'PK'], ['Quetta', 'PK']])).toEqual(['Mir Ali']);
    const fr = 'La frappe de Tessit est la première dans la zone depuis la mort du chef du groupe à Ménaka, en août.';
    expect(kept(fr, [['Tessit', 'ML'], ['Ménaka', 'ML']])).toEqual(['Tessit']);
    const of = 'Drones hit a camp near Raqqa, the first such raid since the fall of Mosul.';
    expect(kept(of, [['Raqqa', 'SY'], ['Mosul', 'IQ']])).toEqual(['Raqqa']);
    const strike = 'Since the strike, residents of Jilib have fled; the first raid since Monday in Kunyo Barrow killed two.';
    expect(kept(strike, [['Jilib', 'SO'], ['Kunyo Barrow', 'SO']])).toEqual(['Jilib', 'Kunyo Barrow']);
  });

  it('drops a place told for the earlier event a strike came after, keeps the strike place', () => {
    const en = 'The strike on Kunyo Barrow came three days after the president told a rally in Mogadishu that the war would be won.';
    expect(kept(en, [['Kunyo Barrow', 'SO'], ['Mogadishu', 'SO']])).toEqual(['Kunyo Barrow']);
    const fr = "La frappe près de Ménaka intervient deux jours après un discours du président à Bamako.";
    expect(kept(fr, [['Ménaka', 'ML'], ['Bamako', 'ML']])).toEqual(['Ménaka']);
    // the strike's own sequence keeps its places
    const struck = 'The news came hours after the Pentagon admitted that one of its air strikes in Syria had killed 18 rebels.';
    expect(kept(struck, [['Syria', 'SY']])).toEqual(['Syria']);
    const own = 'A second drone hit the car two hours after it left Jilib.';
    expect(kept(own, [['Jilib', 'SO']])).toEqual(['Jilib']);
  });

  it('keeps the datelines out', () => {
    const text = 'SANAA — A drone strike hit a car in Marib.';
    expect(strikePlaces(text, found(text, [['SANAA', 'YE'], ['Marib', 'YE']]), [[0, 8]]).map((r) => r.place.name)).toEqual(['Marib']);
  });
});

describe('datelineRanges', () => {
  const lines = (text: string) => datelineRanges(text, [0]).map(([a, b]) => text.slice(a, b));
  it('knows a dateline that gives the day after the city', () => {
    expect(lines('Beyrouth, 3 juin 2024 (Le Quotidien) - Deux personnes ont été tuées.')).toEqual(['Beyrouth, 3 juin 2024 (Le Quotidien) -']);
    expect(lines('Bangui, 5 juin 2024 - Un drone a frappé la base.')).toEqual(['Bangui, 5 juin 2024 -']);
    expect(lines('Kabul, March 3 (Reuters) - A drone struck.')).toEqual(['Kabul, March 3 (Reuters) -']);
  });
  it('knows an Arabic dateline, with or without a date', () => {
    expect(lines('الرياض/صنعاء - نفى التحالف أن يكون قد استهدف منزلاً.')).toEqual(['الرياض/صنعاء -']);
    expect(lines('الخرطوم، 10 سبتمبر/أيلول 2023 - قُتل 30 شخصاً.')).toEqual(['الخرطوم، 10 سبتمبر/أيلول 2023 -']);
  });
  it('takes no sentence for a dateline', () => {
    expect(lines('Le Tchad a bombardé une colonne - selon Paris.')).toEqual([]);
    expect(lines('قال مسؤول إن الغارة - التي وقعت أمس - قتلت ثلاثة.')).toEqual([]);
  });
});

describe('choosePlace: the country of the strike sentence', () => {
  it('prefers a place in the country the strike sentence names to a town elsewhere', () => {
    const text = 'Awlaki was killed on Friday in an air strike in northern Yemen. Obama hailed it at Fort Myer, Virginia.';
    const yemen = mention('northern Yemen', text.indexOf('northern Yemen'), 'region', 'region', 16, 45, 'YE');
    const virginia = mention('Virginia', text.indexOf('Virginia'), 'name', 'town', 37, -78, 'US');
    const lead: [number, number] = [0, text.indexOf('.') + 1];
    const choice = choosePlace([yemen, virginia], [[lead], [[lead[1], text.length]]], [[35, 45]]);
    expect(choice.place?.name).toBe('northern Yemen');
  });
});

describe('choosePlace: a place inside a part of the country refines it', () => {
  /** "l'est du pays": a part of the country in focus, anchored on the country. */
  const part = (name: string, at: number, lat: number, lon: number): GeocodeResult =>
    ({
      kind: 'region',
      score: 0.7,
      anchor: { name: 'Burkina Faso', precision: 'country' },
      place: { name, span: [at, at + name.length], geonames_id: null, canonical_name: 'Burkina Faso', country: 'BF', admin1: null, lat, lon, radius_km: 157, precision: 'region', how: 'test' },
    }) as unknown as GeocodeResult;

  it('takes the named region of a later sentence over "the east of the country" in the lead', () => {
    const text = "Des civils ont été tués lors de frappes aériennes dans l'est du pays. Des groupes ont été ciblés à Djamanga, dans la région de l'Est.";
    const lead: [number, number] = [0, text.indexOf('.') + 1];
    const vague = part("l'est du pays", text.indexOf("l'est du pays"), 12.6, -0.3);
    const named = mention("région de l'Est", text.indexOf("région de l'Est"), 'name', 'region', 12.4, 0.42);
    const choice = choosePlace([vague, named], [[lead], [[lead[1], text.length]]], [[text.indexOf('frappes'), text.indexOf('frappes') + 7]]);
    expect(choice.place?.name).toBe("région de l'Est");
  });

  it('keeps the part of the country when the other place lies outside it or in another country', () => {
    const text = "Des frappes aériennes dans l'est du pays. Le ministre a parlé à Bobo-Dioulasso. Un raid au Niger, à Diffa.";
    const lead: [number, number] = [0, text.indexOf('.') + 1];
    const vague = part("l'est du pays", text.indexOf("l'est du pays"), 12.6, -0.3);
    const far = mention('Bobo-Dioulasso', text.indexOf('Bobo-Dioulasso'), 'name', 'town', 11.18, -4.3);
    const foreign = mention('Diffa', text.indexOf('Diffa'), 'name', 'town', 13.3, 12.6, 'NE');
    const choice = choosePlace([vague, far, foreign], [[lead], [[lead[1], text.length]]], [[4, 21]]);
    expect(choice.place?.name).toBe("l'est du pays");
  });
});

describe('choosePlace: a region refined by a place inside it', () => {
  /** A mention with its admin1 (the helper above leaves it null). */
  function inAdmin1(r: GeocodeResult, admin1: string, canonical: string | null = null, radius = 150): GeocodeResult {
    return { ...r, place: { ...r.place, admin1, canonical_name: canonical, radius_km: radius } };
  }
  const text =
    "Des frappes aériennes ont visé des terroristes dans la région de l'Est. Le bilan reste inconnu. Les victimes étaient sur l'axe Kompienga-Pognoa. Un convoi est passé par Fada.";
  const region = inAdmin1(mention("région de l'Est", text.indexOf("région de l'Est"), 'name', 'region', 12.4, 0.42), 'Est', 'Est', 171);
  const lead: [number, number][] = [[0, text.indexOf('Le bilan')]];

  const CASES: { label: string; other: GeocodeResult; refined: boolean }[] = [
    {
      label: 'a district of the same admin1 from a later sentence refines it',
      other: inAdmin1(mention('Kompienga', text.indexOf('Kompienga'), 'name', 'district', 11.25, 0.71), 'Est', 'Province de la Kompienga', 10),
      refined: true,
    },
    {
      label: 'a town from a later sentence does not (often another story)',
      other: inAdmin1(mention('Fada', text.indexOf('Fada'), 'name', 'town', 12.06, 0.36), 'Est', "Fada N'gourma", 5),
      refined: false,
    },
    {
      label: 'a district of another admin1 does not',
      other: inAdmin1(mention('Kompienga', text.indexOf('Kompienga'), 'name', 'district', 11.25, 0.71), 'Centre-Est', 'Province de la Kompienga', 10),
      refined: false,
    },
  ];
  it.each(CASES)('$label', ({ other, refined }) => {
    const choice = choosePlace([region, other], [lead], [[4, 21]]);
    expect(choice.place?.name).toBe(refined ? other.place.name : "région de l'Est");
  });

  it('"l\'est du pays" refined to villages of the region is refined again by a district of that region', () => {
    const t =
      "Des civils ont été tués lors de frappes aériennes dans l'est du pays. Des groupes ont été ciblés à Djamanga et Bounou, dans la région de l'Est. Les victimes étaient sur l'axe Kompienga-Pognoa.";
    const tiers: [number, number][][] = [[[0, t.indexOf('Des groupes')]], [[t.indexOf('Des groupes'), t.indexOf('Les victimes')]]];
    const vague = {
      ...mention("l'est du pays", t.indexOf("l'est du pays"), 'region', 'region', 12.6, -0.3),
      anchor: { name: 'Burkina Faso', precision: 'country' },
    } as unknown as GeocodeResult;
    const villages = inAdmin1(mention('Djamanga et Bounou', t.indexOf('Djamanga'), 'name', 'region', 12.4, 0.42), 'Est', null, 171);
    const kompienga = inAdmin1(mention('Kompienga', t.indexOf('Kompienga'), 'name', 'district', 11.25, 0.71), 'Est', 'Province de la Kompienga', 10);
    expect(choosePlace([vague, villages, kompienga], tiers, [[t.indexOf('frappes'), t.indexOf('frappes') + 7]]).place?.name).toBe('Kompienga');
    // with no district named, the villages stay
    expect(choosePlace([vague, villages], tiers, [[t.indexOf('frappes'), t.indexOf('frappes') + 7]]).place?.name).toBe('Djamanga et Bounou');
  });

  it("a town of the strike's tiers refines it, but not the region's own seat ('Baydah' for 'Baydah province')", () => {
    const t = 'A drone strike hit Baydah province on Monday. Residents of Baydah and Rada said it was loud.';
    const tiers: [number, number][][] = [[[0, t.indexOf('Residents')]], [[t.indexOf('Residents'), t.length]]];
    const prov = inAdmin1(mention('Baydah province', t.indexOf('Baydah province'), 'name', 'region', 14.29, 45.28, 'YE'), 'Al Bayda', 'Al Bayda', 73);
    const seat = inAdmin1(mention('Baydah', t.lastIndexOf('Baydah'), 'name', 'town', 13.99, 45.57, 'YE'), 'Al Bayda', 'Al Bayda', 6);
    const town = inAdmin1(mention('Rada', t.indexOf('Rada'), 'name', 'town', 14.42, 44.84, 'YE'), 'Al Bayda', 'Radā‘', 4);
    expect(choosePlace([prov, seat], tiers, [[8, 20]]).place?.name).toBe('Baydah province');
    expect(choosePlace([prov, town], tiers, [[8, 20]]).place?.name).toBe('Rada');
  });
});

describe('choosePlace: a town the text attaches to the nearer place', () => {
  const t = 'Warplanes destroyed a market in the Idlib city of Maaret Al-Numan.';
  const idlib = mention('Idlib', t.indexOf('Idlib'), 'name', 'town', 35.93, 36.63, 'SY');
  const CASES: { label: string; gid: number | null; precision: GeocodeResult['place']['precision']; attached: boolean; expected: string }[] = [
    { label: 'a gazetteer town attached to it wins', gid: 167611, precision: 'town', attached: true, expected: 'Maaret Al-Numan' },
    { label: 'a hamlet placed only by it does not', gid: null, precision: 'town', attached: true, expected: 'Idlib' },
    { label: 'a town not attached to it does not', gid: 167611, precision: 'town', attached: false, expected: 'Idlib' },
    { label: 'a vaguer attached place does not', gid: 167611, precision: 'district', attached: true, expected: 'Idlib' },
  ];
  it.each(CASES)('$label', ({ gid, precision, attached, expected }) => {
    const base = mention('Maaret Al-Numan', t.indexOf('Maaret'), 'name', precision, 35.65, 36.68, 'SY');
    const other = { ...base, anchor: attached ? idlib.place : undefined, place: { ...base.place, geonames_id: gid } } as GeocodeResult;
    expect(choosePlace([idlib, other], [[[0, t.length]]], [[0, 9]]).place?.name).toBe(expected);
  });
});
