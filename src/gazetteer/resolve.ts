import type { GazData } from './data.ts';
import { haversineKm } from './geo.ts';
import { adminWord, datelineAt, directionBefore, nearBefore, offsetBefore, regionBefore, type AdminLevel, type NearPhrase, type OffsetPhrase } from './phrases.ts';
import { scanMentions, tokenize, type RawMention } from './scan.ts';
import { baseOf, fcodeOf, isRegionCode, scoreBase, type Base, type Scored } from './candidates.ts';
import { countryOfDemonym, demonymLike, LOCATIVE, LOCATIVE_AR, personLike, titleLines } from './context.ts';
import { countryPartResult, markConflicts, toResult } from './result.ts';
import { countryParts } from './country-part.ts';
import { capitalMentions } from './capital.ts';
import { unknownPlaceResults } from './unknown.ts';
import { looseMatch } from './loose.ts';
import { inOrganisation } from './organisation.ts';
import type { GeocodeOptions, GeocodeResult } from './types.ts';
import type { Place } from '../domain/index.ts';

export { candidateOf, candidatesOf, fcodeOf } from './candidates.ts';

/**
 * Disambiguation in context. Each name's candidates are scored by a prior (feature class,
 * population, primary name vs. alternate name) plus the document's country focus (hints,
 * countries named in the text, countries of the other names), a nearby admin word, and
 * closeness to the other places of the text. A lone, lower-prior name needs some support
 * before it is taken as a place at all.
 */

/**
 * Country weight from which a text counts as being about a country: a country named as
 * the place of events ("in Mali") or two or three names of places in it. Just under 0.3 so
 * that sums of 0.12-votes are not lost to floating-point rounding.
 */
const FOCUS_MIN = 0.29;
/** Degrees of latitude a little over 400 km on the sphere (R·Δφ ≥ 401 km): no closer than 400 km. */
const LAT_GAP_400KM = (401 / 6371.0088) * (180 / Math.PI);
const FACILITY = /^\s+(?:Hospital|Airport|University|Mosque|Hotel|School|Stadium|Prison|Street|Road|Avenue)\b/;

export interface Mention {
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
  /** Inside an outlet's or an organisation's name ("the Libya Herald"): never a result. */
  org?: boolean;
}

const COMPASS_KEYS = new Set(['north', 'south', 'east', 'west', 'nord', 'sud', 'est', 'uest', 'centre', 'center', 'central', 'centre-nord', 'upper', 'lower', 'middle']);

/** A name made of compass words only ("Nord-Ouest", "Centre"). */
function isCompassKey(key: string): boolean {
  return key.includes(' ') ? key.split(' ').every((t) => COMPASS_KEYS.has(t)) : COMPASS_KEYS.has(key);
}

/**
 * Per-gazetteer memos of pure functions of a name key, kept across texts (news copy repeats
 * its names): the demonym reading of a key (null: a demonym of no country, undefined: not a
 * demonym), the prior-sorted candidates of a key (read-only) and the country a key names
 * (its last country posting, -1 for none). Cleared when large.
 */
