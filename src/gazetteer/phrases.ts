import { bearingOf, KM_PER_MILE } from './geo.ts';

/**
 * The words around a place name that change what it means: an offset ("about 200 km
 * north of", "à une cinquantaine de kilomètres au nord de", "70 كلم غرب"), a vague
 * neighbourhood ("near", "on the outskirts of", "non loin de", "قرب"), a part of a
 * region ("northern", "le nord du"), an admin word ("province", "région de", "محافظة").
 * Each detector looks at a short window of text right before or after the name.
 */

const WINDOW = 120;

/** A distance as written: value in km and whether it was hedged ("about", "une trentaine"). */
export interface Distance {
  km: number;
  vague: boolean;
}

export interface OffsetPhrase {
  start: number;
  distance: Distance | null;
  bearing: number;
  /** The compass word as written. */
  dirText: string;
}

export interface NearPhrase {
  start: number;
  /** "outskirts" is tighter than "near"/"area". */
  tight: boolean;
}

export interface RegionPhrase {
  start: number;
  /** null = the centre ("central Mali", "le centre du pays"). */
  bearing: number | null;
  dirText: string;
}

const EN_NUM: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100,
  'a dozen': 12, 'a few': 5, 'a couple of': 2, several: 5, 'tens of': 30, 'dozens of': 30, 'hundreds of': 300,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  quinze: 15, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, quelques: 5,
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50,
  soixantaine: 60, centaine: 100, 'dizaines de': 30, 'centaines de': 300,
};
const VAGUE_NUM = new Set(['a few', 'several', 'tens of', 'dozens of', 'hundreds of', 'quelques', 'dizaines de', 'centaines de']);

