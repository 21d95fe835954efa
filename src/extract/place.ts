/**
 * Choosing the place of a strike among the places the gazetteer found in the document.
 *
 * Not every place in an article is where the strike happened: the capital a distance is
 * measured from, the city a journalist speaks from, the country of a base. The place of
 * the strike is the one attached to the trigger: in the trigger's sentence, nearest to the
 * trigger, preferring the most specific reading (an offset from an anchor or "near X" over
 * a bare region, a town over its country). Other specific places given for the same strike
 * that disagree are kept as alternatives, never dropped.
 */
import type { Place } from '../domain/index.ts';
import type { GeocodeResult } from '../gazetteer/types.ts';

const PRECISION_RANK: Record<Place['precision'], number> = {
  exact: 0,
  village: 1,
  town: 1,
  near: 2,
  district: 3,
  region: 4,
  country: 6,
};

export interface PlaceChoice {
  place: Place | null;
  alternatives: Place[];
  span: [number, number] | null;
}

/**
 * @param results every geocoded mention of the document, minus datelines and the places of
 *   sources (see `isSourcePlace`)
 * @param tiers ranges to look in, most relevant first (the strike's lead sentence, its other
 *   sentences, the headline, the neighbouring sentences). A more specific place in a later tier
 *   beats a vaguer one in an earlier tier (a town in the second sentence over a district in the
 *   lede); within a precision level the earlier tier wins; the last tier is only a fallback.
 * @param anchors trigger spans; distance to them breaks ties
 */
export function choosePlace(results: GeocodeResult[], tiers: [number, number][][], anchors: [number, number][]): PlaceChoice {
  const scored: { r: GeocodeResult; score: number }[] = [];
  const fallbackTier = tiers.length - 1;
  // The countries the strike's own sentence names ("in northern Yemen"): a place elsewhere
  // (where a leader spoke, where a base is) is two precision levels less likely.
  const leadCountries = new Set(
    results.filter((r) => r.place.span && r.place.country && tiers[0]?.some(([s, e]) => r.place.span![0] >= s && r.place.span![1] <= e)).map((r) => r.place.country),
  );
  for (let t = 0; t < tiers.length; t++) {
    if (t === fallbackTier && scored.some((x) => x.r.place.precision !== 'country') && tiers.length > 1) break;
    for (const r of results) {
      const sp = r.place.span;
      if (!sp || !tiers[t].some(([s, e]) => sp[0] >= s && sp[1] <= e)) continue;
      if (scored.some((x) => x.r === r)) continue;
      const foreign = leadCountries.size > 0 && r.place.country !== null && !leadCountries.has(r.place.country) ? 6 : 0;
      scored.push({ r, score: scoreOf(r, anchors) + t * 1.5 + foreign });
    }
  }
  if (scored.length === 0) return { place: null, alternatives: [], span: null };
  const specific = scored.filter((x) => x.r.place.precision !== 'country');
  const pool = (specific.length > 0 ? specific : scored).sort((a, b) => a.score - b.score);
  // refinements may come from any tier, the fallback one included, in tier order
  const inTiers: GeocodeResult[] = [];
  for (const tier of tiers) for (const r of results) if (r.place.span && tier.some(([s, e]) => r.place.span![0] >= s && r.place.span![1] <= e) && !inTiers.includes(r)) inTiers.push(r);
  // a region named for the strike may be refined by a place inside it from any sentence
  // (the article saying where in the region after the lede); the tiers' places come first
  const rest = results.filter((r) => r.place.span && !inTiers.includes(r)).sort((a, b) => a.place.span![0] - b.place.span![0]);
  // a part of the country refined to a region-wide place ("l'est du pays" -> "villages A, B
  // et C, dans la région de l'Est") may itself be refined by a district inside that region
  const refined = refinement(pool[0].r, inTiers, rest);
  const best = (refined && refinement(refined, inTiers, rest)) ?? refined ?? attachedInside(pool) ?? pool[0].r;
  const alternatives: Place[] = [...(best.conflicts ?? [])];
  for (const { r } of pool.slice(1)) {
    if (r.place.precision === 'country' || r.place.precision === 'region') continue;
    // A place in another country is another story (or a misread name), not a rival reading.
    if (best.place.country && r.place.country !== best.place.country) continue;
    if (r.anchor && best.anchor && samePoint(r.anchor, best.anchor)) continue;
    if (best.anchor && samePoint(r.place, best.anchor)) continue;
    if (r.anchor && samePoint(r.anchor, best.place)) continue;
    const d = distanceKm(best.place, r.place);
    if (d > best.place.radius_km + r.place.radius_km + 25 && !alternatives.some((a) => samePoint(a, r.place))) {
      alternatives.push(r.place);
    }
  }
  // Two clues for the same strike, side by side in the text, that disagree ("about 200km north
  // of Timbuktu near Taoudenni", ~450 km apart): the honest answer is between them, with a
  // radius covering both; each reading stays in the alternatives.
  // Only an offset or "near X" clue makes a rival: two plain names side by side are usually a
  // place and its surroundings, or a place and where the wounded were taken.
  const offsetKinds = new Set(pool.filter((x) => x.r.kind === 'offset' || x.r.kind === 'near').map((x) => x.r.place));
  const bestIsOffset = best.kind === 'offset' || best.kind === 'near';
  const rival = alternatives.find(
    (a) =>
      (bestIsOffset || offsetKinds.has(a)) && a.span && best.place.span && Math.abs(a.span[0] - best.place.span[0]) < 160 && a.country === best.place.country && distanceKm(a, best.place) < 1200,
  );
  if (rival) {
    const merged = mergeConflict(best.place, rival);
    return { place: merged, alternatives: [best.place, ...alternatives].slice(0, 4), span: merged.span };
  }
  return { place: best.place, alternatives: alternatives.slice(0, 4), span: best.place.span };
}

