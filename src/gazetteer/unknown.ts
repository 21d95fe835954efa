import type { Place } from '../domain/index.ts';
import { haversineKm } from './geo.ts';
import { nameKey } from './normalize.ts';
import { STOPWORDS } from './stopwords.ts';
import type { GeocodeResult } from './types.ts';

/**
 * Places the gazetteer does not know. Strikes often hit a hamlet, a camp or a neighbourhood
 * too small for GeoNames cities500 ("a drone strike on Dedebit, a small town in northwestern
 * Tigray", "the Amasrakad neighborhood", "frappes sur Tinzaouaten", "entre Boulkessi et
 * Koutoukou (frontière Burkina-Mali)"). The text then says it is a place (a settlement noun,
 * a locative cue) and usually attaches it to a place we know: an apposition, "in the Y
 * region", a compass word of the country ("a northern town", "(nord)"), or a region named in
 * the same or the next sentence. The written name is kept, placed at the most specific
 * attached place with a radius that covers not knowing where inside it.
 */

/** One to three capitalised words ("Dedebit", "Pognoa-Sankoado", "Bir Ali"). */
const NAME = String.raw`(\p{Lu}[\p{Ll}\p{M}'’]+(?:[- ]\p{Lu}[\p{Ll}\p{M}'’]+){0,2})`;
/** A NAME ending where the text before a `nameBefore` cue ends: right there, or before spaces. */
const NAME_END = { tight: new RegExp(String.raw`${NAME}$`, 'u'), spaced: new RegExp(String.raw`${NAME}\s+$`, 'u') };
/**
 * A settlement noun as the head of its phrase: not "a town official", "the district
 * commissioner", "a community leader" (a person, not a place).
 */
const NOT_HEAD = String.raw`(?!\s+(?:officials?|council(?:lors?)?|hall|residents?|elders?|chief|leaders?|mayor|administrators?|commissioners?|governors?|police|authorities|court|head|spokes(?:man|woman)))`;
const SETTLEMENT_EN = String.raw`(?:town|village|city|locality|hamlet|settlement|oasis|camp|neighbou?rhood|district|quarter|community|market\s+town|border\s+town)\b${NOT_HEAD}`;
const SETTLEMENT_FR = String.raw`(?:localité|ville|village|commune|bourgade|hameau|quartier|camp|zone|secteur|site)`;

/** Patterns whose first group is an unknown place name (the second, for "between A and B"). */
/**
 * `nameBefore`: the pattern matches what follows the name (it starts with a literal, which
 * is much faster to scan for than a capital letter); the name is read back from the text
 * right before the match.
 */
