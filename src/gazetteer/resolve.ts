import type { Place, PlacePrecision } from '../domain/index.ts';
import { NO_ADMIN1, type GazData } from './data.ts';
import { bearingVector, destination, haversineKm } from './geo.ts';
import { adminWord, directionBefore, nearBefore, offsetBefore, regionAfter, regionBefore, type AdminLevel, type NearPhrase, type OffsetPhrase } from './phrases.ts';
import { scanMentions, tokenize, type RawMention, type Token } from './scan.ts';
import { findKey, postingsOf } from './hashindex.ts';
import { STOPWORDS } from './stopwords.ts';
import type { GeocodeOptions, GeocodeResult, PlaceCandidate } from './types.ts';

/**
 * Disambiguation in context. Each name's candidates are scored by a prior (feature class,
 * population, primary name vs. alternate name) plus the document's country focus (hints,
 * countries named in the text, countries of the other names), a nearby admin word, and
 * closeness to the other places of the text. A lone, lower-prior name needs some support
 * before it is taken as a place at all.
 */

const FCODE_PRIOR: Record<string, number> = {
  PCLI: 3, ADM1: 1.2, ADM2: 0.5, PPLC: 1.6, PPLA: 1.1, PPLA2: 0.6, PPLA3: 0.25, PPLA4: 0.1, PPL: 0, PPLX: -0.4, PPLL: -0.2,
};
const MAX_CANDIDATES = 40;
/**
 * Country weight from which a text counts as being about a country: a country named as
 * the place of events ("in Mali") or two or three names of places in it. Just under 0.3 so
 * that sums of 0.12-votes are not lost to floating-point rounding.
 */
const FOCUS_MIN = 0.29;

interface Scored {
  place: number;
  primary: boolean;
  prior: number;
  score: number;
}

interface Mention {
  raw: RawMention;
  cands: Scored[];
  best: Scored | null;
  admin: ReturnType<typeof adminWord>;
  strongContext: boolean;
  /** Right after a locative preposition ("in X", "à X", "في X"). */
  locative: boolean;
  personLike: boolean;
  /** A title, an initial or a speech verb marks this name as a person's. */
  person: boolean;
  /** A capitalised word right before it: the real name is longer than the match. */
  glued: boolean;
  /** Phrases around the name, found once. */
  near: NearPhrase | null;
  offset: OffsetPhrase | null;
}

const COMPASS_KEYS = new Set(['north', 'south', 'east', 'west', 'nord', 'sud', 'est', 'uest', 'centre', 'center', 'central', 'centre-nord', 'upper', 'lower', 'middle']);
const QUALIFIERS = new Set(['north', 'south', 'east', 'west', 'upper', 'lower', 'middle', 'central', 'greater', 'northern', 'southern', 'eastern', 'western', 'new', 'old', 'haut', 'bas', 'moyen', 'grand', 'petit', 'nord', 'sud', 'est', 'ouest']);

export function fcodeOf(d: GazData, p: number): string {
  return d.fcodes[d.fcode[p]];
}

