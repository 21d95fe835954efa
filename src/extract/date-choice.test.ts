import { describe, expect, it } from 'vitest';
import { chooseDate, isStatementDate } from './date-choice.ts';
import type { DateMention } from './collab.ts';

/** Is the date `d` of sentence `s` the date of a statement or caption rather than of the strike? */
const statement = (s: string, d: string) => isStatementDate(s, { span: [s.indexOf(d), s.indexOf(d) + d.length] });

describe('isStatementDate', () => {
  it('reads dates of statements as statements', () => {
    expect(statement('The Pentagon announced Monday that the strike killed a leader.', 'Monday')).toBe(true);
    expect(statement("L'armée a annoncé lundi la mort de dix jihadistes.", 'lundi')).toBe(true);
  });

  it('reads the date of a caption of the aftermath as no date of the strike', () => {
    expect(statement('Wounded boys, survivors of the airstrike on the hospital, are cared for in Kabul, at the Emergency Hospital on October 8, 2015.', 'October 8, 2015')).toBe(true);
    expect(statement('An injured man who lived through the airstrike is treated on October 8, 2015, in Kabul.', 'October 8, 2015')).toBe(true);
    expect(statement('Les blessés sont soignés depuis le 8 octobre à Kaboul.', '8 octobre')).toBe(true);
  });

  it('keeps the date of the strike itself', () => {
    expect(statement('On October 3, 2015, U.S. forces bombed a hospital in Kunduz.', 'October 3, 2015')).toBe(false);
    expect(statement('A drone strike hit a car on Tuesday, killing two.', 'Tuesday')).toBe(false);
  });
});

/** Date mentions of `text` for the given phrases and windows (as the date finder gives them). */
function mentions(text: string, ds: [string, string, string][]): DateMention[] {
  return ds.map(([phrase, start, end]) => {
    const at = text.indexOf(phrase);
    return { span: [at, at + phrase.length], window: { start, end, precision: start === end ? 'day' : 'month' } } as DateMention;
  });
}

describe('chooseDate', () => {
  const ctx = { published: '2026-02-10', published_precision: 'day' as const, language: 'en' };
  const lead = 'A drone strike killed 17 civilians in western Niger last month.';

  it('narrows a vague date of the lead with a precise one given later inside it', () => {
    const text = `${lead} The strike hit a busy market on January 6.`;
    const ms = mentions(text, [['last month', '2026-01-01', '2026-01-31'], ['January 6', '2026-01-06', '2026-01-06']]);
    const got = chooseDate(text, ms, [[[0, lead.length]], [[lead.length + 1, text.length]]], ctx);
    expect(got.window).toEqual({ start: '2026-01-06', end: '2026-01-06', precision: 'day' });
  });

  it('keeps the vague date when the later day belongs to an earlier strike', () => {
    const text = `${lead} The earlier one, on January 2, killed six.`;
    const ms = mentions(text, [['last month', '2026-01-01', '2026-01-31'], ['January 2', '2026-01-02', '2026-01-02']]);
    const got = chooseDate(text, ms, [[[0, lead.length]], [[lead.length + 1, text.length]]], ctx);
    expect(got.window?.precision).toBe('month');
  });
});