const CUES: { re: RegExp; cue: string; nameBefore?: 'tight' | 'spaced'; needs?: string[] }[] = [
  // "the town of X", "a village of X", "the Idlib city of X" (the region's name before the noun)
  { re: new RegExp(String.raw`\b(?:[Tt]he|[Aa])\s+(?:small\s+|remote\s+|nearby\s+|northern\s+|southern\s+|eastern\s+|western\s+|\p{Lu}[\p{Ll}\p{M}'’-]+\s+)?${SETTLEMENT_EN}\s+of\s+${NAME}`, 'gu'), cue: 'settlement of' },
  // "the X neighborhood" (not "the X camp": "the Haftar camp" is a faction)
  { re: new RegExp(String.raw`\b[Tt]he\s+${NAME}\s+(?:neighbou?rhood|quarter|district|village|settlement|locality|market)\b${NOT_HEAD}`, 'gu'), cue: 'the X settlement' },
  // "a strike on X village, Y region", "hit X camp", "a home in X village"
  { re: new RegExp(String.raw`\b(?:on|at|in|near|hit|struck|targeted|bombed)\s+${NAME}\s+(?:village|town|camp|neighbou?rhood|locality|settlement)\b`, 'gu'), cue: 'X village' },
  // "the villages of A and B", "les villages de A et B"
  { re: new RegExp(String.raw`\b(?:villages|towns|localités|communes)\s+(?:of|de|d['’])\s*${NAME}((?:\s*,\s*\p{Lu}[\p{L}\p{M}'’-]+){0,6}\s+(?:and|et)\s+\p{Lu}[\p{L}\p{M}'’-]+)`, 'gu'), cue: 'list', needs: ['villages', 'towns', 'localités', 'communes'] },
  // "X, a small town in ...", "X, a rebel-held town"
  { re: new RegExp(String.raw`,\s+an?\s+(?:[\p{Ll}-]+\s+){0,3}${SETTLEMENT_EN}\b`, 'gu'), cue: 'apposition', nameBefore: 'tight', needs: [','] },
  // "la localité de X", "le village d'X", "la zone de X"
  { re: new RegExp(String.raw`\b${SETTLEMENT_FR}\s+(?:de\s+|d['’]\s*|du\s+)${NAME}`, 'gu'), cue: 'localité de' },
  // "à X, ville frontalière", "à X, dans le nord du Mali"
  {
    re: new RegExp(String.raw`(?:à|sur|vers)(?<![\p{L}](?:à|sur|vers))\s+${NAME}\s*,\s+(?:(?:une?\s+)?(?:petite?\s+)?${SETTLEMENT_FR}\b|dans\s+(?:le|la|les|l['’])|au\s|en\s|près\s)`, 'gu'),
    cue: 'à X, ...',
    needs: [','],
  },
  // a list: "à A, B et C, dans la région de l'Est"; "in A, B and C, in the Y region"
  {
    re: new RegExp(String.raw`(?:à|in|at)(?<![\p{L}](?:à|in|at))\s+${NAME}((?:\s*,\s*\p{Lu}[\p{L}\p{M}'’-]+){1,8}\s+(?:et|and)\s+\p{Lu}[\p{L}\p{M}'’-]+)\s*,\s+(?:dans|in|près|near)\s`, 'gu'),
    cue: 'list',
    needs: [','],
  },
  // "frappes sur X", "frappe de drone à X"
  { re: new RegExp(String.raw`\b[Ff]rappes?\s+(?:aériennes?\s+|de\s+drones?\s+)?(?:sur|à|contre)\s+${NAME}`, 'gu'), cue: 'frappe sur', needs: ['rappe'] },
  // "strike on X, in ...", "strikes on X near ..."
  { re: new RegExp(String.raw`\b(?:[Ss]trikes?|[Rr]aids?|[Bb]ombings?)\s+(?:on|in)\s+${NAME}\s*,?\s+(?:in|near|close\s+to)\s`, 'gu'), cue: 'strike on', needs: ['trike', 'aid', 'ombing'] },
  // "entre A et B", "between A and B"
  { re: new RegExp(String.raw`\b(?:[Ee]ntre|[Bb]etween)\s+${NAME}\s+(?:et|and)\s+${NAME}`, 'gu'), cue: 'between', needs: ['ntre', 'etween'] },
  // "Koutougou (nord)"
  { re: new RegExp(String.raw`\((?:dans\s+le\s+|in\s+the\s+)?(?:nord|sud|est|ouest|centre|north|south|east|west)[\p{L}-]*\)`, 'gu'), cue: 'X (direction)', nameBefore: 'spaced', needs: ['('] },
  // Arabic: "بلدة X", "قرية X" (no capitals: only the words for a settlement, never "للـ...")
  { re: /(?:^|\s|[وب])(?:بلدة|قرية|مدينة)\s+(?!لل)([\u0621-\u064a]{3,})/gu, cue: 'بلدة X', needs: ['بلدة', 'قرية', 'مدينة'] },
];

export interface UnknownName {
  /** The span that names the place as written ("Dedebit", "entre Boulkessi et Koutoukou"). */
  start: number;
  end: number;
  cue: string;
}

