/**
 * Casualty figures in a stretch of text: killed, injured and civilians killed, each as a
 * {min, max} range following the number conventions of numbers.ts. Pure; never throws.
 * The shapes recognised are in casualties-patterns.ts; how several figures combine into one
 * range is in casualties-combine.ts. This file is the scan and the reading of a match.
 * Speed: words are scanned once; each pattern is tried (sticky) only at the words it can start
 * with, and only within ~30 words before a word of death, injury or harm on the same line.
 */
import { CIVILIAN_NOUNS, CIVILIAN_SINGULAR } from './casualties-lexicon.ts';
import { parseNumber } from './numbers.ts';
import { scanWords } from './dates-scan.ts';
import { dedupe, WEAK, type CasualtyMention } from './casualties-combine.ts';
import { ARABIC_PATTERNS, ARABIC_STARTS, foldArabicWord } from './casualties-arabic.ts';
import {
  INCLUDING,
  INJURED_ANY,
  KILLED_ANY,
  LINE_ANCHORS,
  MAX_WORDS,
  NOUN_G,
  OF_THEM,
  PATTERNS,
  QUANTITY_G,
  START_WORDS,
  type Pattern,
} from './casualties-patterns.ts';

/** "also killed", "were also killed", "Besides killing", "a aussi tué": a figure on top of another. */
const ADDITIVE_IN = /\b(?:also|aussi|également)\b/iu;
const ADDITIVE_BEFORE = /(?:\b(?:also|aussi|également|besides|in\s+addition\s+to|outre)|\ben\s+plus\s+de)\s+$/iu;