interface Memo {
  demonyms: Map<string, string | null | undefined>;
  bases: Map<string, Base[]>;
  countries: Map<string, number>;
}
const memos = new WeakMap<GazData, Memo>();
const MEMO_MAX = 50_000;
function memoOf(d: GazData): Memo {
  let m = memos.get(d);
  if (!m) memos.set(d, (m = { demonyms: new Map(), bases: new Map(), countries: new Map() }));
  if (m.demonyms.size > MEMO_MAX) m.demonyms.clear();
  if (m.bases.size > MEMO_MAX) m.bases.clear();
  if (m.countries.size > MEMO_MAX) m.countries.clear();
  return m;
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
  const demonyms = new Map<string, number>();
  // a name recurs in a text: look its demonym reading up once (null: not a demonym)
  const demonymOf = memoOf(d).demonyms;
  for (const raw of raws) {
    const admin = adminWord(text, raw.start, raw.end);
    if (raw.stop && !(admin && admin.level !== 'town') && !capitalCompass(text, raw)) continue;
    let dem = demonymOf.get(raw.key);
    if (!demonymOf.has(raw.key)) demonymOf.set(raw.key, (dem = demonymLike(d, raw.key) ? countryOfDemonym(d, raw.key) : undefined));
    if (dem !== undefined) {
      // "Somali", "Malian" say which country the text is about, a little
      if (dem) demonyms.set(dem, (demonyms.get(dem) ?? 0) + 1);
      continue;
    }
    const near = nearBefore(text, raw.start);
    const offset = offsetBefore(text, raw.start) ?? directionBefore(text, raw.start);
    const strongContext = admin !== null || near !== null || (offset !== null && offset.distance !== null);
    const before = text.slice(Math.max(0, raw.start - 12), raw.start);
    const locative = LOCATIVE.test(before) || LOCATIVE_AR.test(before) || datelineAt(text, raw.start, raw.end);
    const pl = personLike(text, tokens, raw, titles);
    // a name inside an outlet's or an organisation's name ("the Libya Herald", "Los Angeles
    // Times"): no place of the text, and its country only leans the focus, as an actor's
    // does; its place still tells nearby namesakes apart (a local paper's own area)
    const org = inOrganisation(text, tokens, raw, titles.has(tokens.line[raw.tokStart]));
    mentions.push({ raw, cands: [], best: null, admin, strongContext, locative, personLike: pl > 0, person: pl === 2, glued: pl === 3, near, offset, org });
  }
  // one sense per text: a name once used as a person's ("Gen. Frank McKenzie") stays one
  const people = new Set(mentions.filter((m) => m.person).map((m) => m.raw.key));
  for (const m of mentions) if (people.has(m.raw.key) && !m.strongContext) m.personLike = true;

  // A country the text is *in* ("in Somalia", "au Mali", a dateline) sets the focus; a
  // country named as an actor ("U.S. forces", "Turkey appears") only leans toward it.
  const countryIn = new Map<string, number>();
  const countryNamed = new Map<string, number>(demonyms);
  // the feature code compared as its number: a common name's postings run to hundreds,
  // so the answer is remembered per key
  const pcli = d.fcodes.indexOf('PCLI');
  const countryOfKey = memoOf(d).countries;
  const countryOf = (raw: RawMention): number => {
    let country = countryOfKey.get(raw.key);
    if (country === undefined) {
      country = -1;
      const posts = raw.postings;
      const shared: number[] = [];
      for (let i = 0; i < posts.length; i++) if (d.fcode[posts[i] >>> 1] === pcli) shared.push(posts[i] >>> 1);
      if (shared.length > 1) return sharedCountryName(shared);
      country = shared.length === 1 ? shared[0] : -1;
      countryOfKey.set(raw.key, country);
    }
    return country;
  };
  // A name two countries share ("Congo"): the one whose places the text names ("Goma",
  // "Brazzaville"), else the more populous one. Asked once per text and name.
  const sharedChoice = new Map<string, number>();
  function sharedCountryName(shared: number[]): number {
    const key = shared.join(',');
    const known = sharedChoice.get(key);
    if (known !== undefined) return known;
    const votes = new Map<number, number>(shared.map((p) => [d.country[p], 0]));
    for (const m of mentions) {
      const seen = new Set<number>();
      const posts = m.raw.postings;
      for (let i = 0; i < posts.length; i++) {
        const p = posts[i] >>> 1;
        if (d.fcode[p] !== pcli && votes.has(d.country[p])) seen.add(d.country[p]);
      }
      // a name found in one of the countries only speaks for it
      if (seen.size === 1) for (const c of seen) votes.set(c, votes.get(c)! + 1);
    }
    let best = shared[0];
    for (const p of shared) {
      const v = votes.get(d.country[p])!;
      const bv = votes.get(d.country[best])!;
      if (v > bv || (v === bv && d.population[p] > d.population[best])) best = p;
    }
    sharedChoice.set(key, best);
    return best;
  }
  for (const m of mentions) {
    const country = countryOf(m.raw);
    if (country < 0) continue;
    const cc = d.countries[d.country[country]];
    const region = regionBefore(text, m.raw.start) !== null;
    // a dateline: "PESHAWAR, Pakistan —", "BAMAKO, 1er décembre"
    const lineStart = text.lastIndexOf('\n', m.raw.start) + 1;
    const dateline = m.raw.start - lineStart < 40 && /^[A-Z\s,'’.-]*$/.test(text.slice(lineStart, m.raw.start));
    // "Kunduz, Afghanistan", "Kunduz (Afghanistan)": a place's country in apposition
    const apposition = /[\p{L}\p{M}][ \t]*(?:,|\()[ \t]*$/u.test(text.slice(Math.max(0, m.raw.start - 4), m.raw.start));
    const into = !m.org && (m.locative || region || apposition || m.admin !== null || dateline || m.raw.tokStart === 0);
    const map = into ? countryIn : countryNamed;
    map.set(cc, (map.get(cc) ?? 0) + 1);
  }
  for (const [cc, n] of countryIn) bump(weights, cc, Math.min(0.9, 0.45 + 0.15 * n));
  for (const [cc, n] of countryNamed) bump(weights, cc, Math.min(0.28, 0.1 * n));
  /** Focus from hints and country names only, before the places vote. */
  const focus = new Map(weights);

  // pass 1: best by prior + country focus + admin word
  const bases = memoOf(d).bases;
  // a name recurs in a text: score it once per pass and admin level (pass 2 shares the
  // same arrays per name and level, so sharing them here changes nothing)
  let picked = new Map<string, Scored[]>();
  const pick = (m: Mention) => {
    const pickKey = `${m.raw.key}|${m.admin?.level ?? ''}`;
    const hit = picked.get(pickKey);
    if (hit) {
      m.cands = hit;
      m.best = hit[0] ?? null;
      return;
    }
    let base = bases.get(m.raw.key);
    if (!base) bases.set(m.raw.key, (base = baseOf(d, m.raw.postings)));
    m.cands = scoreBase(d, base, weights);
    picked.set(pickKey, m.cands);
    // a region is read as its namesake town only when that town is in the same country:
    // "Tigré" in an Ethiopian story is the region even though a Venezuelan El Tigre exists
    const townCountries = new Set<number>();
    for (const c of m.cands) if (c.prior > 1 && fcodeOf(d, c.place).startsWith('PPL')) townCountries.add(d.country[c.place]);
    for (const c of m.cands) c.score = c.prior + adminBonus(fcodeOf(d, c.place), m.admin?.level, townCountries.has(d.country[c.place]));
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
    if (!m.best || m.personLike || m.raw.acronym || m.org) continue;
    voters.set(m.raw.key, d.countries[d.country[m.best.place]]);
    if (isRegionCode(fcodeOf(d, m.best.place)) && (m.raw.key.includes(' ') || m.admin)) strong.add(m.raw.key);
  }
  const votes = new Map<string, number>();
  for (const [key, cc] of voters) votes.set(cc, (votes.get(cc) ?? 0) + (strong.has(key) ? 2.5 : 1));
  for (const [cc, n] of votes) bump(weights, cc, Math.min(0.5, 0.12 * n));
  picked = new Map();
  for (const m of mentions) pick(m);

  // pass 2: closeness to the other named places (once per distinct name; top candidates
  // only), and lying inside an admin region the text names ("Rann ... Borno State")
  const anchors = [...new Set(mentions.filter((m) => m.best && (!m.personLike || m.org) && fcodeOf(d, m.best.place) !== 'PCLI').map((m) => m.best!.place))];
  const namedAdmin1 = new Set<number>();
  for (const m of mentions) {
    if (!m.best || m.personLike || m.org || fcodeOf(d, m.best.place) !== 'ADM1') continue;
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
        const cLat = d.lat[c.place];
        for (const a of anchors) {
          if (a === c.place || a === own) continue;
          // the latitude gap alone is a lower bound of the distance: past 400 km it cannot
          // count, so most far-away anchors skip the trigonometry
          if (Math.abs(cLat - d.lat[a]) > LAT_GAP_400KM) continue;
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

  // "the (Somali) capital" with no name after it: the capital of that country or of the
  // country the text names most (even as an actor: "Strikes hit Mali ... the capital")
  let focusCountry: string | null = null;
  let top = 0;
  for (const [cc, v] of focus) if (v > top) [focusCountry, top] = [cc, v];
  const taken = (s: number, e: number) => mentions.some((m) => m.raw.start < e && s < m.raw.end);
  // the country of the nearest place named before a position, else the focus country
  const named = mentions.filter(
    (m) => m.best && !m.personLike && !m.org && (m.best.primary || d.population[m.best.place] >= 5000 || isRegionCode(fcodeOf(d, m.best.place))) && accept(d, text, m, weights, focus, top, 0),
  );
  const countryAt = (pos: number): string | null => {
    // the last named place ending at or before pos: scanner mentions do not overlap and
    // come in text order, so their ends ascend and a binary search finds it
    let lo = 0;
    let hi = named.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (named[mid].raw.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    const cc: string | null = lo > 0 ? d.countries[d.country[named[lo - 1].best!.place]] : null;
    // a stray foreign name nearby does not beat a country the text is clearly about
    if (cc && (weights.get(cc) ?? 0) < FOCUS_MIN && focusCountry && top >= 0.6) return focusCountry;
    return cc ?? focusCountry;
  };
  for (const raw of capitalMentions(d, text, countryAt)) {
    if (taken(raw.start, raw.end)) continue;
    const near = nearBefore(text, raw.start);
    const offset = offsetBefore(text, raw.start);
    const best: Scored = { place: raw.postings[0] >>> 1, primary: true, prior: 5, score: 5 };
    mentions.push({ raw, cands: [best], best, admin: null, strongContext: true, locative: true, personLike: false, person: false, glued: false, near, offset });
  }
  mentions.sort((a, b) => a.raw.start - b.raw.start);

  const results: GeocodeResult[] = [];
  for (const m of mentions) {
    const own = m.best ? voters.get(m.raw.key) : undefined;
    const others = own && m.best && own === d.countries[d.country[m.best.place]] ? (strong.has(m.raw.key) ? 0.3 : 0.12) : 0;
    const r = m.best && !m.org && accept(d, text, m, weights, focus, top, others) ? toResult(d, text, m, m.best) : null;
    if (r) results.push(r);
  }
  // "in the east of the country": a part of the country in focus
  const parts = countryParts(text);
  for (const part of parts) {
    if (results.some((r) => r.place.span && r.place.span[0] < part.end && part.start < r.place.span[1])) continue;
    const cc = countryAt(part.start);
    const cp = cc ? d.countryPlace.get(cc) : undefined;
    if (cp !== undefined) results.push(countryPartResult(d, text, [part.start, part.end], cp, part.bearing, part.dirText));
  }
  // places too small for the gazetteer, placed by what the text attaches to them
  const partAt = (bearing: number | null, dirText: string, at: number): GeocodeResult | null => {
    const cc = countryAt(at);
    const cp = cc ? d.countryPlace.get(cc) : undefined;
    if (cp === undefined) return null;
    const r = countryPartResult(d, text, [at, at], cp, bearing, dirText);
    return { ...r, place: { ...r.place, name: `${dirText} of ${d.names[cp]}` } };
  };
  const loose = (name: string, span: [number, number], anchor: Place) => looseMatch(d, name, span, anchor);
  const unknown = unknownPlaceResults(text, results, { countryAt, countryPart: partAt, loose });
  if (unknown.length) results.push(...unknown);
  if (parts.length || unknown.length) results.sort((a, b) => (a.place.span?.[0] ?? 0) - (b.place.span?.[0] ?? 0));
  markConflicts(text, results);
  return results;
}


/**
 * A text that is nothing but this name, perhaps with its admin word ("Murzuq", "la province
 * de la Kompienga", "Hadramout"): a query, with no context to weigh, so the best reading stands.
 */
function wholeText(text: string, m: Mention): boolean {
  const start = m.admin ? Math.min(m.admin.start, m.raw.start) : m.raw.start;
  const end = m.admin ? Math.max(m.admin.end, m.raw.end) : m.raw.end;
  return /^\s*(?:the\s+|la\s+|le\s+|les\s+|l['’]\s*)?$/i.test(text.slice(0, start)) && /^[\s.]*$/.test(text.slice(end));
}

/** French compass names written as a region: "dans l'Est", "le Nord", "du Sahel"; never the verb "est". */
const COMPASS_REGION = new Set(['est', 'nord', 'sud', 'uest', 'centre']);
function capitalCompass(text: string, raw: RawMention): boolean {
  if (!COMPASS_REGION.has(raw.key)) return false;
  const c = text.charCodeAt(raw.start);
  if (c < 65 || c > 90) return false;
  return /(?:^|[^\p{L}])(?:l['’]|le\s|du\s|au\s)$/iu.test(text.slice(Math.max(0, raw.start - 4), raw.start));
}

/**
 * Whether the best candidate is supported enough to be taken as a place. `ownVote` is the
 * part of the country weight this very name contributed, so a name cannot vouch for itself;
 * `strongest` is the document's strongest country focus (computed once per text).
 */
function accept(d: GazData, text: string, m: Mention, weights: Map<string, number>, focus: Map<string, number>, strongest: number, ownVote: number): boolean {
  const c = m.best!;
  const fc = fcodeOf(d, c.place);
  const cc = d.countries[d.country[c.place]];
  if (fc === 'PCLI') return true; // country names are seldom anything else ("Serbia says")
  // "Madina Hospital" in a Somali story: a building named after a far-away city
  if (FACILITY.test(text.slice(m.raw.end, m.raw.end + 12)) && (weights.get(d.countries[d.country[c.place]]) ?? 0) < FOCUS_MIN) return false;
  // "Baghdad village" in a Somali story is not the Iraqi capital
  if (m.admin && /village|hamlet|قرية/i.test(m.admin.word) && d.population[c.place] >= 100_000) return false;
  if (m.raw.acronym) return false;
  // a common word rescued by an admin word ("région de l'Est") can only be that region
  if (m.raw.stop && !isRegionCode(fc)) return false;
  if (m.glued || (m.personLike && !m.strongContext)) return false;
  if (wholeText(text, m) && !isCompassKey(m.raw.key)) return true;
  const multi = m.raw.key.includes(' ');
  const w = (weights.get(cc) ?? 0) - ownVote;
  const adminCtx = m.admin !== null && m.admin.level !== 'town';
  if (isRegionCode(fc)) {
    // a region name ("Somali", "Sahel", "West") needs the text to be about its country
    // "Nord-Ouest", "Centre", "Est": compass-word region names need their country in focus
    if (isCompassKey(m.raw.key)) return (focus.get(cc) ?? 0) >= FOCUS_MIN;
    const elsewhere = strongest >= 0.6 && w < 0.1;
    if (adminCtx) return w > 0.1 || (multi && c.primary && !elsewhere);
    return (focus.get(cc) ?? 0) >= FOCUS_MIN || (multi && (w >= FOCUS_MIN || (c.primary && !elsewhere)));
  }
  const pop = d.population[c.place];
  if (w >= FOCUS_MIN && (c.primary || pop >= 5000 || fc.startsWith('PPLA') || m.strongContext || m.locative || multi)) return true;
  // a text clearly about other countries: a foreign name must be a capital or a big city
  // "in Timbuktu" with no country anywhere: a known town after a locative preposition or
  // a settlement noun ("the town of Murzuq", "de stad Murzuk")
  if (strongest < 0.6 && (m.locative || m.admin?.level === 'town') && (pop >= 20_000 || (c.primary && (pop >= 5000 || fc.startsWith('PPLA'))))) return true;
  if (strongest >= 0.6 && w < FOCUS_MIN) return d.population[c.place] >= 1_000_000 || (c.primary && (fc === 'PPLC' || m.raw.key.split(' ').length >= 3));
  if (fc === 'PPLC' && c.primary) return true;
  // any spelling of a very big city ("Mogadiscio"), or of a sizeable town that anchors an
  // offset or a "near" phrase
  if (pop >= 1_000_000 || (pop >= 20_000 && (m.offset?.distance || m.near))) return true;
  if (d.population[c.place] >= 100_000 && c.primary) return true;
  if (multi && d.population[c.place] >= 20_000) return true;
  return false;
}

