import type { EventType } from '../domain/index.ts';
import type { GeocodeResult } from '../gazetteer/types.ts';
import { IncidentFilters, type BBox } from './filters.ts';
import { dateWindow, findDates } from './ask-dates.ts';
import type { AskDeps, Intent, Understood, UnderstoodPlace } from './ask-types.ts';

/**
 * A question in English or French -> an intent and filters. Pure: the lexicon (actors) and
 * the gazetteer (places) are the ones extraction uses, passed in `deps`; `today` resolves
 * "last year". The rules are a linguist's: question words for the intent, trigger words for
 * the event type, actor kinds for the roles (armed groups are targets, states and their forces
 * belligerents), the gazetteer's reading of place phrases.
 */
export interface ParsedQuestion {
  question: string;
  intent: Intent;
  understood: Understood;
}

const FRENCH_CUES =
  /\b(quel(le)?s?|combien|qui|frappes?|près|pres|depuis|entre|en \d{4}|ont|est-ce|a-t-(il|elle)|y a-t-il|françaises?|francaises?|américaines?|aériennes?|contre|dans|le nord|du|des|les)\b/iu;
const ENGLISH_CUES = /\b(did|does|how|many|who|which|what|strikes?|the|in|near|on|against|launch|carry|were|was)\b/i;

export function detectLanguage(q: string): 'en' | 'fr' {
  const fr = (q.match(new RegExp(FRENCH_CUES.source, 'giu')) ?? []).length;
  const en = (q.match(new RegExp(ENGLISH_CUES.source, 'gi')) ?? []).length;
  return fr > en ? 'fr' : 'en';
}

export function detectIntent(q: string): Intent {
  const s = q.trim().toLowerCase().replace(/[’]/g, "'");
  if (/\b(how many|how often|number of|count of|combien|nombre de)\b/.test(s)) return 'count';
  if (
    /^(who|qui|by whom|par qui)\b/.test(s) ||
    /^(which|what|quel(le)?s?)\s+(country|countries|state|belligerent|force|forces|army|armies|air force|pays|état|armée|armées|force aérienne)\b/.test(s) ||
    /\bwho (struck|carried|launched|bombed|hit|attacked|was behind|is behind|did)\b/.test(s) ||
    /\bqui (a|ont|est)\b/.test(s)
  ) {
    return 'who';
  }
  if (
    /^(did|does|do|has|have|had|was|were|is|are|can|could|will|est-ce qu|y a-t-il|y-a-t-il|a-t-on|is it true)/.test(s) ||
    /-t-(il|elle|ils|elles|on)\b/.test(s) ||
    /^[^?]*\b\w+-(ils|elles|il|elle)\b/.test(s)
  ) {
    return 'yes_no';
  }
  return 'list';
}

/** Trigger words -> event types. "Drone" narrows; air/missile words stay within air strikes. */
export function detectEventTypes(q: string): { types: EventType[] | undefined; span: [number, number] | null } {
  const drone = /\b(drones?|UAVs?|unmanned|Reapers?|Predators?|Bayraktars?|TB2)\b/i.exec(q);
  if (drone) return { types: ['drone_strike'], span: [drone.index, drone.index + drone[0].length] };
  const missile = /\b(missiles?|cruise missiles?)\b/i.exec(q);
  if (missile && !/\b(air ?strikes?|air raids?|jets?|warplanes?|aériennes?)\b/i.test(q)) {
    return { types: ['missile_strike'], span: [missile.index, missile.index + missile[0].length] };
  }
  return { types: undefined, span: null };
}

