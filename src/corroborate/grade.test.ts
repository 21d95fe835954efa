import { describe, expect, it } from 'vitest';
import { gradeIncident } from './grade.ts';
import { statusOf, tallyAttributions } from './merge.ts';
import { report, type ReportSpec } from './test-reports.ts';

const tally = (specs: ReportSpec[]) => tallyAttributions(specs.map(report), (r) => r.document_id);

describe('attribution status from stances', () => {
  it.each([
    [['confirms', 'alleges'], 'acknowledged'],
    [['alleges', 'denies'], 'denied'],
    [['claims'], 'alleged'],
    [['alleges', 'suspected'], 'alleged'],
    [['suspected'], 'suspected'],
    [['no_comment'], 'unknown'],
    [['unknown'], 'unknown'],
  ] as const)('%j -> %s', (stances, status) => {
    expect(statusOf([...stances])).toBe(status);
  });
});

describe('the grade table', () => {
  it('confirmed when a belligerent acknowledged it, whatever else is said', () => {
    const t = tally([
      { doc: 'a', attributions: [{ actor: 'US', stance: 'confirms', source: 'the Pentagon' }] },
      { doc: 'b', attributions: [{ actor: 'TR', stance: 'alleges' }, { actor: 'US', stance: 'alleges' }] },
    ]);
    const g = gradeIncident(t, 2);
    expect(g.grade).toBe('confirmed');
    expect(g.explanation).toContain('acknowledged by US');
  });

  it('contested when the accused denies what a source attributes to it', () => {
    const t = tally([
      { doc: 'a', attributions: [{ actor: 'RU', stance: 'alleges', source: 'a monitor' }] },
      { doc: 'b', attributions: [{ actor: 'RU', stance: 'denies' }] },
    ]);
    expect(gradeIncident(t, 2).grade).toBe('contested');
  });

  it('contested when two belligerents are each alleged', () => {
    const t = tally([
      { doc: 'a', attributions: [{ actor: 'FR', stance: 'alleges' }] },
      { doc: 'b', attributions: [{ actor: 'DZ', stance: 'alleges' }] },
    ]);
    expect(gradeIncident(t, 2).grade).toBe('contested');
  });

  it('fair with two independent sources and no acknowledgment; explained in words', () => {
    const t = tally([
      { doc: 'a', attributions: [{ actor: 'US', stance: 'suspected' }] },
      { doc: 'b', attributions: [{ actor: 'US', stance: 'no_comment', source: 'US officials' }] },
    ]);
    const g = gradeIncident(t, 2);
    expect(g.grade).toBe('fair');
    expect(g.explanation).toBe('2 independent sources; no belligerent has acknowledged; US suspected; US officials declined to comment');
  });

  it('weak with a single source; a denial nobody contradicts is not a conflict', () => {
    expect(gradeIncident(tally([{ doc: 'a', attributions: [{ actor: 'US', stance: 'alleges' }] }]), 1).grade).toBe('weak');
    const t = tally([{ doc: 'a', attributions: [{ actor: 'US', stance: 'denies', source: 'AFRICOM' }, { actor: 'TR', stance: 'suspected' }] }]);
    expect(gradeIncident(t, 1).grade).toBe('weak');
  });
});
