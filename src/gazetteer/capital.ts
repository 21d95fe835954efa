import type { GazData } from './data.ts';
import { fcodeOf } from './candidates.ts';
import { countryOfDemonym } from './context.ts';
import { foldToken } from './normalize.ts';
import type { RawMention } from './scan.ts';

/**
 * "the capital", "the Somali capital", "la capitale somalienne", "العاصمة" with no name
 * after it: the capital (GeoNames PPLC) of the country its adjective names, else of the
 * country the text is about. It can anchor an offset ("some 25 kilometers northeast of the
 * Somali capital"). When the name follows ("the capital, Tripoli") the name is used instead.
 */

const CAPITAL_RE =
  /(?:\b[Tt]he\s+(?:(\p{Lu}[\p{L}’'-]+)\s+)?capital(?:\s+city)?|\b[Ll]a\s+capitale(?:\s+(\p{Ll}+))?|العاصمة(?:\s+([\u0600-\u06ff]+))?)(?!\s*,\s*\p{Lu})(?!\s+(?:of|de|du|d['’])\s)(?![\p{L}])/gu;

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
export function capitalMentions(d: GazData, text: string, focusCountry: string | null): RawMention[] {
  const out: RawMention[] = [];
  CAPITAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITAL_RE.exec(text)) !== null) {
    const adj = m[1] ?? m[2] ?? m[3];
    const cc = (adj ? countryOfDemonym(d, foldToken(adj.replace(/^ال/, ''))) : null) ?? focusCountry;
    if (!cc) continue;
    const p = capitalOf(d, cc);
    if (p < 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, tokStart: -1, tokEnd: -1, key: `capital ${cc}`, keyIndex: -1, postings: Uint32Array.of((p << 1) | 1) });
  }
  return out;
}
