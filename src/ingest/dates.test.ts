import { describe, expect, it } from 'vitest';
import { parsePublished } from './dates.ts';

describe('parsePublished', () => {
  it('keeps the precision of what is printed', () => {
    expect(parsePublished('2024-03-20')).toEqual({ published: '2024-03-20', precision: 'day' });
    expect(parsePublished('2024-03')).toEqual({ published: '2024-03', precision: 'month' });
    expect(parsePublished('2018')).toEqual({ published: '2018', precision: 'year' });
  });

  it('keeps the calendar day written, whatever the time zone', () => {
    expect(parsePublished('2024-03-20T23:30:00-05:00')?.published).toBe('2024-03-20');
    expect(parsePublished('2024-03-20T01:00:00Z')?.published).toBe('2024-03-20');
    expect(parsePublished('2024-03-20 08:15:00')?.published).toBe('2024-03-20');
  });

  it('reads RFC 822 dates as in RSS', () => {
    expect(parsePublished('Wed, 20 Mar 2024 10:00:00 GMT')?.published).toBe('2024-03-20');
    expect(parsePublished('6 Jan 2026 22:00:00 +0100')?.published).toBe('2026-01-06');
  });

  it('rejects what is not a real date', () => {
    expect(parsePublished('2024-02-30')).toBeNull();
    expect(parsePublished('2024-13')).toBeNull();
    expect(parsePublished('yesterday')).toBeNull();
    expect(parsePublished('')).toBeNull();
    expect(parsePublished(null)).toBeNull();
  });
});
