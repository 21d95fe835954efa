import type { GazData } from './data.ts';
import { fcodeOf } from './candidates.ts';
import { countryOfDemonym } from './context.ts';
import { foldToken } from './normalize.ts';
import type { RawMention } from './scan.ts';

/**
 * "the capital", "the Somali capital", "la capitale somalienne", "العاصمة" with no name
 * after it: the capital (GeoNames PPLC) of the country its adjective names, else of the
 * country the text is about. It can anchor an offset ("some 25 kilometers northeast of the
 * Somali capital"). When the name is next to it ("the capital, Tripoli", "Niamey, the
 * capital") the name is used instead.
 */

const CAPITAL_RE =
  /(?:\b[Tt]he\s+(?:(\p{Lu}[\p{L}’'-]+)\s+)?capital(?:\s+city)?|\b[Ll]a\s+capitale(?:\s+(\p{Ll}+))?|العاصمة(?:\s+([\u0600-\u06ff]+))?)(?![\p{L}])/gu;
/** The name follows ("the capital, Tripoli", "la capitale somalienne, Mogadiscio", "capital of Mali"). */
const NAME_AFTER = /^\s*(?:\p{Ll}+\s*)?,\s*\p{Lu}|^\s+(?:of|de|du|d['’])\s/u;
/** The name came first ("Niamey, the capital,", "Sanaa, la capitale yéménite"). */
const NAME_BEFORE = /\p{Lu}[\p{L}’'-]*\s*,\s*$/u;

const capitals = new WeakMap<GazData, Map<string, number>>();

/** The most populous PPLC of each country (computed once per gazetteer). */
function capitalOf(d: GazData, cc: string): number {
  let map = capitals.get(d);
  if (!map) {
    map = new Map();
    for (let p = 0; p < d.firstRegion; p++) {
      if (fcodeOf(d, p) !== 'PPLC') continue;
      const c = d.countries[d.country[p]];
      const prev = map.get(c);
      if (prev === undefined || d.population[p] > d.population[prev]) map.set(c, p);
    }
    capitals.set(d, map);
  }
  return map.get(cc) ?? -1;
}

/** Mentions of an unnamed capital, as raw mentions whose only posting is that capital. */
export function capitalMentions(d: GazData, text: string, countryAt: (pos: number) => string | null): RawMention[] {
  const out: RawMention[] = [];
  CAPITAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITAL_RE.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (NAME_AFTER.test(text.slice(end, end + 40)) || NAME_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const adj = m[1] ?? m[2] ?? m[3];
    // an adjective that is not a country's ("the Tigrayan capital") names a region's capital: unknown here
    const cc = adj ? countryOfDemonym(d, foldToken(adj.replace(/^ال/, ''))) : countryAt(m.index);
    if (!cc) continue;
    const p = capitalOf(d, cc);
    if (p < 0) continue;
    out.push({ start: m.index, end, tokStart: -1, tokEnd: -1, key: `capital ${cc}`, keyIndex: -1, postings: Uint32Array.of((p << 1) | 1) });
  }
  return out;
}
