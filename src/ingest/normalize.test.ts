import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, sha256, slugify } from './normalize.ts';

describe('normalizeText', () => {
  it('gives one text for copies that differ only in invisible ways', () => {
    const a = 'Frappe a\u0301 Kidal\r\n\r\nDeux morts.  \r\n';
    const b = '\uFEFFFrappe \u00e1 Kidal\n\nDeux morts.';
    expect(normalizeText(a)).toBe(normalizeText(b));
    expect(normalizeText(a)).toBe('Frappe \u00e1 Kidal\n\nDeux morts.');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
  });
});

describe('sha256', () => {
  it('hashes strings as UTF-8 and bytes as they are', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(Buffer.from('abc'))).toBe(sha256('abc'));
  });
});

describe('slugify', () => {
  it('makes short ASCII names, keeping other scripts', () => {
    expect(slugify('Frappe aérienne à Kidal : 3 morts')).toBe('frappe-aerienne-a-kidal-3-morts');
    expect(slugify('https://www.example.org/news/2024/strike.html')).toBe('example-org-news-2024-strike-html');
    expect(slugify('غارة جوية')).toBe('غارة-جوية');
    expect(slugify('!!!')).toBe('item');
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});