/** Every span the cues mark as a place name, the known ones included (the caller filters). */
export function unknownPlaceNames(text: string): UnknownName[] {
  const out: UnknownName[] = [];
  for (const { re, cue, nameBefore, needs } of CUES) {
    // a literal the cue cannot match without (a plain substring search, much cheaper than the pattern)
    if (needs && !needs.some((w) => text.includes(w))) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (nameBefore) {
        const from = Math.max(0, m.index - 80);
        const b = NAME_END[nameBefore].exec(text.slice(from, m.index));
        if (b && plausible(b[1])) out.push({ start: from + b.index, end: from + b.index + b[1].length, cue });
        continue;
      }
      const name = m[1];
      const at = m.index + m[0].indexOf(name);
      if ((cue === 'between' || cue === 'list') && m[2]) {
        // the span covers every name and the words between them
        const end = m.index + m[0].indexOf(m[2]) + m[2].length;
        if (plausible(m[1])) out.push({ start: at, end, cue });
        continue;
      }
      if (!plausible(name)) continue;
      out.push({ start: at, end: at + name.length, cue });
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // one entry per span: the longest at each start, no overlaps
  const kept: UnknownName[] = [];
  for (const u of out) if (!kept.some((k) => u.start < k.end && k.start < u.end)) kept.push(u);
  return kept;
}

/** A name, not a common word or a month written with a capital. */
function plausible(name: string): boolean {
  const key = nameKey(name);
  if (!key) return false;
  const first = key.split(' ')[0];
  return !STOPWORDS.has(first) && !STOPWORDS.has(key);
}

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x0a;
}

function sentenceBounds(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
  let e = at;
  while (e < text.length && !isSentenceEnd(text.charCodeAt(e))) e++;
  return [s, e];
}

/** Region words that make an apposed country a neighbour, not the container ("ville frontalière de l'Algérie"). */
const BORDER_BEFORE = /(?:border|frontière|frontalière|frontalier|frontier|الحدود)[^.,;()]{0,25}$/iu;

/** "London-based", "Kabul-backed": an organisation's seat, not a place of the story. */
const METONYMY = /^-(?:based|backed|led|allied|funded|trained)\b/;

function inside(r: GeocodeResult, s: number, e: number): boolean {
  const sp = r.place.span;
  return sp !== null && sp[0] >= s && sp[1] <= e;
}

export interface UnknownContext {
  /** The ISO2 country the text is about at a position, or null. */
  countryAt: (at: number) => string | null;
  /** The part of that country a compass word names ("a northern town", "(nord)"), or null. */
  countryPart: (bearing: number | null, dirText: string, at: number) => GeocodeResult | null;
  /**
   * The gazetteer place a cued name is a spelling of, among the places around its anchor
   * ("the town of Shehr" in Hadramout is Ash Shihr), or null.
   */
  loose?: (name: string, span: [number, number], anchor: Place) => GeocodeResult | null;
}

/**
 * Results for unknown place names: each placed at the most specific known place the text
 * attaches to it. One name is one place in a text: when the cue's own sentence attaches
 * nothing, its other occurrences may ("...to seek refuge in Amasrakad", after "the Gao region").
 */
