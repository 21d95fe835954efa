import type { GazData } from './data.ts';
import { findKey, postingsOf } from './hashindex.ts';
import { nameKey } from './normalize.ts';
import { fcodeOf } from './candidates.ts';

/**
 * "le nord-est du Mali, près de la frontière avec le Niger", "l'est du Burkina Faso, près
 * des frontières du Niger et du Bénin", "northern Syria, near the border with Turkey": the
 * neighbours a part of a country is said to lie along. Returns their country indices (into
 * d.countries) and where the phrase ends; country-shape.ts keeps the part's cells near them.
 */

const LEAD =
  /^\s*,?\s*(?:(?:tout\s+)?près\s+|non\s+loin\s+|le\s+long\s+|à\s+proximité\s+)(?:de\s+la|des)\s+frontières?\s+(?:avec\s+|du\s+|de\s+la\s+|de\s+l['’]|des\s+|d['’])|^\s*,?\s*(?:near|along|close\s+to|by)\s+(?:the|its)\s+borders?\s+with\s+/iu;
/** What joins two neighbours: "et du", "and", ", du". */
const JOIN = /^\s*(?:,|et|and)\s+(?:du\s+|de\s+la\s+|de\s+l['’]|des\s+|d['’]|le\s+|la\s+|l['’]|les\s+|the\s+)?/iu;
const ARTICLE = /^(?:(?:le|la|les|the)\s+|l['’]\s*)/iu;
const WORD = /^[\p{L}'’-]+/u;

/** The country named by the longest run of 1-3 words at the start of `s`, and its length. */
function countryAtStart(d: GazData, s: string): { ci: number; len: number } | null {
  const words: number[] = [];
  let at = 0;
  for (let i = 0; i < 3; i++) {
    const m = WORD.exec(s.slice(at));
    if (!m) break;
    at += m[0].length;
    words.push(at);
    const sp = /^\s+/.exec(s.slice(at));
    if (!sp) break;
    at += sp[0].length;
  }
  for (let i = words.length - 1; i >= 0; i--) {
    const key = nameKey(s.slice(0, words[i]));
    const k = key ? findKey(d.index, key) : -1;
    if (k < 0) continue;
    for (const code of postingsOf(d.index, k)) if (fcodeOf(d, code >>> 1) === 'PCLI') return { ci: d.country[code >>> 1], len: words[i] };
  }
  return null;
}

/** Neighbours named right after `end` ("près de la frontière avec le Niger"), or null. */
export function bordersAfter(d: GazData, text: string, end: number): { end: number; countries: number[] } | null {
  const w = text.slice(end, end + 120);
  const m = LEAD.exec(w);
  if (!m) return null;
  let at = m[0].length;
  const countries: number[] = [];
  for (;;) {
    const art = ARTICLE.exec(w.slice(at));
    const c = countryAtStart(d, w.slice(at + (art ? art[0].length : 0)));
    if (!c) break;
    countries.push(c.ci);
    at += (art ? art[0].length : 0) + c.len;
    const j = JOIN.exec(w.slice(at));
    if (!j) break;
    at += j[0].length;
  }
  return countries.length ? { end: end + at, countries } : null;
}