/**
 * A part of a country told by direction ("dans l'est du pays", "northern Ethiopia") is the
 * vaguest reading of a strike's place. When the strike's sentences also name a place inside
 * that part ("dans la région de l'Est", "Dedebit, a town in northwestern Tigray"), that place
 * says the same thing more precisely: take it, even from a later sentence.
 */
function refinement(best: GeocodeResult, candidates: GeocodeResult[], rest: GeocodeResult[]): GeocodeResult | null {
  const countryPart = best.kind === 'region' && best.anchor?.precision === 'country';
  if (!countryPart && !regionWide(best)) return null;
  for (const r of countryPart ? candidates : [...candidates, ...rest]) {
    if (r === best) continue;
    if (r.kind === 'region' && r.anchor?.precision === 'country') continue;
    if (r.place.precision === 'country' || r.place.country !== best.place.country) continue;
    if (PRECISION_RANK[r.place.precision] > PRECISION_RANK[best.place.precision]) continue;
    if (!countryPart && !insideRegion(r, best, rest.includes(r))) continue;
    if (distanceKm(r.place, best.place) <= best.place.radius_km) return r;
  }
  return null;
}

/**
 * A whole province or region named as the strike's place ("dans la région de l'Est", "in the
 * province of Hadramout"), or a hamlet the gazetteer does not know placed only by its region:
 * a district, town or village inside it that the strike's sentences name says where in it.
 */
function regionWide(r: GeocodeResult): boolean {
  if (r.place.precision !== 'region' || r.kind === 'offset' || r.kind === 'near') return false;
  return r.kind === 'name';
}

/**
 * A place that says where in a region the strike was: in the same admin1, named for itself
 * (not the region's own seat, "Baydah" for "Baydah province"). From outside the strike's
 * sentences only an admin2 district counts: a town there is more often another story.
 */
function insideRegion(r: GeocodeResult, region: GeocodeResult, outside: boolean): boolean {
  if (r.kind !== 'name' || !region.place.admin1 || r.place.admin1 !== region.place.admin1) return false;
  if (outside ? r.place.precision !== 'district' : PRECISION_RANK[r.place.precision] >= PRECISION_RANK.region) return false;
  const a = r.place.canonical_name ?? r.place.name;
  const b = region.place.canonical_name ?? region.place.name;
  return !b.toLowerCase().includes(a.toLowerCase());
}

/**
 * The text attaching a named town to the best place ("the Idlib city of Maaret Al-Numan",
 * "the town of Shehr" after "Hadramout"): the attached town says where in it, when it is as
 * precise and is a gazetteer place (not a hamlet placed only by its anchor).
 */
