import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../src/eval/corpus.ts';
import { extract } from '../src/extract/index.ts';
import { primaryAttribution } from '../src/eval/judge.ts';

/** The seed article, end to end (see ../shared/seed/README.md for what it should give). */
const SEED = new URL('../../shared/seed/000_f697bc08346bf57f.txt', import.meta.url).pathname;

describe('seed article', async () => {
  const dated = await readCorpusFile(SEED, { published: '2012-06-26' });
  const undated = await readCorpusFile(SEED);
  const reports = extract(dated);
  const r = reports[0];

  it('gives exactly one report: the air strike, not the background or the comments', () => {
    expect(reports).toHaveLength(1);
    expect(['airstrike', 'missile_strike']).toContain(r.event_type);
  });

  it('places it in northern Mali, between Timbuktu and Taoudenni, with the conflict visible', () => {
    expect(r.place?.country).toBe('ML');
    expect(r.place!.lat).toBeGreaterThan(17.5);
    expect(r.place!.lat).toBeLessThan(23.5);
    const names = [r.place!.name, ...r.place_alternatives.map((p) => p.name)].join(' | ');
    expect(names).toMatch(/Taoudenni|Timbuktu/);
    // The two clues disagree (200 km vs ~650 km north of Timbuktu): a second reading or a wide radius.
    expect(r.place_alternatives.length > 0 || r.place!.radius_km >= 150).toBe(true);
    const span = r.spans.place as [number, number];
    expect(dated.text.slice(span[0], span[1])).toMatch(/Timbuktu|Taoudenni/);
  });

  it('counts seven killed', () => {
    expect(r.killed).toEqual({ min: 7, max: 7 });
  });

  it('targets AQIM', () => {
    expect(r.targets.map((t) => t.id)).toContain('AQIM');
  });

  it('has nobody confirming; the US suspected, its officials no_comment', () => {
    expect(r.attributions.some((a) => a.stance === 'confirms')).toBe(false);
    const us = r.attributions.filter((a) => a.actor.id === 'US').map((a) => a.stance);
    expect(us).toContain('suspected');
    expect(us).toContain('no_comment');
    expect(primaryAttribution(r)).toEqual({ actor: 'US', status: 'suspected' });
  });

  it('dates it to a window in June 2012 when published 2012-06-26', () => {
    expect(r.date).not.toBeNull();
    expect(r.date!.start >= '2012-06-10').toBe(true);
    expect(r.date!.end <= '2012-06-26').toBe(true);
    expect(r.date!.start <= '2012-06-17' || r.date!.end >= '2012-06-24').toBe(true);
  });

  it('invents no year without a publication date', () => {
    const u = extract(undated);
    expect(u).toHaveLength(1);
    expect(u[0].date).toBeNull();
  });

  it('backs every field with a span of the text', () => {
    const ev = r.spans.event as [number, number];
    expect(dated.text.slice(ev[0], ev[1])).toMatch(/air ?strike|air attack|missile strike|raid/i);
    expect(r.spans.killed).toBeDefined();
    expect(r.spans.targets).toBeDefined();
    expect(r.spans.attributions).toBeDefined();
  });
});
