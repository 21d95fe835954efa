import { createHash } from 'node:crypto';

/**
 * The text a document is identified by and stored as: Unicode NFC, line ends as \n, no
 * byte-order mark, no trailing spaces on lines, no trailing blank lines. Two copies of an
 * article that differ only in these invisible ways get the same id.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0]+$/gm, '')
    .replace(/\n+$/, '');
}

/** Lower-case hex sha256 of a string (UTF-8) or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A short file-system-safe name from a title or a link: lower case, ASCII letters and
 * digits (accents dropped, other scripts kept), words joined by "-", at most 60 characters.
 *
 * @example slugify('Frappe aérienne à Kidal') // 'frappe-aerienne-a-kidal'
 */
export function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'item';
}