function attachedInside(pool: { r: GeocodeResult; score: number }[]): GeocodeResult | null {
  const top = pool[0].r;
  for (const { r } of pool.slice(1)) {
    if (r.kind !== 'name' || !r.anchor || r.place.geonames_id === null || !r.place.span || !top.place.span) continue;
    if (!samePoint(r.anchor, top.place) || PRECISION_RANK[r.place.precision] > PRECISION_RANK[top.place.precision]) continue;
    if (Math.abs(r.place.span[0] - top.place.span[0]) > 200) continue;
    return r;
  }
  return null;
}

/** One place covering two disagreeing readings: their midpoint, a radius reaching both. */
export function mergeConflict(a: Place, b: Place): Place {
  const lat = (a.lat + b.lat) / 2;
  const lon = (a.lon + b.lon) / 2;
  const half = distanceKm(a, b) / 2;
  const radius_km = Math.round(half + Math.max(a.radius_km, b.radius_km));
  const first = a.span && b.span && b.span[0] < a.span[0] ? b : a;
  const second = first === a ? b : a;
  const span: [number, number] | null = a.span && b.span ? [Math.min(a.span[0], b.span[0]), Math.max(a.span[1], b.span[1])] : a.span;
  return {
    name: `${first.name} / ${second.name}`,
    span,
    geonames_id: null,
    canonical_name: null,
    country: a.country ?? b.country,
    admin1: a.admin1 === b.admin1 ? a.admin1 : null,
    lat,
    lon,
    radius_km,
    precision: radius_km > 60 ? 'region' : 'district',
    how: `conflicting clues: ${first.name} vs ${second.name} (${Math.round(half * 2)} km apart)`,
  };
}

function scoreOf(r: GeocodeResult, anchors: [number, number][]): number {
  const span = r.place.span!;
  let dist = Infinity;
  for (const [s, e] of anchors) {
    const d = span[0] >= e ? span[0] - e : s >= span[1] ? s - span[1] : 0;
    if (d < dist) dist = d;
  }
  if (!Number.isFinite(dist)) dist = 2000;
  // An offset or "near X" is the text placing the strike itself: worth one precision level.
  // A part of a country told by direction ("l'est du pays", "northern Yemen") is vaguer than a
  // named region ("la région de l'Est", "Shabwa province"): half a precision level behind it.
  const kindBonus = r.kind === 'offset' || r.kind === 'near' ? -3.5 : r.kind === 'region' ? 1.5 : 0;
  // Precision matters most; distance to the trigger breaks ties within a sentence.
  return PRECISION_RANK[r.place.precision] * 3 + kindBonus + Math.min(dist, 600) / 200 - r.score;
}

const SOURCE_BEFORE =
  /\b(?:officials?|spokes(?:man|woman|person)|sources?|correspondent|reporters?|journalists?|residents?|authorities|ministry|government|embassy|press conference|headquarters|based|headquartered|speaking|told reporters|porte-parole|responsables?|sources?|correspondant|journaliste|autorités|ministère|gouvernement|ambassade|basée?s?)\s+(?:[\p{L}-]+\s+){0,2}?(?:in|at|from|à|de|depuis)\s+(?:the\s+|la\s+|le\s+)?$/iu;

/**
 * The seat of a command or government that speaks for a strike: "l'état-major des armées à
 * Paris", "the Pentagon in Washington", "the command's headquarters in Stuttgart".
 */
const HQ_BEFORE =
  /(?<![\p{L}])(?:état-major|pentagone?|commandement|command|élysée|white house|maison blanche|defen[cs]e ministry|ministère des armées|ministère de la défense|quartier général)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:in|at|à)\s+(?:the\s+)?$/iu;

/**
 * Where the wounded were taken or treated: "from his hospital bed in Erbil", "evacuated to
 * Gao", "transportés à l'hôpital de Mopti". (A strike that hit a hospital keeps its place:
 * only the care phrases count.)
 */