/** Nouns that describe what was hit; searched in the documents' text, dropped if nothing matches. */
const DETAIL_NOUNS =
  /(?<!\p{L})(convoy|convoi|wedding|mariage|hospital|hôpital|hopital|market|marché|marche|mosque|mosquée|school|école|ecole|vehicles?|véhicules?|cars?|voitures?|trucks?|camions?|pick-?ups?|meeting|réunion|funeral|funérailles|compound|checkpoint|boat|bateau|training camp|camp d'entraînement|leader|chef|commander|commandant|refugee camp|camp de réfugiés)(?!\p{L})/giu;

/** Most specific place first: an offset or "near X", a named place, a region, then a country. */
const KIND_ORDER: Record<GeocodeResult['kind'], number> = { offset: 0, near: 1, name: 2, region: 3, country: 4 };

/** Search radius for a place as read in a question (km), never below the place's own radius. */
function searchKm(r: GeocodeResult): number {
  const own = r.place.radius_km;
  switch (r.kind) {
    case 'near':
    case 'offset':
      return Math.max(own, 50);
    case 'name':
      return Math.max(own, 30);
    default:
      return Math.max(own, 25);
  }
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

export function parseQuestion(question: string, deps: AskDeps, today: string): ParsedQuestion {
  const q = question.normalize('NFC').replace(/\s+/g, ' ').trim();
  const language = detectLanguage(q);
  const intent = detectIntent(q);
  const used: [number, number][] = [];
  const filters: Record<string, unknown> = {};

  const dates = findDates(q, today);
  const win = dateWindow(dates);
  if (win.from) filters.event_date_from = win.from;
  if (win.to) filters.event_date_to = win.to;
  used.push(...dates.map((d) => d.span));

  const ev = detectEventTypes(q);
  if (ev.types) filters.event_type = ev.types;
  if (ev.span) used.push(ev.span);

  // Actors: armed groups are what was struck; states and their forces are who struck. A
  // country's name after a locative word ("in Mali", "au Mali", "northern Mali") is a place.
  let belligerent: string | null = null;
  const targets: string[] = [];
  const placeCountries: string[] = [];
  for (const m of deps.findActors?.(q) ?? []) {
    if (used.some((u) => overlaps(u, m.span))) continue;
    if (m.actor.kind === 'state' && isLocative(q, m.span[0]) && !/^(via|demonym|acronym)$/.test((m as { via?: string }).via ?? '')) {
      if (m.actor.country) placeCountries.push(m.actor.country);
      continue;
    }
    used.push(m.span);
    if (m.actor.kind === 'armed_group' || m.actor.kind === 'other') {
      if (!targets.includes(m.actor.id)) targets.push(m.actor.id);
    } else if (!belligerent) {
      belligerent = deps.belligerentOf?.(m.actor.id) ?? m.actor.id;
    }
  }
  if (targets.length) filters.target = targets;
  if (belligerent && (intent === 'list' || intent === 'count')) {
    filters.belligerent = [belligerent];
    filters.status = ['acknowledged', 'alleged', 'suspected'];
  }

  // Places: the gazetteer reads the question with dates and actor names blanked out (so "US"
  // or "French" is not read as a country); names after a preposition it did not resolve in
  // context are looked up on their own.
  const place = findPlace(q, used, deps);
  if (place) {
    if (place.bbox) filters.bbox = place.bbox;
    else if (place.kind !== 'country') filters.near = { lat: place.lat, lon: place.lon, km: place.km };
    if (place.country) filters.country = [place.country];
  } else if (placeCountries.length) {
    filters.country = [...new Set(placeCountries)];
  }

  const details: string[] = [];
  // Names that are neither an actor nor a place the gazetteer knows (a person, a village it
  // lacks) are still worth finding: they are searched in the documents' text.
  for (const m of q.matchAll(PROPER_NAME)) {
    const span: [number, number] = [m.index!, m.index! + m[0].length];
    if (span[0] === 0 || used.some((u) => overlaps(u, span)) || NOT_NAMES.test(m[0])) continue;
    details.push(m[0]);
    used.push(span);
  }
  for (const m of q.matchAll(DETAIL_NOUNS)) {
    const span: [number, number] = [m.index!, m.index! + m[0].length];
    if (!used.some((u) => overlaps(u, span))) details.push(m[0].toLowerCase());
  }
  if (details.length) filters.q = details.join(' ');

  const killed = /\b(?:at least|more than|over|no fewer than|plus de|au moins)\s+(\d{1,5})\s+(?:people\s+|personnes\s+|civilians\s+|civils\s+)?(?:killed|dead|deaths|morts|tués|tues|victimes)/iu.exec(q);
  const killedAfter = /\b(?:killed|killing|kill|tuant|tué|tues|tués)\s+(?:at least|more than|over|no fewer than|plus de|au moins)\s+(\d{1,5})/iu.exec(q);
  const k = killed ?? killedAfter;
  const atLeast = k ? Number(k[1]) + (/more than|over|plus de/i.test(k[0]) ? 1 : 0) : undefined;
  // "at least 5 civilians killed" counts civilians; "were civilians killed?" asks for any
  const civilians = k && (/civilians|civils/iu.test(k[0]) || /^\s*(?:civilians|civils)\b(?!\s+(?:or|and|ou|et)\b)/iu.test(q.slice(k.index + k[0].length)));
  if (civilians) filters.min_civilians_killed = atLeast;
  else {
    if (atLeast !== undefined) filters.min_killed = atLeast;
    if (CIVILIAN_HARM.test(q)) filters.min_civilians_killed = 1;
  }

  return {
    question,
    intent,
    understood: { language, filters: IncidentFilters.parse(filters), belligerent, place, details, relaxed: [] },
  };
}

/**
 * A question about civilians harmed: "were civilians killed", "civilian casualties", "killed
 * any civilians", "des civils ont-ils été tués", "victimes civiles".
 */
const CIVILIAN_HARM =
  /\b(?:civilians?\s+(?:(?:were|was|been|being)\s+)?(?:killed|dead|died|deaths?|casualties|victims)|civilian\s+(?:casualties|deaths?|victims|toll|dead|harm)|(?:kill(?:ed|ing|s)?|harm(?:ed|ing|s)?)\s+(?:any\s+|some\s+|many\s+)?civilians|civils\s+(?:ont(?:-ils)?\s+été\s+|ont\s+|auraient\s+été\s+)?(?:tués|morts|blessés|victimes)|(?:victimes|pertes|morts)\s+civil(?:e|s|es)?|tué\s+des\s+civils)\b/iu;

/** Words after which a country name is where, not who: "in Mali", "au Mali", "northern Mali". */
const LOCATIVE =
  /(?:^|[\s'’(])(?:in|into|inside|across|over|near|of|at|from|au|aux|en|dans|du|vers|northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|(?:north|south|east|west|nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|sud-ouest|part|parts)(?:\s+(?:de|du|des|d|of))?)(?:\s+(?:la|le|les|l|the))?\s*['’]?\s*$/i;

function isLocative(q: string, at: number): boolean {
  return LOCATIVE.test(q.slice(Math.max(0, at - 30), at));
}

/** Capitalised names after a preposition: "near Kidal", "hit Jilib", "près de Kidal". */
const NAMED_AFTER =
  /(?:^|\s)(near|around|outside|close to|in|at|on|over|hit|struck|bombed|targeted|près de|pres de|autour de|à|a|au|aux|en|dans|vers|sur|contre|non loin de|de|du)\s+((?:[A-ZÀ-ÖØ-Þ][\p{L}'’-]+)(?:\s+[A-ZÀ-ÖØ-Þ][\p{L}'’-]+){0,2})/gu;
/** Case- and accent-folded name, to tell a place's own name from one of its alternate names. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * "Northern Mali", "le sud de la Somalie": the part of the country on that side of its
 * centre — a half-plane through the country's centroid, combined with the country filter
 * (a circle would cut off the far north of a country as long as Mali).
 */
function directionalHalf(text: string, iso2: string, deps: AskDeps): BBox | null {
  const m = /(?<!\p{L})(north|south|east|west|nord|sud|est|ouest)(?:ern)?(?:[- ]?(east|west|est|ouest)(?:ern)?)?(?!\p{L})/iu.exec(text);
  const c = m ? deps.country?.(iso2) : null;
  if (!m || !c) return null;
  const box = { south: -90, north: 90, west: -180, east: 180 };
  for (const w of [m[1], m[2]].filter(Boolean).map((x) => x.toLowerCase())) {
    if (w === 'north' || w === 'nord') box.south = c.lat;
    else if (w === 'south' || w === 'sud') box.north = c.lat;
    else if (w === 'east' || w === 'est') box.west = c.lon;
    else box.east = c.lon;
  }
  return box;
}

/**
 * "Near Kidal" where a first-level region bears the town's name (Kidal, Gao, Mopti): in
 * questions about the surroundings of such a town, people mean its region.
 */
function namesakeRegion(name: string, country: string | null, deps: AskDeps): UnderstoodPlace | null {
  const key = fold(name);
  const r = deps.lookupPlace?.(name).find((c) => c.feature_code === 'ADM1' && fold(c.name) === key && (!country || c.country === country));
  if (!r) return null;
  return { text: name, name: r.name, kind: 'region', lat: r.lat, lon: r.lon, km: Math.round(r.radius_km), country: r.country };
}

/** A run of capitalised words, with the particles of Arabic, Tuareg and French names inside. */
const PROPER_NAME = /(?<![\p{L}'’-])\p{Lu}[\p{L}’'-]+(?:\s+(?:(?:al|el|ag|ben|bin|ould|abu|abou|ibn|de|du)[-\s])?\p{Lu}[\p{L}’'-]+|-\p{Lu}[\p{L}’'-]+|\s+(?:al|el|ag)-\p{Lu}?[\p{L}’'-]+)*/gu;
/** Capitalised words that are not names: months, days, question and function words. */
const NOT_NAMES =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I|The|A|An|Did|Was|Were|Who|How|What|Which|Where|When|Is|Are|Has|Have|Les|Le|La|Des|Un|Une|Quelles?|Quels?|Qui|Combien|Est-ce|Y)$/;

const NEAR_WORDS = /^(near|around|outside|close to|près de|pres de|autour de|non loin de)$/i;

function findPlace(q: string, used: [number, number][], deps: AskDeps): UnderstoodPlace | null {
  let blanked = q;
  for (const [s, e] of used) blanked = blanked.slice(0, s) + ' '.repeat(e - s) + blanked.slice(e);
  const found = (deps.geocode?.(blanked) ?? []).filter((r) => !r.place.span || !used.some((u) => overlaps(u, r.place.span!)));
  const specific = found.filter((r) => r.kind !== 'country').sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score)[0];
  const country = found.find((r) => r.kind === 'country');
  if (specific) {
    const p = specific.place;
    used.push(...(p.span ? [p.span] : []));
    const half = specific.kind === 'region' && p.country ? directionalHalf(p.span ? q.slice(p.span[0], p.span[1]) : p.name, p.country, deps) : null;
    if (half) {
      return {
        text: p.span ? q.slice(p.span[0], p.span[1]) : p.name,
        name: p.canonical_name ?? p.name,
        kind: 'region',
        lat: p.lat,
        lon: p.lon,
        km: Math.round(searchKm(specific)),
        country: p.country,
        bbox: half,
      };
    }
    const region = specific.kind === 'near' ? namesakeRegion(specific.anchor?.name ?? p.canonical_name ?? p.name, p.country, deps) : null;
    if (region) return { ...region, text: p.span ? q.slice(p.span[0], p.span[1]) : p.name };
    return {
      text: p.span ? q.slice(p.span[0], p.span[1]) : p.name,
      name: p.canonical_name ?? p.name,
      kind: specific.kind,
      lat: p.lat,
      lon: p.lon,
      km: Math.round(searchKm(specific)),
      country: p.country ?? country?.place.country ?? null,
    };
  }
  if (deps.lookupPlace) {
    const hint = country?.place.country ?? null;
    const countrySpans = found.filter((r) => r.kind === 'country' && r.place.span).map((r) => r.place.span!);
    for (const m of blanked.matchAll(NAMED_AFTER)) {
      const start0 = m.index! + m[0].length - m[2].length;
      if (countrySpans.some((cs) => overlaps(cs, [start0, start0 + m[2].length]))) continue;
      const words = m[2].split(/\s+/);
      for (let n = words.length; n > 0; n--) {
        const name = words.slice(0, n).join(' ');
        const key = fold(name);
        const cands = deps
          .lookupPlace(name)
          .filter((c) => !c.feature_code.startsWith('PCL') && (!hint || c.country === hint));
        const town = cands.find((x) => fold(x.name) === key && x.feature_class === 'P');
        const region = cands.find((x) => fold(x.name) === key && x.feature_code === 'ADM1');
        const near = NEAR_WORDS.test(m[1]);
        // "near Kidal", "région de Kidal": where a region bears the town's name (Kidal, Gao,
        // Mopti...), a question about the surroundings means the region; "in Kidal" the town.
        const regionWord = /\b(region|région|province|area|zone)\s+(of|de|du|d')\s*$/i.test(blanked.slice(Math.max(0, m.index! - 20), start0));
        const c = ((near || regionWord) && region ? region : town) ?? cands.find((x) => fold(x.name) === key) ?? (hint ? cands[0] : undefined);
        if (!c) continue;
        used.push([start0, start0 + name.length]);
        const own = c.radius_km;
        return {
          text: name,
          name: c.name,
          kind: c.feature_class === 'A' ? 'region' : near ? 'near' : 'name',
          lat: c.lat,
          lon: c.lon,
          km: Math.round(c.feature_class === 'A' ? own : near ? Math.max(own, 50) : Math.max(own, 30)),
          country: c.country,
        };
      }
    }
  }
  if (country) {
    const p = country.place;
    if (p.span) used.push(p.span);
    return { text: p.name, name: p.canonical_name ?? p.name, kind: 'country', lat: p.lat, lon: p.lon, km: Math.round(p.radius_km), country: p.country };
  }
  return null;
}