export function unknownPlaceResults(text: string, results: GeocodeResult[], ctx: UnknownContext): GeocodeResult[] {
  const out: GeocodeResult[] = [];
  // in text order; an unknown place once placed can place a later one ("l'attaque de
  // Koutougou (nord)" ... "entre Boulkessi et Koutoukou")
  const known = results.filter((r) => r.place.span);
  for (const u of unknownPlaceNames(text)) {
    // a name the gazetteer resolved is not unknown
    if (known.some((r) => r.place.span![0] < u.end && u.start < r.place.span![1])) continue;
    const cc = ctx.countryAt(u.start);
    // places of other countries do not locate it ("the London-based rights group"); an
    // offset does, whatever country a stray name before it suggested ("The Washington Post
    // ... in X village, 25 km northeast of the Somali capital"): it is geometry, not a name
    const local = known.filter((r) => !cc || r.place.country === cc || r.kind === 'offset');
    let anchor = attachedPlace(text, u, local, ctx);
    if (!anchor && u.cue !== 'between' && u.cue !== 'list') {
      for (const other of occurrences(text, text.slice(u.start, u.end), u)) {
        anchor = attachedPlace(text, other, local, ctx);
        if (anchor) break;
      }
    } else if (anchor && anchor.kind === 'region' && u.cue !== 'between' && u.cue !== 'list') {
      // only a part of a country or region ("the village of Bounti in central Mali"): a later
      // mention may put it in a place inside that part ("Bounti, which lies in the Douentza
      // district of the Mopti region")
      const part = anchor;
      for (const other of occurrences(text, text.slice(u.start, u.end), u)) {
        const inner = tailPlace(text, other, local);
        if (inner && inner.kind !== 'region' && inner.place.radius_km < part.place.radius_km && haversineKm(inner.place.lat, inner.place.lon, part.place.lat, part.place.lon) <= part.place.radius_km) {
          anchor = inner;
          break;
        }
      }
    }
    if (!anchor) continue;
    const single = u.cue !== 'between' && u.cue !== 'list';
    const r = (single && ctx.loose?.(text.slice(u.start, u.end), [u.start, u.end], anchor.place)) || placeAt(text, u, anchor);
    out.push(r);
    known.push(r);
    // its other mentions ("aide suspendue à Dedebit" in the headline) are the same place
    if (u.cue === 'between' || u.cue === 'list') continue;
    for (const other of occurrences(text, text.slice(u.start, u.end), u)) {
      if (known.some((k) => k.place.span![0] < other.end && other.start < k.place.span![1])) continue;
      const again = r.place.geonames_id !== null ? { ...r, place: { ...r.place, span: [other.start, other.end] as [number, number] } } : placeAt(text, { ...other, cue: 'same name' }, anchor);
      out.push(again);
      known.push(again);
    }
  }
  return out.sort((a, b) => a.place.span![0] - b.place.span![0]);
}

/** The other whole-word occurrences of a name in the text. */
function occurrences(text: string, name: string, self: UnknownName): UnknownName[] {
  const out: UnknownName[] = [];
  let at = text.indexOf(name);
  while (at >= 0) {
    const before = at > 0 ? text[at - 1] : ' ';
    const after = text[at + name.length] ?? ' ';
    if (at !== self.start && !/[\p{L}\p{M}]/u.test(before) && !/[\p{L}\p{M}]/u.test(after)) out.push({ start: at, end: at + name.length, cue: self.cue });
    at = text.indexOf(name, at + 1);
  }
  return out;
}

/** A place that can anchor a name: no country, no neighbour across a border, no organisation's seat. */
function usableAnchor(text: string, r: GeocodeResult): boolean {
  return r.kind !== 'country' && !BORDER_BEFORE.test(text.slice(Math.max(0, r.place.span![0] - 40), r.place.span![0])) && !METONYMY.test(text.slice(r.place.span![1], r.place.span![1] + 12));
}