const NUM = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,4}(?:[.,]\d{3})*(?:[.,]\d+)?|(?:a\s+)?(?:hundred|dozen|few|couple\s+of)|tens\s+of|dozens\s+of|hundreds\s+of|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|une?\s+(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine)\s+de|dizaines\s+de|centaines\s+de|quelques|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent`;
const UNIT = String.raw`km|kms|kilometers|kilometres|kilometer|kilometre|kilomètres|kilomètre|miles|mile|mi`;
const HEDGE = String.raw`some|about|around|roughly|approximately|approx\.|nearly|almost|over|more\s+than|less\s+than|under|up\s+to|at\s+least|just|only|barely|an\s+estimated|estimated|environ|quelque|près\s+de|plus\s+de|moins\s+de|à\s+peine`;
const EN_DIR = String.raw`(?:north|south)(?:[- ]?(?:east|west))?|east|west`;
const FR_DIR = String.raw`(?:nord|sud)(?:[- ](?:est|ouest))?|est|ouest`;
const ANCHOR_LEAD_EN = String.raw`(?:the\s+(?:[a-z]+\s+)?(?:town|city|village|capital|settlement|provincial\s+capital|regional\s+capital)(?:\s+of|,)?\s+)?`;
const ANCHOR_LEAD_FR = String.raw`(?:(?:la\s+)?(?:ville|localité|commune|capitale|village)\s+(?:de\s+|d['’]\s*)?|la\s+capitale(?:\s+[a-zàâçéèêëîïôûùüÿñæœ]+)?,?\s+)?`;

const EN_OFFSET = new RegExp(
  String.raw`(?:(${HEDGE})\s+)?(${NUM})\s*(?:-\s*)?(${UNIT})\.?\s*(?:\([^()]{0,30}\)\s*)?(?:to\s+the\s+|due\s+)?(${EN_DIR})(?:ward|erly)?\s+of\s+${ANCHOR_LEAD_EN}$`,
  'i',
);
const FR_OFFSET = new RegExp(
  String.raw`(?:à\s+)?(?:(${HEDGE})\s+)?(${NUM})\s*(${UNIT})\.?\s*(?:\([^()]{0,30}\)\s*)?(?:au|à\s+l['’]\s*|a\s+l['’]\s*)\s*(${FR_DIR})\s+(?:de\s+|d['’]\s*|du\s+|des\s+)${ANCHOR_LEAD_FR}$`,
  'i',
);
const AR_OFFSET = /(\d{1,4})\s*(كلم|كم|كيلومترا|كيلومترات|كيلومتر|ميلا|ميل|أميال)\s*(?:إلى\s+)?(?:ال)?(شمال|جنوب|شرق|غرب)(?:\s*(?:ال)?(شرق|غرب))?(?:ي|يّ)?\s*(?:مدينة\s+)?$/;
const EN_DIR_ONLY = new RegExp(String.raw`(?:(just|further|far|immediately)\s+)?(${EN_DIR})(?:ward|erly)?\s+of\s+${ANCHOR_LEAD_EN}$`, 'i');
const FR_DIR_ONLY = new RegExp(String.raw`(?:au|à\s+l['’]\s*|a\s+l['’]\s*)\s*(${FR_DIR})\s+(?:de\s+|d['’]\s*|du\s+|des\s+)${ANCHOR_LEAD_FR}$`, 'i');
const AR_DIR_ONLY = /(?:^|\s)(?:في\s+)?(?:ال)?(شمال|جنوب|شرق|غرب)(?:\s*(?:ال)?(شرق|غرب))?(?:ي)?\s*$/;

function parseNumber(raw: string): Distance | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d/.test(s)) {
    // "1,200" / "1.200" / "1 200" (French, often with a no-break space) thousands, "2.5" / "2,5" decimals
    const v = /^\d{1,3}([., ]\d{3})+$/.test(s) ? Number(s.replace(/[., ]/g, '')) : Number(s.replace(',', '.'));
    return Number.isFinite(v) ? { km: v, vague: false } : null;
  }
  const words = s.replace(/^une?\s+/, '').replace(/\s+de$/, '');
  const v = EN_NUM[s] ?? EN_NUM[words] ?? EN_NUM[s.replace(/^a\s+/, 'a ')];
  if (v === undefined) return null;
  return { km: v, vague: VAGUE_NUM.has(s) || /aine$/.test(words) };
}

function toDistance(num: string, unit: string, hedge: string | undefined): Distance | null {
  const d = parseNumber(num);
  if (!d) return null;
  const miles = /^mi/i.test(unit) || /ميل|أميال/.test(unit);
  return { km: miles ? d.km * KM_PER_MILE : d.km, vague: d.vague || hedge !== undefined };
}

/** "<distance> <unit> <direction> of" right before `start`, in English, French or Arabic. */
const UNIT_HINT = /km|kilom|mile|\bmi\b|كلم|كم|كيلو|ميل|أميال/i;
const DIR_HINT = /north|south|east|west|nord|sud|est|ouest|شمال|جنوب|شرق|غرب/i;

export function offsetBefore(text: string, start: number): OffsetPhrase | null {
  const from = Math.max(0, start - WINDOW);
  const w = text.slice(from, start);
  // cheap pre-checks before the long patterns: a unit and a compass word must be there
  if (!UNIT_HINT.test(w) || !DIR_HINT.test(w)) return null;
  let m = EN_OFFSET.exec(w);
  if (m) {
    const b = bearingOf(m[4]);
    const d = toDistance(m[2], m[3], m[1]);
    if (b !== null && d) return { start: from + m.index, distance: d, bearing: b, dirText: m[4] };
  }
  m = FR_OFFSET.exec(w);
  if (m) {
    const b = bearingOf(m[4]);
    const d = toDistance(m[2], m[3], m[1]);
    if (b !== null && d) return { start: from + m.index + (m[0].startsWith('à') || m[0].startsWith('À') ? 0 : 0), distance: d, bearing: b, dirText: m[4] };
  }
  m = AR_OFFSET.exec(w);
  if (m) {
    const dir = m[4] ? `${m[3]} ${m[4]}` : m[3];
    const b = bearingOf(dir);
    const d = toDistance(m[1], m[2], undefined);
    if (b !== null && d) return { start: from + m.index, distance: d, bearing: b, dirText: dir };
  }
  return null;
}

/** A bare direction before the name: "north of", "au nord de", "شمال". */
export function directionBefore(text: string, start: number): OffsetPhrase | null {
  const from = Math.max(0, start - 60);
  const w = text.slice(from, start);
  if (!DIR_HINT.test(w)) return null;
  let m = EN_DIR_ONLY.exec(w);
  if (m) {
    const b = bearingOf(m[2]);
    const close = m[1] !== undefined && /just|immediately/i.test(m[1]);
    if (b !== null) return { start: from + m.index, distance: close ? { km: 5, vague: true } : null, bearing: b, dirText: m[2] };
  }
  m = FR_DIR_ONLY.exec(w);
  if (m) {
    const b = bearingOf(m[1]);
    if (b !== null) return { start: from + m.index, distance: null, bearing: b, dirText: m[1] };
  }
  m = AR_DIR_ONLY.exec(w);
  if (m) {
    const dir = m[2] ? `${m[1]} ${m[2]}` : m[1];
    const b = bearingOf(dir);
    const lead = m[0].length - m[0].trimStart().length;
    if (b !== null) return { start: from + m.index + lead, distance: null, bearing: b, dirText: dir };
  }
  return null;
}

const NEAR_EN = /(?:\b(?:near|nearby|close\s+to|closer\s+to|just\s+outside(?:\s+of)?|outside(?:\s+of)?|(?:on|at|in)\s+the\s+(?:outskirts|edge|fringes|suburbs)\s+of|outskirts\s+of|suburbs\s+of|in\s+the\s+vicinity\s+of|vicinity\s+of|not\s+far\s+from|a\s+few\s+(?:km|kilometres|kilometers|miles)\s+from|in\s+the\s+(?:area|region|surroundings)\s+(?:of|around)|around|the\s+area\s+(?:of|around))\s+)(?:the\s+(?:[a-z]+\s+)?(?:town|city|village|capital|settlement)(?:\s+of|,)?\s+)?$/i;
const NEAR_FR = /(?:\b(?:près\s+de|pres\s+de|non\s+loin\s+de|aux\s+abords\s+de|à\s+la\s+périphérie\s+de|en\s+périphérie\s+de|dans\s+la\s+périphérie\s+de|dans\s+les\s+environs\s+de|aux\s+environs\s+de|à\s+proximité\s+de|aux\s+alentours\s+de|autour\s+de|dans\s+la\s+zone\s+de|dans\s+la\s+banlieue\s+de|en\s+banlieue\s+de)\s*)(?:(?:la\s+)?(?:ville|localité|commune|village)\s+(?:de\s+|d['’]\s*)?)?$/i;
const NEAR_AR = /(?:^|\s)(?:قرب|بالقرب\s+من|على\s+مقربة\s+من|ضواحي|بضواحي|في\s+ضواحي|محيط|بمحيط|في\s+محيط|أطراف|على\s+أطراف|مشارف|على\s+مشارف)\s+(?:مدينة\s+|بلدة\s+|قرية\s+)?$/;

/** "near", "outskirts of", "près de", "قرب" right before `start`. */
const NEAR_HINT = /near|close|outside|outskirts|suburbs|vicinity|far|area|region|surround|around|edge|fringes|few|près|pres|loin|abords|périphérie|environs|proximité|alentours|autour|zone|banlieue|قرب|مقربة|ضواحي|محيط|أطراف|مشارف/i;

export function nearBefore(text: string, start: number): NearPhrase | null {
  const from = Math.max(0, start - 70);
  const w = text.slice(from, start);
  if (!NEAR_HINT.test(w)) return null;
  for (const re of [NEAR_EN, NEAR_FR, NEAR_AR]) {
    const m = re.exec(w);
    if (m) {
      const lead = m[0].length - m[0].trimStart().length;
      return { start: from + m.index + lead, tight: /outskirts|edge|suburbs|outside|périphérie|abords|banlieue|ضواحي|أطراف|مشارف/i.test(m[0]) };
    }
  }
  return null;
}

const REGION_EN = new RegExp(
  String.raw`(?:\b(?:the\s+)?(?:far\s+|extreme\s+|remote\s+|deep\s+|restive\s+|volatile\s+)?)((?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|centre|center)\s+(?:(?:part|parts|region|regions|area|areas)\s+of\s+|of\s+)?$`,
  'i',
);
const REGION_FR = new RegExp(
  String.raw`(?:\b(?:le|l['’]|dans\s+le|dans\s+l['’]|au|du|extrême[- ])?\s*)(${FR_DIR}|centre)\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*(?:pays\s+)?$`,
  'i',
);
const REGION_FR_ADJ = /^\s+(septentrional|méridional|oriental|occidental|central)e?s?\b/i;

/** "northern", "the north of", "le nord du", "شمال" before a country or an admin region. */
export function regionBefore(text: string, start: number): RegionPhrase | null {
  const from = Math.max(0, start - 50);
  const w = text.slice(from, start);
  if (!DIR_HINT.test(w) && !/cent(?:re|er|ral)/i.test(w)) return null;
  for (const re of [REGION_EN, REGION_FR]) {
    const m = re.exec(w);
    if (m) {
      const word = m[1];
      const lead = m[0].length - m[0].trimStart().length;
      const centre = /^(central|centre|center)$/i.test(word);
      const b = centre ? null : bearingOf(word);
      if (centre || b !== null) return { start: from + m.index + lead, bearing: b, dirText: word };
    }
  }
  const d = directionBefore(text, start);
  if (d && /[\u0600-\u06ff]/.test(d.dirText)) return { start: d.start, bearing: d.bearing, dirText: d.dirText };
  return null;
}

/** "Mali septentrional" after a name. */
export function regionAfter(text: string, end: number): { end: number; bearing: number | null } | null {
  const m = REGION_FR_ADJ.exec(text.slice(end, end + 20));
  if (!m) return null;
  const map: Record<string, number | null> = { septentrional: 0, méridional: 180, oriental: 90, occidental: 270, central: null };
  return { end: end + m[0].length, bearing: map[m[1].toLowerCase()] ?? null };
}

export type AdminLevel = 'region' | 'district' | 'area' | 'town';

const ADMIN_AFTER =
  /^(?:[ \t]*-?[ \t]*)(province|provinces|region|governorate|state|district|county|department|prefecture|division|agency|tribal\s+(?:district|agency|region)|municipality|area|valley|city|town|village|camp)\b/i;
const ADMIN_BEFORE =
  /\b(province|region|governorate|state|district|county|department|prefecture|agency|municipality|région|province|préfecture|département|gouvernorat|wilaya|willaya|cercle|commune|circonscription|localité|ville|village|town|city|village|hamlet)\s+(?:of\s+|de\s+|d['’]\s*|du\s+|de\s+la\s+|de\s+l['’]\s*)$/i;
/** Dutch and German put the settlement noun right before the name: "de stad Murzuk", "die Stadt Gao". */
const ADMIN_BEFORE_BARE = /\b(stad|stadje|dorp|stadt|dorf|ortschaft)\s+$/i;
const ADMIN_AR = /(?:^|\s)(?:محافظة|ولاية|منطقة|مديرية|إقليم|اقليم|مدينة|بلدة|قرية|مخيم)\s+$/;

function levelOf(word: string): AdminLevel {
  const w = word.toLowerCase();
  if (/^(province|provinces|region|région|governorate|gouvernorat|state|wilaya|willaya|محافظة|ولاية|إقليم|اقليم)$/.test(w)) return 'region';
  if (/^(district|county|department|département|prefecture|préfecture|cercle|agency|tribal|municipality|commune|circonscription|division|مديرية)/.test(w)) return 'district';
  if (/^(area|valley|منطقة|camp|مخيم)$/.test(w)) return 'area';
  return 'town';
}

/** An admin or settlement word right after ("Shabwa province") or before ("région de Dialoubé"). */
export function adminWord(text: string, start: number, end: number): { level: AdminLevel; start: number; end: number; word: string } | null {
  const after = ADMIN_AFTER.exec(text.slice(end, end + 40));
  if (after) return { level: levelOf(after[1].split(/\s+/)[0]), start, end: end + after[0].length, word: after[1] };
  const from = Math.max(0, start - 40);
  const w = text.slice(from, start);
  // the admin word is followed by "of", "de", "du", "d'" right before the name
  const before = /(?:of|de|du|d['’]|la|l['’])\s*$/i.test(w.slice(-5)) ? ADMIN_BEFORE.exec(w) : null;
  if (before) return { level: levelOf(before[1]), start: from + before.index, end, word: before[1] };
  const bare = ADMIN_BEFORE_BARE.exec(w.slice(-12));
  if (bare) return { level: 'town', start: start - bare[0].length, end, word: bare[1] };
  const ar = ADMIN_AR.exec(w);
  if (ar) {
    const word = ar[0].trim();
    return { level: levelOf(word), start: from + ar.index + (ar[0].length - ar[0].trimStart().length), end, word };
  }
  return null;
}

/**
 * A dateline names the place a report was filed from: a line opening with the place in
 * capitals, then a comma, a dash or a bracket ("MIRAMSHAH, Nov 1:", "ERBIL (Kurdistan 24) –",
 * "BAMAKO, 1er décembre"). That is as strong a cue as "in X".
 */
export function datelineAt(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > 40 || !/^[\p{Lu}\s'’.-]*$/u.test(text.slice(lineStart, start))) return false;
  const name = text.slice(start, end);
  return name.length > 2 && /\p{Lu}/u.test(name) && name === name.toUpperCase() && /^\s*(?:,|\(|[-–—])/.test(text.slice(end, end + 3));
}
