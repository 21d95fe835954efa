/**
 * Regular-expression helpers shared by the number and casualty patterns.
 */

/**
 * A regex alternation matching any of `words` (spaces match any white space), written as a
 * trie: "kill(?:ed|ing|s)?" rather than "killing|killed|kills|kill". The engine then reads each
 * character once instead of trying a hundred words one after another, which is where the
 * casualty patterns spent most of their time. Same matches, same order: of the words that
 * match at one place (each a prefix of the next), the longest is tried first, as with a
 * longest-first list.
 */
export function alternation(words: Iterable<string>): string {
  return trieSource(trieOf([...words].map(tokens)));
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/** A word as regex tokens: one escaped character each, and \s+ for a space. */
function tokens(w: string): string[] {
  return [...w].map((c) => (c === ' ' ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

function trieOf(words: string[][]): TrieNode {
  const root: TrieNode = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const t of w) {
      let child = node.next.get(t);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(t, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}

/**
 * The alternation of a trie: longer words first, ending here last (greedy optional). Kept
 * short, since V8 stops optimising a regular expression whose source passes 20 KB.
 */
function trieSource(node: TrieNode): string {
  const parts: string[] = [];
  for (const [t, child] of node.next) parts.push(t + trieSource(child));
  if (parts.length === 0) return '';
  if (parts.length > 1) return `(?:${parts.join('|')})${node.end ? '?' : ''}`;
  if (!node.end) return parts[0];
  return isAtom(parts[0]) ? `${parts[0]}?` : `(?:${parts[0]})?`;
}

/** One character, escaped or not, that a `?` can follow directly. */
function isAtom(s: string): boolean {
  return [...s].length === 1 || (s.length === 2 && s[0] === '\\');
}
