import { describe, expect, it } from 'vitest';
import { isStatementDate } from './date-choice.ts';

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
