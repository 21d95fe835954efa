import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { charsetFromContentType, decodeBytes, looksBinary, sniffHtmlCharset, sniffXmlCharset, textLikeRatio } from './charset.ts';
import { IngestError } from './errors.ts';

const FR = "Selon l'état-major, la frappe aérienne a visé un dépôt près de la rivière ; aucun élève n'a été blessé.";
const AR = 'قالت مصادر محلية إن غارة جوية استهدفت سيارة قرب المدينة وقتل فيها ثلاثة أشخاص على الأقل.';

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeBytes(Buffer.from(FR, 'utf8'))).toEqual({ text: FR, charset: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR, 'utf8')]);
    expect(decodeBytes(bytes)).toEqual({ text: AR, charset: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FR, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(AR, 'utf-16be')]);
    expect(decodeBytes(le)).toEqual({ text: FR, charset: 'utf-16le' });
    expect(decodeBytes(be)).toEqual({ text: AR, charset: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by its NUL pattern', () => {
    expect(decodeBytes(iconv.encode(FR, 'utf-16le'))).toEqual({ text: FR, charset: 'utf-16le' });
    expect(decodeBytes(iconv.encode(FR, 'utf-16be'))).toEqual({ text: FR, charset: 'utf-16be' });
  });

  it('refuses UTF-16 cut in the middle of a character', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FR, 'utf-16le')]);
    expect(() => decodeBytes(le.subarray(0, le.length - 1))).toThrow(/truncated UTF-16/);
  });

  it('reads Windows-1252 French (curly quotes and euro sign in 0x80-0x9F)', () => {
    const text = `${FR} Le coût : 5 € – « c’est trop ».`;
    const out = decodeBytes(iconv.encode(text, 'windows-1252'));
    expect(out.text).toBe(text);
    expect(out.charset).toBe('windows-1252');
  });

  it('reads ISO-8859-1 French', () => {
    const out = decodeBytes(iconv.encode(FR, 'iso-8859-1'));
    expect(out.text).toBe(FR);
  });

  it('reads Windows-1256 and ISO-8859-6 Arabic', () => {
    const a = decodeBytes(iconv.encode(AR, 'windows-1256'));
    expect(a).toEqual({ text: AR, charset: 'windows-1256' });
    const b = decodeBytes(iconv.encode(AR, 'iso-8859-6'));
    expect(b).toEqual({ text: AR, charset: 'iso-8859-6' });
  });

  it('lets a declared charset win over guessing', () => {
    const bytes = iconv.encode(AR, 'windows-1256');
    expect(decodeBytes(bytes, 'windows-1256').charset).toBe('windows-1256');
    // A declared charset is obeyed (the page says so), even when it reads badly; Latin-1
    // labels mean Windows-1252, as in browsers.
    expect(decodeBytes(bytes, 'ISO-8859-1').charset).toBe('windows-1252');
    expect(decodeBytes(iconv.encode('l’armée – 5 €', 'windows-1252'), 'latin1').text).toBe('l’armée – 5 €');
  });

  it('ignores an unknown declared charset', () => {
    expect(decodeBytes(Buffer.from(FR), 'x-no-such-charset').text).toBe(FR);
  });

  it('refuses binary content', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeBytes(png)).toThrow(IngestError);
    expect(() => decodeBytes(png)).toThrow(/binary/);
  });

  it('round-trips any string through UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(looksBinary(Buffer.from(s, 'utf8')) === null && !s.startsWith('\uFEFF'));
        expect(decodeBytes(Buffer.from(s, 'utf8')).text).toBe(s);
      }),
    );
  });
});

describe('helpers', () => {
  it('finds the charset of an HTML page, an XML declaration and a content type', () => {
    expect(sniffHtmlCharset(Buffer.from('<html><head><meta charset="windows-1256">'))).toBe('windows-1256');
    expect(sniffHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">'))).toBe('ISO-8859-6');
    expect(sniffHtmlCharset(Buffer.from('<html><p>none</p>'))).toBeNull();
    expect(sniffXmlCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'))).toBe('ISO-8859-1');
    expect(charsetFromContentType('text/html; charset="utf-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('scores text and binary', () => {
    expect(textLikeRatio(FR)).toBe(1);
    expect(textLikeRatio('\u0001\u0002ab')).toBe(0.5);
    expect(looksBinary(Buffer.from('plain text\n'))).toBeNull();
    expect(looksBinary(Buffer.from([1, 2, 3, 4, 5, 65]))).toMatch(/control bytes/);
  });
});