const CARE_BEFORE =
  /(?:hospital beds?|lits? d['’]hôpital|(?:taken|rushed|evacuated|transferred|flown|transported|admitted) to|treated (?:at|in)|(?:évacuée?s?|transportée?s?|transférée?s?|admise?s?|soignée?s?) (?:vers|à|dans))\s+(?:[\p{L}'’-]+\s+){0,3}?(?:(?:in|at|à|de|d['’])\s*)?(?:the\s+)?$/iu;

/** A clock time given in a city's time: "heure de Paris", "heure locale de Bamako", "Moscow time". */
const CLOCK_BEFORE = /(?<![\p{L}])heures?(?: locales?)? (?:de |d['’]\s*)$/iu;
const CLOCK_AFTER = /^\s+(?:local\s+)?time(?![\p{L}])/iu;

/** Where someone spoke: "speaking at a military ceremony in Virginia", "lors d'une conférence de presse à Paris". */
const SPEECH_BEFORE =
  /\b(?:speaking|spoke|speech|remarks|ceremony|conference|briefing|interview|visit|s['’]exprimant|conférence|cérémonie|discours|entretien|visite|point(?:[- ]de)?[- ]presse)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:in|at|à)\s+(?:the\s+)?$/iu;

/**
 * The seat of a political organisation: "des anciens mouvements rebelles établis à Bamako",
 * "an opposition movement established in Nairobi" ("based in" is SOURCE_BEFORE's already).
 * Only political heads: "des combattants établis à X" is often where they were struck.
 */
const SEAT_BEFORE =
  /(?<![\p{L}])(?:mouvements?|partis?|organisations?|ONG|associations?|coalitions?|movements?|part(?:y|ies)|organi[sz]ations?|NGOs?)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:établie?s?|established)\s+(?:in|at|à)\s+(?:the\s+)?$/iu;

/**
 * True for a place that locates a source rather than the strike: "a security official in
 * Peshawar", "told reporters in Washington", "le porte-parole à Bamako".
 */
export function isSourcePlace(text: string, r: GeocodeResult): boolean {
  const sp = r.place.span;
  if (!sp) return false;
  // the widest window (70 characters) lower-cased once: each rule's window ends at the place,
  // so a keyword in a narrower window is in this one too
  const lower = lowerWindow(text, sp[0] - 70, sp[0]);
  if (mayHold(lower, SOURCE_WORDS) && SOURCE_BEFORE.test(text.slice(Math.max(0, sp[0] - 60), sp[0]))) return true;
  if (mayHold(lower, SPEECH_WORDS) && SPEECH_BEFORE.test(text.slice(Math.max(0, sp[0] - 70), sp[0]))) return true;
  if (mayHold(lower, HQ_WORDS) && HQ_BEFORE.test(text.slice(Math.max(0, sp[0] - 50), sp[0]))) return true;
  if (mayHold(lower, SEAT_WORDS) && SEAT_BEFORE.test(text.slice(Math.max(0, sp[0] - 70), sp[0]))) return true;
  if (mayHold(lower, CARE_WORDS) && CARE_BEFORE.test(text.slice(Math.max(0, sp[0] - 60), sp[0]))) return true;
  // the city a clock time is given in: "vers 18 heures, heure de Paris", "at 6 p.m. Moscow time"
  if (CLOCK_BEFORE.test(text.slice(Math.max(0, sp[0] - 20), sp[0])) || CLOCK_AFTER.test(text.slice(sp[1], sp[1] + 12))) return true;
  if (r.kind === 'offset' || r.kind === 'near') return false;
  // "depuis Ouagadougou", "by telephone from Kabul": where a source was reached.
  if (/(?:\bdepuis|\b(?:phone|telephone|téléphone|contacted|reached|speaking|joints?|joint) (?:[\p{L}'’]+ ){0,3}from)\s+$/iu.test(text.slice(Math.max(0, sp[0] - 40), sp[0]))) return true;
  return METONYMY_AFTER.test(text.slice(sp[1], sp[1] + 40));
}

/**
 * Speed: the rules below are anchored at the end of a window before a place, so the regex
 * engine tries them from every character of the window. Each rule needs one of its keywords in
 * the window (every alternative of its head holds one); a lower-cased includes() of those skips
 * the regex on most places. 'ſ' folds to 's' under the /iu flags but is not lower-cased to it:
 * a window holding it always runs the regex. Results are those of the regexes alone.
 */
function lowerWindow(text: string, from: number, to: number): string {
  return text.slice(Math.max(0, from), to).toLowerCase();
}

function mayHold(lower: string, words: readonly string[]): boolean {
  if (lower.includes('ſ')) return true;
  for (const w of words) if (lower.includes(w)) return true;
  return false;
}

const SOURCE_WORDS = ['official', 'spokes', 'source', 'correspondent', 'reporter', 'journalist', 'resident', 'authorities', 'ministry',
  'government', 'embassy', 'press conference', 'headquarter', 'based', 'speaking', 'porte-parole', 'responsable', 'correspondant',
  'autorités', 'ministère', 'gouvernement', 'ambassade', 'basé'];
const SEAT_WORDS = ['établi', 'established'];
const HQ_WORDS = ['état-major', 'pentagon', 'command', 'élysée', 'white house', 'maison blanche', 'ministry', 'ministère', 'quartier général'];
const SPEECH_WORDS = ['speaking', 'spoke', 'speech', 'remarks', 'ceremony', 'conference', 'briefing', 'interview', 'visit', 'exprimant',
  'conférence', 'cérémonie', 'discours', 'entretien', 'presse'];
const CARE_WORDS = ['hospital bed', 'hôpital', 'taken', 'rushed', 'evacuated', 'transferred', 'flown', 'transported', 'admitted', 'treated',
  'évacué', 'transporté', 'transféré', 'admis', 'soigné'];
const ORIGIN_WORDS = ['base', 'airfield', 'airport', 'aéroport', 'aérodrome', 'carrier', 'porte-avions'];
const LANDING_WORDS = ['pos', 'atterri', 'land', 'flew back to'];

/**
 * Where the aircraft came from, not where they struck: "took off from their base in
 * Saint-Dizier", "partis de leur base de Saint-Dizier", "launched from a carrier", "depuis la
 * base aérienne de Niamey".
 */
const ORIGIN_BEFORE =
  /(?:\bfrom|\bdepuis|\bpartie?s? d[eu]|\bdécollée?s? d[eu]|\bstationnée?s? (?:à|dans|sur)|\bstationed (?:at|in)|\bbased (?:at|in))\s+(?:(?:their|its|the|a|an|leur|leurs|sa|son|la|le|l['’]|une?)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:bases?|airbases?|air bases?|airfields?|airports?|aéroports?|aérodromes?|carriers?|porte-avions)(?:\s+(?:aérienne|militaire|navale|américaine|française))?\s+(?:de\s+|d['’]|in\s+|at\s+|of\s+|near\s+)?(?:la\s+|le\s+|l['’]|the\s+)?$/iu;

/** A town the aircraft set out from, with no base named: "une patrouille de Mirage partie de N'Djamena", "jets that took off from Incirlik". */
const TOOK_OFF_FROM = /(?<![\p{L}])(?:partie?s?|décollée?s?|décollé|took off|taking off|taken off) (?:de |du |d['’]\s*|depuis |from )(?:the |la |le |l['’])?$/iu;

/** Where the aircraft landed or returned after the strike: "avant de se poser à N'Djamena". */
const LANDING_BEFORE =
  /\b(?:se (?:sont )?pos(?:er|és?|ant)|atterri(?:r|s)?|land(?:ed|ing)? (?:at|in)|flew back to)\s+(?:à\s+|au\s+|in\s+|at\s+)?(?:la\s+|le\s+|l['’]|the\s+)?(?:(?:base|airbase|airport|aéroport)\s+(?:de\s+|d['’]|of\s+|in\s+|at\s+)?)?$/iu;

/**
 * A place told for the earlier event a "since" phrase dates from: "since the killing of Osama
 * bin Laden in Abbottabad", "depuis la mort du chef à Ménaka", "since the fall of Mosul". The
 * phrase names another event (a determiner and its noun, maybe "of" and a name of up to five
 * words); "since Monday in X" or "since the strike, residents of X" are not such phrases.
 */
const SINCE_EVENT_BEFORE =
  /(?<![\p{L}])(?:since|depuis)\s+(?:the|la|le|l['’]|les)\s*[\p{L}-]{3,}\s+(?:(?:(?:of|de|du|des|d['’])\s*(?:[\p{L}'’.-]+\s+){0,5}?(?:in|at|à|au|en)\s+)|(?:in|at|à|au|en|of|de|du|d['’])\s*)(?:the\s+)?$/iu;

/**
 * A place told for the event a strike "came after": "The attack came three days after the coup
 * leader told a parade in Naypyitaw", "La frappe intervient deux jours après un discours à
 * Bamako". Only with "came/comes/follows/intervient" before "after": "two hours after it left
 * Jilib" is the strike's own sequence.
 */
const CAME_AFTER_BEFORE =
  /(?<![\p{L}])(?:came|comes|follows|followed|intervient|survient|est intervenue?)\s+(?:(?:just|only|barely|shortly|some|a|an|one|two|three|four|five|six|seven|several|a few|\d+|un|une|deux|trois|quatre|cinq|six|sept|quelques)\s+(?:days?|hours?|weeks?|months?|jours?|heures?|semaines?|mois)\s+)?(?:after|après)\s+[^.;:!?()—–,\n]{0,140}$/iu;

const STRIKE_WORD = /(?<![\p{L}])(?:air ?strikes?|strikes?|struck|raids?|bomb\w*|drones?|missiles?|airstrikes?|frappes?|frappée?s?|bombard\w*|raids? aériens?)(?![\p{L}])/iu;

function isRecalledEventPlace(text: string, sp: [number, number]): boolean {
  const before = text.slice(Math.max(0, sp[0] - 90), sp[0]);
  const lower = before.toLowerCase();
  const wide = text.slice(Math.max(0, sp[0] - 200), sp[0]);
  const after = /after|après/i.test(wide) ? CAME_AFTER_BEFORE.exec(wide) : null;
  // "came hours after the Pentagon acknowledged that one of its air strikes in Syria...": a
  // strike told in the clause keeps its place
  if (after && !STRIKE_WORD.test(after[0])) return true;
  if (!lower.includes('since') && !lower.includes('depuis')) return false;
  // the phrase stays inside one clause: no punctuation between "since" and the place
  const m = SINCE_EVENT_BEFORE.exec(before);
  return m !== null && !/[,;:.!?()—–]/u.test(m[0]);
}

/** The region a base place is put in by apposition: "Saint-Dizier, dans l'est de la France". */
const APPOSITION = /^,\s*(?:(?:dans|in)\s+)?$/iu;

/**
 * The places of a document that can place a strike: datelines, sources and bases removed,
 * and a region given in apposition to a removed base ("Saint-Dizier, in eastern France").
 */
export function strikePlaces(text: string, results: GeocodeResult[], datelines: [number, number][]): GeocodeResult[] {
  const out: GeocodeResult[] = [];
  let lastOrigin: [number, number] | null = null;
  const sorted = [...results].sort((a, b) => (a.place.span?.[0] ?? 0) - (b.place.span?.[0] ?? 0));
  const listed = listedCountries(text, sorted);
  for (const r of sorted) {
    const sp = r.place.span;
    if (!sp || listed.has(r)) continue;
    if (datelines.some(([s, e]) => sp[0] >= s && sp[1] <= e)) continue;
    if (isSourcePlace(text, r)) continue;
    if (isRecalledEventPlace(text, sp)) continue;
    const before = text.slice(Math.max(0, sp[0] - 80), sp[0]);
    const lower = lowerWindow(text, sp[0] - 80, sp[0]);
    const origin =
      (mayHold(lower, ORIGIN_WORDS) && ORIGIN_BEFORE.test(before)) || (mayHold(lower, LANDING_WORDS) && LANDING_BEFORE.test(before)) || TOOK_OFF_FROM.test(before);
    const apposed = lastOrigin !== null && lastOrigin[1] <= sp[0] && APPOSITION.test(text.slice(lastOrigin[1], sp[0]).replace(/\s*(?:l['’]|le |la |the )$/iu, ''));
    if (origin || apposed) {
      lastOrigin = sp;
      continue;
    }
    out.push(r);
  }
  return out;
}

/** What joins two countries of a list: ", le Niger", " et le Bénin", " and Burkina Faso". */
const LIST_JOIN = /^\s*(?:,|et|and|ou|or|&)\s+(?:(?:le|la|les|the)\s+|l['’]\s*)?$/iu;

/**
 * Countries named together ("partagés par le Burkina Faso, le Niger et le Bénin", "the
 * tri-border area between Mali, Niger and Burkina Faso") name a border area, not the country
 * a strike fell in: none of them alone is the strike's place.
 */
function listedCountries(text: string, sorted: GeocodeResult[]): Set<GeocodeResult> {
  const out = new Set<GeocodeResult>();
  const countries = sorted.filter((r) => r.kind === 'country' && r.place.span);
  for (let i = 1; i < countries.length; i++) {
    const a = countries[i - 1];
    const b = countries[i];
    if (LIST_JOIN.test(text.slice(a.place.span![1], b.place.span![0]))) {
      out.add(a);
      out.add(b);
    }
  }
  return out;
}

/**
 * A city standing for its government or an organisation's seat: "London-based", "Washington
 * said", "Paris has denied", "Moscou a démenti".
 */
const METONYMY_AFTER =
  /^(?:-(?:based|backed|led|allied|supported|funded|trained)|\s+(?:said|says|has (?:said|denied|confirmed|claimed|announced)|denied|confirmed|announced|claimed|insists|officials?|authorities|government)\b|\s+(?:a|ont) (?:démenti|confirmé|annoncé|affirmé|déclaré)(?![\p{L}])|\s+(?:annonce|affirme|dément|confirme|revendique|accuse|assure|announces|denies|confirms|claims|accuses)\b)/iu;

const MONTHS = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';
/** "5 juin", "1er avril", "March 3", "3 March". */
const DAY_MONTH = `(?:\\d{1,2}(?:er)?\\s+(?:${MONTHS})|(?:${MONTHS})\\s+\\d{1,2})`;

/**
 * Dateline ranges: "PESHAWAR, Pakistan —", "Bamako (AFP) -", "CAIRO:" at the start of a
 * paragraph. The city of a dateline is where the story was filed, not where the strike was.
 */
export function datelineRanges(text: string, paragraphStarts: number[]): [number, number][] {
  const out: [number, number][] = [];
  // An upper-case city ("PESHAWAR, Pakistan —"), or any city with an agency ("Bamako (AFP) -").
  const caps = /^\s*\p{Lu}[\p{Lu}'’. -]{2,40}(?:,\s*[\p{L}'’. -]{2,30}?)?\s*(?:\([^)]{1,25}\))?\s*[,—–:-]/u;
  const agency = /^\s*\p{Lu}[\p{L}'’. -]{1,40}?,?\s*\([^)]{1,80}\)\s*[—–:-]/u;
  // A city and the day of filing ("Bangui, 5 juin 2024 -", "Kabul, March 3 (Reuters) -").
  const dated = new RegExp(`^\\s*\\p{Lu}[\\p{L}'’. -]{1,40}?,\\s*(?:le\\s+)?${DAY_MONTH}(?:\\s+\\d{4})?\\s*(?:\\([^)]{1,80}\\)\\s*)?[—–-](?=\\s)`, 'u');
  // An Arabic city or two ("الرياض/صنعاء -"), with an agency or a date after a comma ("الخرطوم، 10 سبتمبر/أيلول 2023 -").
  const arabic = /^\s*[\u0600-\u06FF]{2,20}(?:\s*\/\s*[\u0600-\u06FF]{2,20})?(?:\s*\([^)]{1,40}\))?(?:\s*[،,]\s*\d{1,2}\s+[\u0600-\u06FF]+(?:\s*\/\s*[\u0600-\u06FF]+)?(?:\s+\d{4})?)?\s*[—–-](?=\s)/u;
  for (const start of paragraphStarts) {
    const head = text.slice(start, start + 90);
    const m = caps.exec(head) ?? agency.exec(head) ?? dated.exec(head) ?? arabic.exec(head);
    if (m) out.push([start, start + m[0].length]);
  }
  return out;
}

function samePoint(a: Place, b: Place): boolean {
  if (a.geonames_id !== null && a.geonames_id === b.geonames_id) return true;
  return distanceKm(a, b) < 1;
}

/** Great-circle distance (haversine, mean Earth radius 6371.0088 km, IUGG). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