/** Quote marks that sit inside figures ("une « trentaine » de morts"): blanked, offsets kept. */
const QUOTES = /[«»“”„"‘]/g;

/**
 * Casualty figures within text.slice(range[0], range[1]); spans are absolute offsets into text.
 * Overlapping matches of one category keep the longest. Never throws.
 */
export function findCasualties(text: string, range: [number, number], _ctx: { language: string | null }): CasualtyMention[] {
  try {
    return find(text, range);
  } catch {
    return [];
  }
}

function bound(x: unknown, dflt: number, max: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? Math.max(0, Math.min(max, Math.floor(x))) : dflt;
}

/**
 * Each pattern is tried (sticky) only at the words it can begin with, on the word's line
 * (figures never run across a line break), with quote marks blanked.
 */
function find(text: string, range: [number, number]): CasualtyMention[] {
  if (typeof text !== 'string') return [];
  const from = bound(range?.[0], 0, text.length);
  const to = Math.max(from, bound(range?.[1], text.length, text.length));
  const found: CasualtyMention[] = [];
  let ls = -1;
  let le = -1;
  let line = '';
  const ws = scanWords(text, from, to);
  // Arabic words are looked up without their optional vowel marks ("قُتل" is "قتل")
  const keys = ws.map((w) => (isArabicCode(w.lower.charCodeAt(0)) ? foldArabicWord(w.lower) : w.lower));
  // Lines (paragraphs) with no word of death, injury or harm cannot hold a match: skip them.
  // line number of each word, walking the newlines once
  const lineOf = new Int32Array(ws.length);
  let lineNo = 0;
  let nextNl = text.indexOf('\n', from);
  for (let i = 0; i < ws.length; i++) {
    while (nextNl >= 0 && nextNl < ws[i].start) {
      lineNo++;
      nextNl = text.indexOf('\n', nextNl + 1);
    }
    lineOf[i] = lineNo;
  }
  // every match holds an anchor word within its first ~30 words, on the same line
  const nextAnchor = new Int32Array(ws.length);
  let na = -1;
  for (let i = ws.length - 1; i >= 0; i--) {
    if (LINE_ANCHORS.has(keys[i]) || ARABIC_STARTS.has(keys[i])) na = i;
    nextAnchor[i] = na;
  }
  if (ws.length === 0 || (nextAnchor[0] < 0)) return [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const c0 = w.lower.charCodeAt(0);
    const first = text[w.start];
    const key = keys[i];
    if (!(c0 >= 48 && c0 <= 57) && !START_WORDS.has(key) && !ARABIC_STARTS.has(key) && first === w.lower[0]) continue;
    const a = nextAnchor[i];
    if (a < 0) break;
    if (a - i > MAX_WORDS || lineOf[a] !== lineOf[i]) continue;
    const next = i + 1 < ws.length ? ws[i + 1].lower : '';
    if (w.start >= le) {
      ls = Math.max(from, text.lastIndexOf('\n', w.start - 1) + 1);
      le = text.indexOf('\n', w.start);
      le = le < 0 || le > to ? to : le;
      line = text.slice(ls, le).replace(QUOTES, ' ');
    }
    if (ARABIC_STARTS.has(key)) found.push(...arabicAt(w.start, ls, line, text));
    for (const p of PATTERNS) {
      if (!p.starts(key, next, first)) continue;
      p.re.lastIndex = w.start - ls;
      let m = p.re.exec(line);
      if (!m && p.orElse) {
        p.orElse.lastIndex = w.start - ls;
        m = p.orElse.exec(line);
      }
      if (!m) continue;
      const mention = toMention(p, m, line, ls, text);
      if (mention) found.push(...mention);
    }
  }
  return dedupe(found).sort((a, b) => a.span[0] - b.span[0] || a.category.localeCompare(b.category));
}

function isArabicCode(c: number): boolean {
  return c >= 0x0600 && c <= 0x06ff;
}

/** The Arabic figures that start at `start` (casualties-arabic.ts). */
function arabicAt(start: number, ls: number, line: string, text: string): CasualtyMention[] {
  const out: CasualtyMention[] = [];
  for (const p of ARABIC_PATTERNS) {
    p.re.lastIndex = start - ls;
    const m = p.re.exec(line);
    if (!m) continue;
    const range = p.read(m);
    if (!range) continue;
    const a = ls + m.index;
    const b = a + m[0].length;
    out.push({ span: [a, b], text: text.slice(a, b), category: p.category, range, who: null });
  }
  return out;
}

function toMention(p: Pattern, m: RegExpExecArray, seg: string, from: number, text: string): CasualtyMention[] | null {
  const category = typeof p.category === 'function' ? p.category(m) : p.category;
  if (!category) return null;
  const start = from + m.index;
  const end = start + m[0].length;
  const base = { span: [start, end] as [number, number], text: text.slice(start, end) };
  const additive = ADDITIVE_IN.test(m[0]) || ADDITIVE_BEFORE.test(seg.slice(Math.max(0, m.index - 25), m.index));
  const extra = additive ? { additive: true } : {};
  if (typeof p.counted !== 'number') {
    const noun = p.who !== undefined ? (m[p.who] ?? '').toLowerCase() : null;
    const who = category === 'civilians_killed' ? 'civilians' : noun || null;
    const range = p.more !== undefined && m[p.more] ? { min: 2, max: null } : { ...p.counted };
    const out: CasualtyMention[] = [{ ...base, category, range, who, ...extra }];
    if (category === 'killed' && noun && CIVILIAN_SINGULAR.has(noun) && p.counted.min > 0) {
      out.push({ ...base, category: 'civilians_killed', range, who: noun, ...extra });
    }
    if (p.weak && !(p.more !== undefined && m[p.more])) for (const o of out) WEAK.add(o);
    return out;
  }
  const counted = m[p.counted] ?? m[p.counted + 1];
  if (!counted) return null;
  if ((p.re === INCLUDING || p.re === OF_THEM) && !precededByKilling(seg, m.index)) return null;
  const summed = sumParts(counted);
  if (!summed) return null;
  const out: CasualtyMention[] = [{ ...base, category, range: summed.range, who: summed.who, ...extra }];
  if (category === 'killed' && summed.civilian) {
    out.push({ ...base, category: 'civilians_killed', range: summed.range, who: summed.who, ...extra });
  }
  return out;
}

/**
 * The range of a counted phrase, summing the parts of "nine staff and seven patients".
 * Four-digit years with no noun ("in 2012") are not head counts.
 */
function sumParts(counted: string): { range: { min: number | null; max: number | null }; who: string | null; civilian: boolean } | null {
  QUANTITY_G.lastIndex = 0;
  const parts: Array<{ min: number | null; max: number | null }> = [];
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = QUANTITY_G.exec(counted)) !== null) {
    // only quantities that start a part: the first, or one after a conjunction / comma
    if (parts.length > 0 && !/(?:,|\band\b|\bet\b|as\s+well\s+as|ainsi\s+que)\s*$/iu.test(counted.slice(lastEnd, m.index))) continue;
    const n = parseNumber(m[0]);
    if (!n) return null;
    parts.push({ min: n.min, max: n.max });
    lastEnd = m.index + m[0].length;
  }
  if (parts.length === 0) return null;
  const nouns = counted.match(NOUN_G) ?? [];
  const who = nouns.length > 0 ? nouns.map((n) => n.toLowerCase()).join(' and ') : null;
  const single = parts[0];
  if (parts.length === 1 && who === null && single.min !== null && single.min >= 1900 && single.min <= 2100) return null;
  const min = parts.every((x) => x.min !== null) ? parts.reduce((s, x) => s + (x.min as number), 0) : null;
  const max = parts.every((x) => x.max !== null) ? parts.reduce((s, x) => s + (x.max as number), 0) : null;
  if (min === null && max === null) return null;
  const civilian = nouns.length > 0 && nouns.every((n) => CIVILIAN_NOUNS.has(n.toLowerCase().replace(/\s+/g, ' ')));
  return { range: { min, max }, who, civilian };
}

/** "including 5 civilians" counts civilians killed only when the clause before it is about deaths. */
function precededByKilling(seg: string, at: number): boolean {
  const before = seg.slice(Math.max(0, at - 120), at);
  const clause = before.split(/[.;!?]\s/).pop() ?? before;
  const lastOf = (r: RegExp): number => {
    let last = -1;
    r.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = r.exec(clause)) !== null) last = m.index;
    return last;
  };
  const k = lastOf(KILLED_ANY);
  return k >= 0 && k > lastOf(INJURED_ANY);
}