export function candidateOf(d: GazData, p: number): PlaceCandidate {
  const a1 = d.admin1[p];
  const fc = fcodeOf(d, p);
  return {
    geonames_id: d.gid[p] >= 0 ? d.gid[p] : null,
    name: d.names[p],
    country: d.countries[d.country[p]] || null,
    admin1: a1 === NO_ADMIN1 ? null : d.admin1Names[a1],
    lat: round(d.lat[p]),
    lon: round(d.lon[p]),
    feature_class: fc.startsWith('P') ? 'P' : 'A',
    feature_code: fc,
    population: d.population[p],
    radius_km: Math.round(d.radius[p] * 10) / 10,
  };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function prior(d: GazData, p: number, primary: boolean): number {
  const fc = fcodeOf(d, p);
  return (FCODE_PRIOR[fc] ?? 0) + Math.log10(d.population[p] + 1) * 0.35 + (primary ? 0.8 : 0);
}

/** Candidates of one key's postings, best prior first, at most MAX_CANDIDATES. */
export function candidatesOf(d: GazData, postings: Uint32Array, weights: Map<string, number>): Scored[] {
  return scoreBase(d, baseOf(d, postings), weights);
}

interface Base {
  place: number;
  primary: boolean;
  base: number;
  cc: string;
}

/** Prior of every place of a key, best first (computed once per key and text). */
function baseOf(d: GazData, postings: Uint32Array): Base[] {
  const all: Base[] = new Array(postings.length);
  for (let i = 0; i < postings.length; i++) {
    const code = postings[i];
    const p = code >>> 1;
    const primary = (code & 1) === 1;
    all[i] = { place: p, primary, base: prior(d, p, primary), cc: d.countries[d.country[p]] };
  }
  return all.sort((a, b) => b.base - a.base);
}

/**
 * Adds the country focus to the priors. Long lists (a name shared by hundreds of villages)
 * are cut to the best priors plus every place in a country the text is about.
 */
function scoreBase(d: GazData, base: Base[], weights: Map<string, number>): Scored[] {
  const out: Scored[] = [];
  for (let i = 0; i < base.length; i++) {
    const b = base[i];
    const w = weights.get(b.cc) ?? 0;
    if (i >= MAX_CANDIDATES && w === 0) continue;
    const pr = b.base + 2 * w;
    out.push({ place: b.place, primary: b.primary, prior: pr, score: pr });
  }
  out.sort((a, b) => b.prior - a.prior);
  return out.length > MAX_CANDIDATES ? out.slice(0, MAX_CANDIDATES) : out;
}

function isRegionCode(fc: string): boolean {
  return fc === 'ADM1' || fc === 'ADM2' || fc === 'PCLI';
}

/** Lines whose words are mostly capitalised (headlines): capitals there say nothing. */
function titleLines(tokens: Token[]): Set<number> {
  const caps = new Map<number, [number, number]>();
  for (const t of tokens) {
    if (t.arabic || t.end - t.start < 4) continue;
    const c = caps.get(t.line) ?? [0, 0];
    c[0] += t.cap ? 1 : 0;
    c[1]++;
    caps.set(t.line, c);
  }
  const out = new Set<number>();
  for (const [line, [cap, all]] of caps) if (all >= 3 && cap / all > 0.7) out.add(line);
  return out;
}

/** A capitalised word right next to the name that is not part of it: likely a person or an organisation. */
const TITLES = new Set(['general', 'colonel', 'captain', 'major', 'sergeant', 'commander', 'president', 'minister', 'secretary', 'ambassador', 'sheikh', 'mullah', 'imam', 'emir', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'adm', 'sgt', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'pres', 'prof', 'rev', 'cdr', 'cmdr', 'brig', 'm', 'mme', 'mgr']);
const SPEECH = /^[ \t]+(?:said|says|told|added|stated|noted|explained|tweeted|wrote|declared|announced|confirmed|denied|insisted|claimed|argued|warned|urged|who|a déclaré|a dit|a affirmé|a indiqué|a ajouté|a précisé)\b/i;
const LOCATIVE = /\b(?:in|at|near|from|to|of|into|toward|towards|outside|around|à|a|de|dans|vers|près|en|au)\s+$/i;
const LOCATIVE_AR = /(?:^|\s)(?:في|من|إلى|الى|على|قرب)\s+$/;

/**
 * Whether the name reads as (part of) a person's or an organisation's name: a capitalised
 * word right next to it that is not part of it, an initial or a title before it ("Gen.",
 * "F."), or a speech verb after it with no locative preposition before ("Austin said").
 */
function personLike(text: string, tokens: Token[], m: RawMention, titles: Set<number>): 0 | 1 | 2 | 3 {
  const first = tokens[m.tokStart];
  if (first.arabic) return 0;
  const prev = tokens[m.tokStart - 1];
  const next = tokens[m.tokEnd];
  const last = tokens[m.tokEnd - 1];
  const gap = (a: Token, b: Token) => text.slice(a.end, b.start);
  if (prev && prev.cap && /^\.[ \t]{1,2}$/.test(gap(prev, first)) && (prev.end - prev.start === 1 || TITLES.has(prev.folded))) return 2;
  if (prev && prev.cap && /^[ \t]{1,2}$/.test(gap(prev, first)) && TITLES.has(prev.folded)) return 2;
  // "Gen. Frank McKenzie": a title two words back
  const prev2 = tokens[m.tokStart - 2];
  if (prev && prev.cap && prev2 && TITLES.has(prev2.folded) && /^[ \t]{1,2}$/.test(gap(prev, first)) && /^\.?[ \t]{1,2}$/.test(gap(prev2, prev))) return 2;
  // "Kenneth F. McKenzie": followed by an initial
  if (next && next.end - next.start === 1 && next.cap && text[next.end] === '.' && /^[ \t]$/.test(gap(last, next))) return 2;
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  if (SPEECH.test(text.slice(m.end, m.end + 20)) && !LOCATIVE.test(before)) return 2;
  if (titles.has(first.line)) return 0;
  if (prev && prev.cap && /^[ \t]{1,2}$/.test(gap(prev, first)) && !STOPWORDS.has(prev.folded) && !QUALIFIERS.has(prev.folded)) return 3;
  const nextWord = next ? text.slice(next.start, next.end) : '';
  const acronym = nextWord.length >= 2 && nextWord.length <= 5 && /^[A-Z]+$/.test(nextWord);
  if (next && next.cap && !acronym && /^[ \t]{1,2}$/.test(gap(last, next)) && !STOPWORDS.has(next.folded)) return 1;
  return 0;
}

/**
 * "Malian", "Kenyan", "Somali", "Yemeni", "nigérien": a country name plus a demonym ending.
 * These are the lexicon's business, never a place (a town "Malian" exists in China).
 */
function demonymLike(d: GazData, key: string): boolean {
  if (key.includes(' ') || isCountryKey(d, key)) return false;
  const m = /^(.{3,}?)(iennes|ienne|iens|ien|ians|ian|ans|an|ns|n|is|i|ese|aises|aise|ais|oises|oise|ois|es|e)$/.exec(key);
  if (!m) return false;
  return [m[1], `${m[1]}a`, `${m[1]}e`, `${m[1]}ia`, `${m[1]}i`].some((stem) => isCountryKey(d, stem));
}

function isCountryKey(d: GazData, key: string): boolean {
  const k = findKey(d.index, key);
  if (k < 0) return false;
  for (const code of postingsOf(d.index, k)) if (fcodeOf(d, code >>> 1) === 'PCLI') return true;
  return false;
}

/** Country focus: hints first, then countries named in the text, then the other places' countries. */
function countryWeights(hints: string[] | undefined): Map<string, number> {
  const w = new Map<string, number>();
  (hints ?? []).forEach((cc, i) => w.set(cc.toUpperCase(), Math.max(0.4, 1 - 0.2 * i)));
  return w;
}

function bump(w: Map<string, number>, cc: string, by: number) {
  w.set(cc, Math.min(1, (w.get(cc) ?? 0) + by));
}

function adminBonus(fc: string, level: AdminLevel | undefined, hasTown: boolean): number {
  // a bare name that is both a town and the region named after it means the town ("Gao", "Idlib")
  if (!level || level === 'town' || level === 'area') {
    if ((fc === 'ADM1' || fc === 'ADM2') && hasTown) return -2;
  }
  if (!level) return 0;
  if (level === 'region') return fc === 'ADM1' ? 2.5 : fc === 'ADM2' ? 1.2 : 0;
  if (level === 'district') return fc === 'ADM2' ? 2.5 : fc === 'ADM1' ? 0.8 : 0;
  if (level === 'town') return fc.startsWith('PPL') ? 1 : -1;
  return isRegionCode(fc) && fc !== 'PCLI' ? 0.5 : 0;
}

/** Resolves every place mention of a text. */
export function geocodeText(d: GazData, text: string, opts: GeocodeOptions = {}): GeocodeResult[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const tokens = tokenize(text);
  const raws = scanMentions(text, tokens, d.index);
  const titles = titleLines(tokens);
  const weights = countryWeights(opts.countryHints);

  // pass 0: countries named in the text set the focus
  const mentions: Mention[] = [];
  for (const raw of raws) {
    const admin = adminWord(text, raw.start, raw.end);
    if (raw.stop && !(admin && admin.level !== 'town')) continue;
    if (demonymLike(d, raw.key)) continue;
    const near = nearBefore(text, raw.start);
    const offset = offsetBefore(text, raw.start) ?? directionBefore(text, raw.start);
    const strongContext = admin !== null || near !== null || (offset !== null && offset.distance !== null);
    const before = text.slice(Math.max(0, raw.start - 12), raw.start);
    const locative = LOCATIVE.test(before) || LOCATIVE_AR.test(before);
    const pl = personLike(text, tokens, raw, titles);
    mentions.push({ raw, cands: [], best: null, admin, strongContext, locative, personLike: pl > 0, person: pl === 2, glued: pl === 3, near, offset });
  }
  // one sense per text: a name once used as a person's ("Gen. Frank McKenzie") stays one
  const people = new Set(mentions.filter((m) => m.person).map((m) => m.raw.key));
  for (const m of mentions) if (people.has(m.raw.key) && !m.strongContext) m.personLike = true;

  // A country the text is *in* ("in Somalia", "au Mali", a dateline) sets the focus; a
  // country named as an actor ("U.S. forces", "Turkey appears") only leans toward it.
  const countryIn = new Map<string, number>();
  const countryNamed = new Map<string, number>();
  for (const m of mentions) {
    let country = -1;
    for (const code of m.raw.postings) if (fcodeOf(d, code >>> 1) === 'PCLI') country = code >>> 1;
    if (country < 0) continue;
    const cc = d.countries[d.country[country]];
    const region = regionBefore(text, m.raw.start) !== null;
    // a dateline: "PESHAWAR, Pakistan —", "BAMAKO, 1er décembre"
    const lineStart = text.lastIndexOf('\n', m.raw.start) + 1;
    const dateline = m.raw.start - lineStart < 40 && /^[A-Z\s,'’.-]*$/.test(text.slice(lineStart, m.raw.start));
    // "Kunduz, Afghanistan", "Kunduz (Afghanistan)": a place's country in apposition
    const apposition = /[\p{L}\p{M}][ \t]*(?:,|\()[ \t]*$/u.test(text.slice(Math.max(0, m.raw.start - 4), m.raw.start));
    const into = m.locative || region || apposition || m.admin !== null || dateline || m.raw.tokStart === 0;
    const map = into ? countryIn : countryNamed;
    map.set(cc, (map.get(cc) ?? 0) + 1);
  }
  for (const [cc, n] of countryIn) bump(weights, cc, Math.min(0.9, 0.45 + 0.15 * n));
  for (const [cc, n] of countryNamed) bump(weights, cc, Math.min(0.28, 0.1 * n));
  /** Focus from hints and country names only, before the places vote. */
  const focus = new Map(weights);

  // pass 1: best by prior + country focus + admin word
  const bases = new Map<string, Base[]>();
  const pick = (m: Mention) => {
    let base = bases.get(m.raw.key);
    if (!base) bases.set(m.raw.key, (base = baseOf(d, m.raw.postings)));
    m.cands = scoreBase(d, base, weights);
    const hasTown = m.cands.some((c) => fcodeOf(d, c.place).startsWith('PPL') && c.prior > 1);
    for (const c of m.cands) c.score = c.prior + adminBonus(fcodeOf(d, c.place), m.admin?.level, hasTown);
    m.cands.sort((a, b) => b.score - a.score);
    m.best = m.cands[0] ?? null;
  };
  for (const m of mentions) pick(m);
  // the other places' countries vote
  // one vote per distinct name, so a name repeated five times does not vote for itself
  // a full admin name ("Borno State") or an admin word says more than a bare town name
  const voters = new Map<string, string>();
  const strong = new Set<string>();
  for (const m of mentions) {
    if (!m.best || m.personLike || m.raw.acronym) continue;
    voters.set(m.raw.key, d.countries[d.country[m.best.place]]);
    if (isRegionCode(fcodeOf(d, m.best.place)) && (m.raw.key.includes(' ') || m.admin)) strong.add(m.raw.key);
  }
  const votes = new Map<string, number>();
  for (const [key, cc] of voters) votes.set(cc, (votes.get(cc) ?? 0) + (strong.has(key) ? 2.5 : 1));
  for (const [cc, n] of votes) bump(weights, cc, Math.min(0.5, 0.12 * n));
  for (const m of mentions) pick(m);

  // pass 2: closeness to the other named places (once per distinct name; top candidates
  // only), and lying inside an admin region the text names ("Rann ... Borno State")
  const anchors = [...new Set(mentions.filter((m) => m.best && !m.personLike && fcodeOf(d, m.best.place) !== 'PCLI').map((m) => m.best!.place))];
  const namedAdmin1 = new Set<number>();
  for (const m of mentions) {
    if (!m.best || m.personLike || fcodeOf(d, m.best.place) !== 'ADM1') continue;
    if (m.admin || m.raw.key.includes(' ') || (focus.get(d.countries[d.country[m.best.place]]) ?? 0) >= FOCUS_MIN) namedAdmin1.add(d.admin1[m.best.place]);
  }
  const done = new Map<string, Scored[]>();
  for (const m of mentions) {
    const doneKey = `${m.raw.key}|${m.admin?.level ?? ''}`;
    const prev = done.get(doneKey);
    if (prev) {
      m.cands = prev;
      m.best = prev[0] ?? null;
      continue;
    }
    if (m.cands.length > 1) {
      const own = m.best?.place;
      for (let i = 0; i < m.cands.length && i < 10; i++) {
        const c = m.cands[i];
        let near = 0;
        for (const a of anchors) {
          if (a === c.place || a === own) continue;
          const km = haversineKm(d.lat[c.place], d.lon[c.place], d.lat[a], d.lon[a]);
          if (km < 150) {
            near = 1;
            break;
          }
          if (km < 400) near = 0.5;
        }
        const adminNamed = m.admin && (m.admin.level === 'region' || m.admin.level === 'district');
        const inside = !adminNamed && namedAdmin1.has(d.admin1[c.place]) && fcodeOf(d, c.place) !== 'ADM1' ? 1.5 : 0;
        c.score += near + inside;
      }
      m.cands.sort((a, b) => b.score - a.score);
      m.best = m.cands[0] ?? null;
    }
    done.set(doneKey, m.cands);
  }

  const results: GeocodeResult[] = [];
  for (const m of mentions) {
    const own = m.best ? voters.get(m.raw.key) : undefined;
    const others = own && m.best && own === d.countries[d.country[m.best.place]] ? (strong.has(m.raw.key) ? 0.3 : 0.12) : 0;
    const r = m.best && accept(d, m, weights, focus, others) ? toResult(d, text, m, m.best) : null;
    if (r) results.push(r);
  }
  markConflicts(text, results);
  return results;
}

/**
 * Whether the best candidate is supported enough to be taken as a place. `ownVote` is the
 * part of the country weight this very name contributed, so a name cannot vouch for itself.
 */
function accept(d: GazData, m: Mention, weights: Map<string, number>, focus: Map<string, number>, ownVote: number): boolean {
  const c = m.best!;
  const fc = fcodeOf(d, c.place);
  const cc = d.countries[d.country[c.place]];
  if (fc === 'PCLI') return true; // country names are seldom anything else ("Serbia says")
  if (m.raw.acronym) return false;
  if (m.glued || (m.personLike && !m.strongContext)) return false;
  const multi = m.raw.key.includes(' ');
  const w = (weights.get(cc) ?? 0) - ownVote;
  const adminCtx = m.admin !== null && m.admin.level !== 'town';
  if (isRegionCode(fc)) {
    // a region name ("Somali", "Sahel", "West") needs the text to be about its country
    // "Nord-Ouest", "Centre", "Est": compass-word region names need their country in focus
    if (m.raw.key.split(' ').every((t) => COMPASS_KEYS.has(t))) return (focus.get(cc) ?? 0) >= FOCUS_MIN;
    let strongestFocus = 0;
    for (const v of focus.values()) strongestFocus = Math.max(strongestFocus, v);
    const elsewhere = strongestFocus >= 0.6 && w < 0.1;
    if (adminCtx) return w > 0.1 || (multi && c.primary && !elsewhere);
    return (focus.get(cc) ?? 0) >= FOCUS_MIN || (multi && (w >= FOCUS_MIN || (c.primary && !elsewhere)));
  }
  const pop = d.population[c.place];
  if (w >= FOCUS_MIN && (c.primary || pop >= 5000 || fc.startsWith('PPLA') || m.strongContext || m.locative || multi)) return true;
  // a text clearly about other countries: a foreign name must be a capital or a big city
  let strongest = 0;
  for (const v of focus.values()) strongest = Math.max(strongest, v);
  // "in Timbuktu" with no country anywhere: a known town after a locative preposition
  if (strongest < 0.6 && m.locative && (pop >= 20_000 || (c.primary && (pop >= 5000 || fc.startsWith('PPLA'))))) return true;
  if (strongest >= 0.6 && w < FOCUS_MIN) return d.population[c.place] >= 1_000_000 || (c.primary && (fc === 'PPLC' || m.raw.key.split(' ').length >= 3));
  if (fc === 'PPLC' && c.primary) return true;
  if (d.population[c.place] >= 100_000 && c.primary) return true;
  if (multi && d.population[c.place] >= 20_000) return true;
  return false;
}

function basePrecision(d: GazData, p: number): PlacePrecision {
  const fc = fcodeOf(d, p);
  if (fc === 'PCLI') return 'country';
  if (fc === 'ADM1') return 'region';
  if (fc === 'ADM2') return 'district';
  if (d.population[p] < 1000 && fc === 'PPL') return 'village';
  return 'town';
}

function placeOf(d: GazData, p: number, name: string, span: [number, number], extra: Partial<Place> = {}): Place {
  const c = candidateOf(d, p);
  return {
    name,
    span,
    geonames_id: c.geonames_id,
    canonical_name: c.name,
    country: c.country,
    admin1: c.admin1,
    lat: c.lat,
    lon: c.lon,
    radius_km: c.radius_km,
    precision: basePrecision(d, p),
    ...extra,
  };
}

/** A point inside a region's extent, shifted toward a compass direction (or its middle). */
function regionPart(d: GazData, p: number, bearing: number | null): { lat: number; lon: number; radius: number } {
  const k = p - d.firstRegion;
  const [la0, la1, lo0, lo1] = [d.extent[4 * k], d.extent[4 * k + 1], d.extent[4 * k + 2], d.extent[4 * k + 3]];
  const midLat = (la0 + la1) / 2;
  const midLon = (lo0 + lo1) / 2;
  const halfDiag = haversineKm(la0, lo0, la1, lo1) / 2;
  if (bearing === null) return { lat: midLat, lon: midLon, radius: Math.max(40, halfDiag * 0.4) };
  const v = bearingVector(bearing);
  return {
    lat: midLat + v.dNorth * 0.3 * (la1 - la0),
    lon: midLon + v.dEast * 0.3 * (lo1 - lo0),
    radius: Math.max(40, halfDiag * 0.45),
  };
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

function toResult(d: GazData, text: string, m: Mention, c: Scored): GeocodeResult {
  const p = c.place;
  const fc = fcodeOf(d, p);
  const span: [number, number] = [m.raw.start, m.raw.end];
  const written = text.slice(span[0], span[1]);
  const score = Math.max(0.05, Math.min(0.99, m.cands.length > 1 ? 1 / (1 + Math.exp(-(c.score - m.cands[1].score))) : 0.9));
  const name = placeOf(d, p, written, span);
  const isRegion = isRegionCode(fc);

  if (isRegion) {
    const rp = regionBefore(text, span[0]);
    const ra = rp ? null : regionAfter(text, span[1]);
    if (rp || ra) {
      const bearing = rp ? rp.bearing : ra!.bearing;
      const part = regionPart(d, p, bearing);
      const s: [number, number] = [rp ? rp.start : span[0], ra ? ra.end : span[1]];
      const place: Place = {
        ...name,
        name: text.slice(s[0], s[1]),
        span: s,
        lat: round(part.lat),
        lon: round(part.lon),
        radius_km: r1(part.radius),
        precision: 'region',
        how: `region: ${bearing === null ? 'centre' : `part ${Math.round(bearing)}°`} of ${name.canonical_name}`,
      };
      return { place, kind: 'region', anchor: name, score };
    }
    const kind = fc === 'PCLI' ? 'country' : 'name';
    const admin = m.admin && m.admin.level !== 'town' && fc !== 'PCLI' ? m.admin : null;
    const s: [number, number] = admin ? [Math.min(admin.start, span[0]), Math.max(admin.end, span[1])] : span;
    return { place: { ...name, name: text.slice(s[0], s[1]), span: s, how: `${fc === 'PCLI' ? 'country' : fc === 'ADM1' ? 'admin1 region' : 'admin2 district'} ${name.canonical_name}` }, kind, score };
  }

  const off = m.offset;
  if (off) {
    const dist = off.distance ?? { km: 15, vague: true };
    const pt = destination(name.lat, name.lon, off.bearing, dist.km);
    // lateral spread of a compass word (±22.5°) is ~0.4 d; hedged figures add 15 % of d
    const radius = r1(name.radius_km + 3 + 0.3 * dist.km + (dist.vague ? 0.15 * dist.km : 0) + (off.distance ? 0 : 15));
    const s: [number, number] = [off.start, span[1]];
    const place: Place = {
      ...name,
      name: text.slice(s[0], s[1]),
      span: s,
      geonames_id: null,
      canonical_name: null,
      lat: round(pt.lat),
      lon: round(pt.lon),
      radius_km: radius,
      precision: radius <= 25 ? 'near' : radius <= 60 ? 'district' : 'region',
      how: `offset ${off.distance ? `${Math.round(dist.km)} km` : 'some km'} ${off.dirText} of ${name.canonical_name}`,
    };
    return { place, kind: 'offset', anchor: name, score };
  }

  const near = m.near;
  if (near || m.admin?.level === 'area') {
    const s: [number, number] = [near ? near.start : span[0], m.admin?.level === 'area' ? m.admin.end : span[1]];
    const radius = r1(name.radius_km + (near?.tight ? 5 : 12));
    const place: Place = { ...name, name: text.slice(s[0], s[1]), span: s, radius_km: radius, precision: 'near', how: `near ${name.canonical_name}` };
    return { place, kind: 'near', anchor: name, score };
  }
  return { place: { ...name, how: `${fc} ${name.canonical_name} (${name.country})` }, kind: 'name', score };
}

/**
 * Two readings of one location that cannot both hold (an offset point and a named place
 * next to it that lies outside its radius): each keeps the other in `conflicts`.
 */
function markConflicts(text: string, results: GeocodeResult[]) {
  for (const a of results) {
    if (a.kind !== 'offset' || !a.place.span) continue;
    for (const b of results) {
      if (b === a || !b.place.span || b.kind === 'country' || b.kind === 'region') continue;
      if (b.place.country !== a.place.country) continue;
      const gap = b.place.span[0] >= a.place.span[1] ? b.place.span[0] - a.place.span[1] : a.place.span[0] - b.place.span[1];
      if (gap < 0 || gap > 60) continue;
      const between = text.slice(Math.min(a.place.span[1], b.place.span[1]), Math.max(a.place.span[0], b.place.span[0]));
      if (/[.!?\n]/.test(between)) continue;
      if (a.anchor && b.place.geonames_id !== null && b.place.geonames_id === a.anchor.geonames_id) continue;
      const km = haversineKm(a.place.lat, a.place.lon, b.place.lat, b.place.lon);
      if (km > a.place.radius_km + b.place.radius_km) {
        (a.conflicts ??= []).push(b.place);
        (b.conflicts ??= []).push(a.place);
      }
    }
  }
}
