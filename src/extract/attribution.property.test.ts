import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { findAttributions } from './attribution.ts';
import { findTargets } from './actors.ts';
import { Attribution, Stance } from '../domain/index.ts';

const words = [
  'AFRICOM', 'said', 'the', 'US', 'U.S.', 'drone', 'strike', 'killed', 'al-Shabaab', 'fighters', 'denied', 'would', 'neither', 'confirm', 'nor', 'deny',
  'suspected', 'Turkish', "l'armée", 'française', 'a', 'démenti', 'selon', 'frappe', 'Barkhane', 'AQMI', '?', '.', ',', '\n', 'says:', '9 Comments',
  'according to', 'residents', 'declined', 'to comment', 'the army', 'Mali', 'in', 'by', 'داعش', 'غارة', 'É', '', ' ',
];
const sentenceText = fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((ws) => ws.join(' '));
const anyText = fc.oneof(sentenceText, fc.string({ maxLength: 300 }));
const span = (n: number) => fc.tuple(fc.nat({ max: n + 5 }), fc.nat({ max: n + 5 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);

function checkWithin(text: string, spans: ([number, number] | null)[]) {
  for (const s of spans) {
    if (s === null) continue;
    expect(s[0]).toBeGreaterThanOrEqual(0);
    expect(s[1]).toBeLessThanOrEqual(text.length);
    expect(s[0]).toBeLessThanOrEqual(s[1]);
  }
}

describe('properties of targets and attribution', () => {
  it('never throw, return schema-valid attributions, and keep every span inside the text', () => {
    fc.assert(
      fc.property(anyText, fc.array(span(300), { maxLength: 4 }), fc.option(sentenceText, { nil: null }), (text, spans, title) => {
        const ctx = { title, language: null };
        const attributions = findAttributions(text, spans, ctx);
        for (const a of attributions) {
          expect(Attribution.safeParse(a).success).toBe(true);
          expect(Stance.options).toContain(a.stance);
        }
        checkWithin(text, attributions.map((a) => a.span));
        const t = findTargets(text, spans, ctx);
        expect(t.spans).toHaveLength(t.targets.length);
        checkWithin(text, t.spans);
        if (t.generic) checkWithin(text, [t.generic.span]);
      }),
      { numRuns: 300 },
    );
  });

  it('hold on every development text with its whole body as the event', () => {
    const dir = new URL('../../../shared/eval/dev/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const title = text.split('\n')[0];
      const all: [number, number][] = [[0, text.length]];
      const attributions = findAttributions(text, all, { title, language: null });
      checkWithin(text, attributions.map((a) => a.span));
      const t = findTargets(text, all, { title, language: null });
      checkWithin(text, t.spans);
    }
  });
});
