/**
 * A single cheap pass over the text that finds the words worth a closer look. Running every
 * date or casualty pattern over a whole article costs far more than running the few that
 * can match around a handful of anchor words ("Tuesday", "janvier", "killed"), so both
 * finders scan words once with a plain character loop and look patterns up per anchor.
 */

/** True for a character that belongs to a word: ASCII letters and digits, accented and Arabic letters. */
export function isWordCode(c: number): boolean {
  if (c < 0xc0) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation: ’ “ ” – — …
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x066b || c === 0x066c) return false; // Arabic ، ؛ ؟
  if (c >= 0x3000 && c <= 0x303f) return false;
  return c !== 0xd7 && c !== 0xf7 && c !== 0xfeff;
}

/** A word of the text: [start, end) and its lower-case form. */
export interface Word {
  start: number;
  end: number;
  lower: string;
}

/** Words of text.slice(from, to), split at anything that is not a letter or digit. */
export function scanWords(text: string, from: number, to: number): Word[] {
  return scanWordsWhere(text, from, to, () => true);
}

/**
 * The words of text.slice(from, to) that `keep(start, end)` accepts, as scanWords gives them.
 * The test sees only offsets, so words it rejects cost no string at all: the date finder keeps
 * about one word in twenty.
 */
export function scanWordsWhere(text: string, from: number, to: number, keep: (start: number, end: number) => boolean): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to) {
    while (i < to && !isWordCode(text.charCodeAt(i))) i++;
    const s = i;
    while (i < to && isWordCode(text.charCodeAt(i))) i++;
    if (i > s && keep(s, i)) out.push({ start: s, end: i, lower: text.slice(s, i).toLowerCase() });
  }
  return out;
}

/**
 * A window [start, end) around an anchor word: `before` and `after` characters, clipped to
 * the anchor's line and to [min, max], and widened so it never cuts a word in two.
 */
export function windowAround(
  text: string,
  start: number,
  end: number,
  before: number,
  after: number,
  min = 0,
  max = text.length,
): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const lo = Math.max(min, lineStart);
  const hi = Math.min(max, lineEnd);
  let ws = Math.max(lo, start - before);
  let we = Math.min(hi, end + after);
  while (ws > lo && isWordCode(text.charCodeAt(ws - 1))) ws--;
  while (we < hi && isWordCode(text.charCodeAt(we))) we++;
  return [ws, we];
}
