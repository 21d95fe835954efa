import { describe, expect, it } from 'vitest';
import { sentenceAt, splitSentences } from './sentences.ts';

const texts = (t: string, title: string | null = null) => splitSentences(t, title).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations inside sentences', () => {
    expect(texts('U.S. officials said Gen. Smith met Mr. Jones on Oct. 3. The strike was on Monday.')).toEqual([
      'U.S. officials said Gen. Smith met Mr. Jones on Oct. 3.',
      'The strike was on Monday.',
    ]);
  });

  it('does not split after a French "M." before a name', () => {
    expect(texts('Selon M. Diallo, la frappe a tué cinq personnes. Le bilan est provisoire.')).toEqual([
      'Selon M. Diallo, la frappe a tué cinq personnes.',
      'Le bilan est provisoire.',
    ]);
  });

  it('ends a sentence after a closing quote', () => {
    expect(texts('“We struck the camp.” The army gave no toll.')).toEqual(['“We struck the camp.”', 'The army gave no toll.']);
  });

  it('treats every line as a sentence boundary and marks the headline', () => {
    const s = splitSentences('Drone strike kills two\n\nA drone hit a car. Two died.', 'Drone strike kills two');
    expect(s.map((x) => x.text)).toEqual(['Drone strike kills two', 'A drone hit a car.', 'Two died.']);
    expect(s.map((x) => x.headline)).toEqual([true, false, false]);
    expect(s.map((x) => x.paragraph)).toEqual([0, 1, 1]);
  });

  it('marks list items and comment lines', () => {
    const s = splitSentences('Title\n\nBody text.\n\n  • mike says:\n\n  • It was Algeria.');
    expect(s.filter((x) => x.listItem).map((x) => x.text)).toEqual(['• mike says:', '• It was Algeria.']);
  });

  it('gives offsets that slice back to the sentence text', () => {
    const t = 'Headline here\n\n  First one.  Second one?  Third!\n';
    for (const s of splitSentences(t)) expect(t.slice(s.span[0], s.span[1])).toBe(s.text);
  });

  it('does not split decimals or lower-case continuations', () => {
    expect(texts('It weighs 9.8 tonnes. e.g. a bomb. Next.')).toEqual(['It weighs 9.8 tonnes. e.g. a bomb.', 'Next.']);
  });

  it('finds the sentence holding an offset', () => {
    const t = 'One. Two. Three.';
    const s = splitSentences(t);
    expect(sentenceAt(s, t.indexOf('Two'))).toBe(1);
    expect(sentenceAt(s, t.length + 5)).toBe(-1);
  });
});
