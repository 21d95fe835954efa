import { describe, expect, it } from 'vitest';
import { judgeBelligerent, statusOf } from './judge.ts';
import { lexiconResolver } from './resolve.ts';
import { GoldIncident } from './gold.ts';
import type { Report } from '../domain/report.ts';

/** A report with one attribution, the rest empty. */
function reportBy(id: string, name: string): Report {
  return {
    document_id: 'd', index: 0, event_type: 'airstrike', date: null, place: null, place_alternatives: [],
    killed: null, injured: null, civilians_killed: null, targets: [], details: [], spans: {}, confidence: 0.5,
    attributions: [{ actor: { id, name }, stance: 'confirms', source: null, span: null }],
  };
}
const gold = (b: string) => GoldIncident.parse({ belligerent_claimed: b, belligerent_status: 'confirmed' });

describe('judgeBelligerent', () => {
  it('reads a gold coalition by its whole name, at the level of the state that leads it', () => {
    expect(judgeBelligerent(reportBy('US-coalition', 'US-led coalition'), gold('US-led coalition'), lexiconResolver)).toBe(true);
    expect(judgeBelligerent(reportBy('US', 'United States'), gold('US-led coalition'), lexiconResolver)).toBe(true);
    expect(judgeBelligerent(reportBy('SA-coalition', 'Saudi-led coalition'), gold('Saudi-led coalition'), lexiconResolver)).toBe(true);
  });
  it('still tells different sides apart', () => {
    expect(judgeBelligerent(reportBy('FR', 'France'), gold('US-led coalition'), lexiconResolver)).toBe(false);
    expect(judgeBelligerent(reportBy('US', 'United States'), gold('Saudi-led coalition'), lexiconResolver)).toBe(false);
  });
  it('keeps the leading token of a glossed name', () => {
    expect(judgeBelligerent(reportBy('US', 'United States'), gold('US (CIA)'), lexiconResolver)).toBe(true);
  });
});

describe('statusOf: our stances in the gold vocabulary', () => {
  it.each([
    ['confirms', 'confirmed'],
    // a claim of responsibility is the belligerent's own acknowledgment (eval README: confirmed)
    ['claims', 'confirmed'],
    // the outlet or a third party attributing the strike is the gold's "claimed"
    ['alleges', 'claimed'],
    ['suspected', 'suspected'],
    ['denies', 'denied'],
    ['no_comment', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s -> %s', (stance, status) => {
    expect(statusOf(stance)).toBe(status);
  });
});
