import chardet from 'chardet';
import iconv from 'iconv-lite';
import { IngestError } from './errors.ts';

/** Text decoded from bytes, with the charset it was read as. */
export interface Decoded {
  text: string;
  charset: string;
}

/**
 * Charsets we pick among when the bytes do not say. Order matters only for ties: the
 * Arabic pair is told apart by chardet's statistics (ISO-8859-6 has no letters in
 * 0x80–0xBF, Windows-1256 does), Western European text reads as Windows-1252 (a superset
 * of ISO-8859-1's printable range).
 */
const FALLBACK_CANDIDATES = ['windows-1256', 'iso-8859-6', 'windows-1252'];

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Canonical lower-case charset name, or null when iconv-lite cannot decode it. */
export function normalizeCharset(name: string | null | undefined): string | null {
  if (!name) return null;
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (n === 'utf8') return 'utf-8';
  if (n === 'us-ascii' || n === 'ascii') return 'utf-8';
  // As browsers do (WHATWG Encoding Standard): pages labelled Latin-1 are read as Windows-1252,
  // whose extra characters (’ “ ” – € œ) fill the C1 range Latin-1 leaves to control codes.
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'l1' || n === 'iso_8859-1') return 'windows-1252';
  return iconv.encodingExists(n) ? n : null;
}

/**
 * Share of characters that look like text: letters, marks, digits, spaces and punctuation.
 * Control characters and U+FFFD count against it. Used to reject a decoding that produced
 * garbage and to refuse binary files.
 */
export function textLikeRatio(text: string): number {
  if (text.length === 0) return 1;
  const bad = text.match(NOT_TEXT)?.length ?? 0;
  return 1 - bad / text.length;
}

const NOT_TEXT = /[^\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]|\uFFFD/gu;

/** True when the bytes contain a NUL or are mostly control bytes: not a text file. */
export function looksBinary(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'binary file (NUL bytes)';
    if (b < 9 || (b > 13 && b < 32) || b === 127) controls++;
  }
  if (n > 0 && controls / n > 0.1) return 'binary file (mostly control bytes)';
  return null;
}

/**
 * UTF-16 without a byte-order mark shows as text whose every other byte is NUL (the high
 * byte of Latin letters): zeros on odd offsets for little-endian, on even ones for
 * big-endian. Binary files have NULs on both sides.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd / half > 0.3 && even / half < 0.02) return 'utf-16le';
  if (even / half > 0.3 && odd / half < 0.02) return 'utf-16be';
  return null;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): Decoded {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) throw new IngestError('truncated UTF-16 text (odd number of bytes)');
  const charset = bigEndian ? 'utf-16be' : 'utf-16le';
  return { text: iconv.decode(Buffer.from(body), charset), charset };
}

/**
 * Decodes bytes to text. A byte-order mark decides first (UTF-16 without one is recognised by
 * its NUL pattern); then a declared charset (HTTP
 * content-type, HTML meta, XML declaration) wins when iconv-lite knows it; then valid UTF-8
 * is taken as UTF-8; otherwise chardet's guesses are tried in order and the first decoding
 * that reads as text (≥ 95% letters, digits, punctuation, spaces) is kept.
 *
 * @throws IngestError for binary content, truncated UTF-16, or text no charset decodes.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, true);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8OrThrow(bytes.subarray(3)), charset: 'utf-8' };
  }
  const bomless = bomlessUtf16(bytes);
  if (bomless) {
    if (bytes.length % 2 !== 0) throw new IngestError('truncated UTF-16 text (odd number of bytes)');
    const text = iconv.decode(Buffer.from(bytes), bomless);
    if (textLikeRatio(text) >= 0.95) return { text, charset: bomless };
  }
  const binary = looksBinary(bytes);
  if (binary) throw new IngestError(binary);

  const declaredName = normalizeCharset(declared);
  if (declaredName && declaredName !== 'utf-8') {
    return { text: iconv.decode(Buffer.from(bytes), declaredName), charset: declaredName };
  }
  try {
    return { text: utf8.decode(bytes), charset: 'utf-8' };
  } catch {
    // not UTF-8: guess below (even when UTF-8 was declared, the bytes say otherwise)
  }
  const guesses = chardet
    .analyse(bytes)
    .map((m) => normalizeCharset(m.name))
    .filter((n): n is string => n !== null && !n.startsWith('utf'));
  for (const name of [...guesses, ...FALLBACK_CANDIDATES]) {
    const text = iconv.decode(Buffer.from(bytes), name);
    if (textLikeRatio(text) >= 0.95) return { text, charset: name };
  }
  throw new IngestError('unreadable text: no known charset decodes it');
}

function decodeUtf8OrThrow(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new IngestError('invalid UTF-8 after a UTF-8 byte-order mark');
  }
}

/** The charset named in the first 2 KB of an HTML page (<meta charset> or http-equiv). */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  return m ? m[1] : null;
}

/** The encoding in an XML declaration (`<?xml version="1.0" encoding="..."?>`). */
export function sniffXmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1] : null;
}

/** The charset parameter of an HTTP Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m ? m[1] : null;
}