/** "north-east of (the)", "au nord-est de (la)" right before a place. */
const DIRECTION_FROM = /(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ward)?\s+of\s+(?:the\s+)?$|(?:au|à\s+l['’])\s*(?:(?:nord|sud)(?:[- ](?:est|ouest))?|est|ouest)\s+(?:de|du|d['’])\s*(?:la\s+|l['’])?$/i;

/** The first place in the clause right after the name (an apposition, "in the Y region"), within 150 characters and the sentence. */
function tailPlace(text: string, u: UnknownName, known: GeocodeResult[]): GeocodeResult | null {
  const e = sentenceBounds(text, u.start)[1];
  const tailEnd = Math.min(e, u.end + 150);
  const tail = known.filter((r) => inside(r, u.end, tailEnd) && usableAnchor(text, r)).sort((a, b) => a.place.span![0] - b.place.span![0]);
  return tail[0] ?? null;
}

/** The most specific known place the text attaches to an unknown name. */
function attachedPlace(
  text: string,
  u: UnknownName,
  known: GeocodeResult[],
  ctx: UnknownContext,
): GeocodeResult | null {
  const [s, e] = sentenceBounds(text, u.start);
  // 1. the clause right after the name: an apposition or "in the Y region" (within 150 characters)
  const tailed = tailPlace(text, u, known);
  if (tailed) return tailed;
  const tailEnd = Math.min(e, u.end + 150);
  // further away, the place a direction is told from is not where the name is: "in al-Jawf
  // province, north-east of the capital" says nothing of the capital's surroundings
  const usable = (r: GeocodeResult) => usableAnchor(text, r) && !DIRECTION_FROM.test(text.slice(Math.max(0, r.place.span![0] - 30), r.place.span![0]));
  // 2. a compass word attached to the name: "a northern town", "Koutougou (nord)", "dans le nord du pays"
  const near = text.slice(u.end, tailEnd);
  const dir = /^\s*\((?:dans\s+le\s+|in\s+the\s+)?(nord|sud|est|ouest|centre|north|south|east|west)|^,\s+an?\s+(?:[\p{Ll}-]+\s+){0,2}?(north|south|east|west)(?:ern)?\b|dans\s+le\s+(nord|sud|centre)|\bl['’](est|ouest)\s+du\s+pays/iu.exec(near);
  // 3. the same sentence: the place nearest the name
  const same = known.filter((r) => inside(r, s, e) && usable(r)).sort((a, b) => gap(a, u) - gap(b, u));
  if (same.length && !dir) return same[0];
  if (dir) {
    const word = (dir[1] ?? dir[2] ?? dir[3] ?? dir[4]).toLowerCase();
    const bearing = BEARINGS[word];
    const part = ctx.countryPart(bearing === undefined ? null : bearing, word, u.start);
    if (part) return part;
  }
  if (same.length) return same[0];
  // 4. the next sentence: its first region or town
  let n = e;
  while (n < text.length && /[\s.!?؟]/.test(text[n])) n++;
  const [ns, ne] = n < text.length ? sentenceBounds(text, n) : [e, e];
  const next = known.filter((r) => inside(r, ns, ne) && usable(r)).sort((a, b) => a.place.span![0] - b.place.span![0]);
  if (next.length) return next[0];
  // 5. the sentence before: its last region or town
  let p = s - 1;
  while (p > 0 && /[\s.!?؟]/.test(text[p])) p--;
  const [ps, pe] = p > 0 ? sentenceBounds(text, p) : [s, s];
  const prev = known.filter((r) => inside(r, ps, pe) && usable(r)).sort((a, b) => b.place.span![0] - a.place.span![0]);
  if (prev.length) return prev[0];
  return null;
}

const BEARINGS: Record<string, number | null> = {
  nord: 0, north: 0, sud: 180, south: 180, est: 90, east: 90, ouest: 270, west: 270, centre: null,
};

function gap(r: GeocodeResult, u: UnknownName): number {
  const sp = r.place.span!;
  return sp[0] >= u.end ? sp[0] - u.end : u.start >= sp[1] ? u.start - sp[1] : 0;
}

/**
 * The unknown place at its anchor. Near a town: "near" precision; inside a region or a part
 * of one: "district" (a locality somewhere in it), or "region" when only a part of a
 * country holds it. The radius covers the anchor plus a margin for not knowing the spot.
 */
function placeAt(text: string, u: UnknownName, anchor: GeocodeResult): GeocodeResult {
  const a = anchor.place;
  const town = a.precision === 'town' || a.precision === 'village' || a.precision === 'exact' || a.precision === 'near';
  const radius = Math.round((a.radius_km + (town ? 20 : 15)) * 10) / 10;
  const precision: Place['precision'] = town ? 'near' : radius <= 100 ? 'district' : 'region';
  const place: Place = {
    ...a,
    name: text.slice(u.start, u.end),
    span: [u.start, u.end],
    geonames_id: null,
    canonical_name: null,
    radius_km: radius,
    precision,
    how: `unknown place (${u.cue}), placed by ${a.name}`,
  };
  return { place, kind: town ? 'near' : 'name', anchor: a, score: 0.5 };
}
