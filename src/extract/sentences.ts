/**
 * Sentence splitting with character offsets.
 *
 * News text arrives as lines: a headline, a dateline, paragraphs, bullet lists, reader
 * comments. A line break always ends a sentence (headlines and list items carry no final
 * stop); inside a line, a sentence ends at `.`, `!`, `?` (or `…`, Arabic `؟`) followed by
 * space and something that can start a sentence, unless the word before the stop is a
 * known abbreviation ("U.S.", "Oct.", "Gen.", French "M.") or a lone initial.
 */

export interface Sentence {
  /** 0-based position in the document. */
  index: number;
  /** [start, end) into the text; trimmed of surrounding white space. */
  span: [number, number];
  text: string;
  /** 0-based index of the line (paragraph) the sentence sits on. */
  paragraph: number;
  /** True for the first line when it is the document's headline. */
  headline: boolean;
  /** True for list items and reader comments ("• name says:"), which are rarely news. */
  listItem: boolean;
}

/** Abbreviations after which a full stop does not end a sentence (lower-cased, no dot). */
const ABBREVIATIONS = new Set([
  // titles and ranks
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'brig',
  'gov', 'sen', 'rep', 'rev', 'st', 'jr', 'sr', 'mme', 'mlle', 'mgr', 'me', 'pres', 'amb', 'hon',
  // months and days
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'janv', 'févr', 'fevr', 'avr', 'juil', 'déc', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // misc
  'no', 'nos', 'vs', 'etc', 'approx', 'est', 'fig', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'km', 'cf', 'env',
  'p', 'pp', 'vol', 'art', 'al',
]);

/** Multi-dot abbreviations: "U.S.", "U.N.", "a.m.", "e.g." end with a dot but rarely a sentence. */
const DOTTED = /(?:^|[^\p{L}])(?:\p{L}\.){2,}$/u;

const SENTENCE_START = /[\p{Lu}\p{Lo}\d"“«'‘([¿¡]/u;

/** Split a text into sentences with offsets. Pure; never throws. */
export function splitSentences(text: string, title: string | null = null): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  let lineStart = 0;
  const firstLine = firstNonEmptyLine(text);
  const headlineLine = title !== null && firstLine !== null && sameHeadline(firstLine.text, title) ? firstLine.start : -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length > 0) {
      paragraph++;
      const listItem = /^\s*(?:[•*·▪◦‣-]|\d+[.)])\s+/.test(line) || /\bsays:\s*$/.test(line);
      const headline = lineStart === headlineLine || (headlineLine < 0 && title === null && paragraph === 0 && looksLikeHeadline(line));
      for (const [s, e] of splitLine(line)) {
        out.push({ index: out.length, span: [lineStart + s, lineStart + e], text: line.slice(s, e), paragraph, headline, listItem });
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

function firstNonEmptyLine(text: string): { text: string; start: number } | null {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.trim()) return { text: line, start };
    start = end + 1;
  }
  return null;
}

function sameHeadline(line: string, title: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(line) === norm(title);
}

/** A first line with no final stop and followed by a paragraph reads as a headline. */
function looksLikeHeadline(line: string): boolean {
  const t = line.trim();
  return t.length < 200 && !/[.:;,]$/.test(t);
}

/** Sentence boundaries within one line, as [start, end) pairs relative to the line. */
function splitLine(line: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const ch = line[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…' && ch !== '؟') continue;
    // swallow closing quotes/brackets and repeated stops
    let j = i + 1;
    while (j < n && /[.!?…"”»’')\]]/.test(line[j])) j++;
    if (j < n && !/\s/.test(line[j])) continue;
    let k = j;
    while (k < n && /\s/.test(line[k])) k++;
    if (k >= n) break;
    if (!SENTENCE_START.test(line[k])) continue;
    if (ch === '.' && isAbbreviation(line, i)) continue;
    pushTrimmed(spans, line, start, j);
    start = k;
    i = k - 1;
  }
  pushTrimmed(spans, line, start, n);
  return spans;
}

function isAbbreviation(line: string, dot: number): boolean {
  let w = dot;
  while (w > 0 && /[\p{L}.]/u.test(line[w - 1])) w--;
  const word = line.slice(w, dot);
  if (word.length === 0) return false;
  if (DOTTED.test(line.slice(Math.max(0, dot - 12), dot + 1))) {
    // "U.S." ends a sentence only when followed by a plausible new sentence; we keep it joined,
    // which costs a merged sentence now and then but never splits "U.S. officials".
    return true;
  }
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith", French "M. Macron"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(spans: [number, number][], line: string, s: number, e: number): void {
  while (s < e && /\s/.test(line[s])) s++;
  while (e > s && /\s/.test(line[e - 1])) e--;
  if (e > s) spans.push([s, e]);
}

/** The sentence containing offset `pos` (binary search), or -1. */
export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = sentences[mid].span;
    if (pos < s) hi = mid - 1;
    else if (pos >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}
