import { bearingOf } from './geo.ts';

/**
 * "in the east of the country", "the northern part of the country", "dans l'est du pays",
 * "la partie orientale du pays", "au nord du pays", "une localité du nord du pays", "شرق البلاد": a part of the country the text is about,
 * which the text never names in that sentence. Returns the phrases and their compass
 * bearing (null = the centre); resolve.ts places them in the focus country's extent.
 */

export interface CountryPart {
  start: number;
  end: number;
  bearing: number | null;
  dirText: string;
}

const EN =
  /\bthe\s+(?:far\s+|extreme\s+)?(north(?:[- ]?(?:east|west))?|south(?:[- ]?(?:east|west))?|east|west|centre|center|central)(?:ern)?\s+(?:(?:part|parts|region|regions)\s+)?of\s+the\s+country\b/gi;
const FR =
  /(?:\bl['’]|\ble\s+|\bau\s+|\bdu\s+)(?:extrême[- ])?(nord(?:[- ](?:est|ouest))?|sud(?:[- ](?:est|ouest))?|est|ouest|centre)\s+du\s+pays\b|\bla\s+partie\s+(septentrionale|méridionale|orientale|occidentale|centrale|nord|sud|est|ouest)\s+du\s+pays\b/gi;
const AR = /(?:^|\s)((?:شمال|جنوب|شرق|غرب|وسط)(?:\s*(?:ال)?(?:شرق|غرب))?(?:ي)?)\s+البلاد/g;

const ADJ: Record<string, number | null> = {
  septentrionale: 0, méridionale: 180, orientale: 90, occidentale: 270, centrale: null, وسط: null, وسطي: null,
};

function bearing(word: string): number | null | undefined {
  const w = word.toLowerCase();
  if (w in ADJ) return ADJ[w];
  if (/^(centre|center|central)$/.test(w)) return null;
  return bearingOf(w.replace(/\s+/g, ' ')) ?? undefined;
}

/** Every "part of the country" phrase in a text. */
export function countryParts(text: string): CountryPart[] {
  const out: CountryPart[] = [];
  for (const re of [EN, FR, AR]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const word = m[1] ?? m[2];
      const b = bearing(word);
      if (b === undefined) continue;
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ start: m.index + lead, end: m.index + m[0].length, bearing: b, dirText: word });
    }
  }
  return out;
}
