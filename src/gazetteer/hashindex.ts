/**
 * An open-addressing hash table from name keys to postings, kept in typed arrays so it
 * can be written to and read from the disk cache without rebuilding anything.
 *
 * Keys live in one string joined by "\n" (`keyText`, `keyOff`). A key's hash is built token
 * by token (`keyStep` over each token's FNV-1a), so the scanner extends a name one word at a
 * time in O(1) without building the key string. The table keeps each slot's full hash next
 * to its entry: a probe reads one cache line and rejects a word that is no key without
 * touching the key text; the key text is compared only for a hash that matches.
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
  /**
   * Two int32 per slot, [key hash, entry], entry = (key index + 1) << 2 | SHARED_HASH |
   * HAS_POSTINGS (0 = empty slot). The slot count is a power of two, at most 2/3 full.
   */
  table: Int32Array;
  /**
   * One bit per hash of a one-token key, indexed by its top FIRST_BITS bits. Every name's
   * first token is a key (prefixes are indexed), so a clear bit rejects a capitalised word
   * from a 1 MB bitset that stays in the CPU cache, before any probe of the big table.
   */
  firstBits: Int32Array;
}

/** Entry bit: the key has postings (it names places; without, it is only a prefix). */
export const HAS_POSTINGS = 1;
/** Entry bit: another key has the same 32-bit hash, so a hash match alone says nothing. */
export const SHARED_HASH = 2;
/** log2 of the first-token bitset's size in bits (8 Mi bits, 1 MB). */
export const FIRST_BITS = 23;
/** Hash of the empty key, which `keyStep` extends token by token. */
export const KEY_SEED = 0x9747b28c | 0;

/** FNV-1a 32-bit over UTF-16 code units (one token's hash). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Extends a key hash by one token hash (murmur3's finaliser over an FNV step), so
 * hash("a b c") = keyStep(keyStep(keyStep(KEY_SEED, fnv1a("a")), fnv1a("b")), fnv1a("c")).
 * Returns a signed int32 (the table stores int32).
 */
export function keyStep(h: number, tokenHash: number): number {
  let x = Math.imul(h, 0x01000193) ^ tokenHash;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** The hash of a whole key: its space-separated tokens stepped in order. */
export function keyHash(key: string): number {
  let h = KEY_SEED;
  let t = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x20) {
      h = keyStep(h, t >>> 0);
      t = 0x811c9dc5;
    } else t = Math.imul(t ^ c, 0x01000193);
  }
  return keyStep(h, t >>> 0);
}

/** Whether a one-token key of this hash may exist (false: it surely does not). */
export function mayBeFirst(ix: HashIndex, hash: number): boolean {
  const bit = hash >>> (32 - FIRST_BITS);
  return (ix.firstBits[bit >>> 5] & (1 << (bit & 31))) !== 0;
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
  while (size * 2 < n * 3) size <<= 1;
  const table = new Int32Array(size * 2);
  const mask = size - 1;
  const firstBits = new Int32Array(1 << (FIRST_BITS - 5));
  const hashes = keys.map(keyHash);
  const seen = new Map<number, number>();
  for (const h of hashes) seen.set(h, (seen.get(h) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    const h = hashes[i];
    let slot = h & mask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    table[slot * 2] = h;
    table[slot * 2 + 1] = ((i + 1) << 2) | (seen.get(h)! > 1 ? SHARED_HASH : 0) | (postOff[i + 1] > postOff[i] ? HAS_POSTINGS : 0);
    if (!keys[i].includes(' ')) {
      const bit = h >>> (32 - FIRST_BITS);
      firstBits[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  return { keyText: keys.join('\n') + '\n', keyOff, postOff, postings, table, firstBits };
}

/** Index of a key, or -1. */
export function findKey(ix: HashIndex, key: string): number {
  return findKeyHashed(ix, key, keyHash(key));
}

/** Index of a key whose `keyHash` the caller already has, or -1. */
export function findKeyHashed(ix: HashIndex, key: string, hash: number): number {
  // the whole key as one "word": its spaces are compared like any other character
  return findKeyWords(ix, hash, [key], FIRST, 1);
}
const FIRST = Int32Array.of(0);

/**
 * The entry of the first slot holding this hash, or 0 when no key has it. Unverified: the
 * caller compares the key text when the entry says it must (HAS_POSTINGS or SHARED_HASH).
 */
export function probe(ix: HashIndex, hash: number): number {
  const table = ix.table;
  const mask = (table.length >> 1) - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const e = table[slot * 2 + 1];
    if (e === 0 || table[slot * 2] === hash) return e;
  }
}

/**
 * Index of the key made of `count` tokens (folded forms `words[at[0]]`, `words[at[1]]`, ...
 * joined by one space) whose `keyHash` is `hash`, or -1; compares in place, building no string.
 */
export function findKeyWords(ix: HashIndex, hash: number, words: readonly string[], at: Int32Array, count: number): number {
  let len = count - 1;
  for (let t = 0; t < count; t++) len += words[at[t]].length;
  const table = ix.table;
  const mask = (table.length >> 1) - 1;
  const text = ix.keyText;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const e = table[slot * 2 + 1];
    if (e === 0) return -1;
    if (table[slot * 2] !== hash) continue;
    const k = (e >>> 2) - 1;
    let off = ix.keyOff[k];
    if (ix.keyOff[k + 1] - off - 1 !== len) continue;
    let same = true;
    for (let t = 0; t < count && same; t++) {
      const w = words[at[t]];
      if (t > 0 && text.charCodeAt(off++) !== 0x20) same = false;
      else if (!text.startsWith(w, off)) same = false;
      off += w.length;
    }
    if (same) return k;
  }
}

/** The postings of key index k (a view, not a copy). */
export function postingsOf(ix: HashIndex, k: number): Uint32Array {
  return ix.postings.subarray(ix.postOff[k], ix.postOff[k + 1]);
}
