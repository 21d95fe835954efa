/**
 * Where the article proper ends and reader comments, tags or links begin: what a comment says
 * is a hypothesis, not a source, so actors named past it take no part in targets or
 * attribution. Apart from the actor analysis that uses it because it reads lines, not words.
 */
/**
 * Where the article proper ends: a comment count ("9 Comments"), a reader's "X says:" line,
 * tags, "related" or "read more" links. Tested line by line, anchored at the line start: the
 * "says:" form backtracks over up to 80 characters, so it is only tried on lines holding "says:".
 * The other forms are tried on the text itself (sticky at the line start), as "9\nComments" counts.
 */
const TAIL_AT =
  /[\t •*·-]*(?:\d+\s+(?:comments?|responses?|replies|commentaires?|réactions?)\b|(?:leave a (?:comment|reply)|laisser un commentaire|related (?:articles|posts|stories)|read more|lire aussi|à lire aussi|tags\s*:|mots-clés\s*:))/iuy;
const SAYS_LINE = /^[\t •*·-]*.{1,80}\bsays:\s*$/iu;
const SAYS = /says:/iu;
/** What ends a line for `^`, `$` and `.` in a JavaScript regular expression. */
const LINE_BREAK = /[\n\r\u2028\u2029]/gu;

/** Offset of the first line that starts the tail, or text.length. */
export function tailStart(text: string): number {
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const brk = LINE_BREAK.exec(text);
    const stop = brk ? brk.index : text.length;
    const line = text.slice(start, stop);
    TAIL_AT.lastIndex = start;
    if (TAIL_AT.test(text) || (SAYS.test(line) && SAYS_LINE.test(line))) return start;
    if (!brk) return text.length;
    start = stop + 1;
  }
}
