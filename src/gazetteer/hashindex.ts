/**
 * An open-addressing hash table from name keys to postings, kept in typed arrays so it
 * can be written to and read from the disk cache without rebuilding anything.
 *
 * Keys live in one string joined by "\n" (`keyText`, `keyOff`); a lookup hashes the probe
 * (FNV-1a over UTF-16 code units), walks the table linearly, and compares in place with
 * `keyText.startsWith(probe, offset)`, so no substring is allocated.
 * Keys with no postings are prefixes of longer names: the scanner uses them to know that a
 * longer match may still follow (a trie without the pointer chasing).
 */

export interface HashIndex {
  keyText: string;
  /** keyOff[i]..keyOff[i+1]-1 is key i in keyText (the "\n" separator excluded). */
  keyOff: Uint32Array;
  /** postOff[i]..postOff[i+1] are key i's postings in `postings`. */
  postOff: Uint32Array;
  /** (placeIndex << 1) | isPrimaryName */
  postings: Uint32Array;
  /** Slot → key index + 1 (0 = empty). Size is a power of two. */
  table: Int32Array;
}

/** FNV-1a 32-bit over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Continues an FNV-1a hash over more code units: fnv1aFrom(fnv1a(a), b) === fnv1a(a + b). */
export function fnv1aFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Continues an FNV-1a hash over one code unit (a separator). */
export function fnv1aCode(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) >>> 0;
}

/** Builds the index from key → postings (postings may be empty for prefix-only keys). */
export function buildHashIndex(entries: Map<string, number[]>): HashIndex {
  const keys = [...entries.keys()];
  const n = keys.length;
  const keyOff = new Uint32Array(n + 1);
  const postOff = new Uint32Array(n + 1);
  let total = 0;
  let off = 0;
  for (let i = 0; i < n; i++) {
    keyOff[i] = off;
    off += keys[i].length + 1;
    postOff[i] = total;
    total += entries.get(keys[i])!.length;
  }
  keyOff[n] = off;
  postOff[n] = total;
  const postings = new Uint32Array(total);
  for (let i = 0; i < n; i++) postings.set(entries.get(keys[i])!, postOff[i]);
  let size = 1;
  while (size < n * 2) size <<= 1;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    let slot = fnv1a(keys[i]) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = i + 1;
  }
  return { keyText: keys.join('\n') + '\n', keyOff, postOff, postings, table };
}

/** Index of a key, or -1. */
export function findKey(ix: HashIndex, key: string): number {
  return findKeyHashed(ix, key, fnv1a(key));
}

/**
 * Index of a key whose FNV-1a hash the caller already has (the scanner extends a key token
 * by token and carries its hash along instead of rehashing the whole key), or -1.
 */
export function findKeyHashed(ix: HashIndex, key: string, hash: number): number {
  const mask = ix.table.length - 1;
  let slot = hash & mask;
  for (;;) {
    const e = ix.table[slot];
    if (e === 0) return -1;
    const k = e - 1;
    const start = ix.keyOff[k];
    if (ix.keyOff[k + 1] - start - 1 === key.length && ix.keyText.startsWith(key, start)) return k;
    slot = (slot + 1) & mask;
  }
}

/** The postings of key index k (a view, not a copy). */
export function postingsOf(ix: HashIndex, k: number): Uint32Array {
  return ix.postings.subarray(ix.postOff[k], ix.postOff[k + 1]);
}
