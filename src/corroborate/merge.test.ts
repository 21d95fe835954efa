import { describe, expect, it } from 'vitest';
import { mergeReports, type DocumentMeta } from './merge.ts';
import { PLACES, report } from './test-reports.ts';

describe('mergeReports: targets', () => {
  it("names each target as the lexicon does, not as the first report wrote it", () => {
    const fr = report({ doc: 'fr', date: '2012-06-20', place: PLACES.miranshah, targets: ['AQIM'] });
    fr.targets = [{ id: 'AQIM', name: 'AQMI' }];
    const en = report({ doc: 'en', date: '2012-06-20', place: PLACES.miranshah, targets: ['AQIM', 'not-in-the-lexicon'] });
    const docs = new Map<string, DocumentMeta>([
      ['fr', { id: 'fr', name: 'fr', text: 'x' }],
      ['en', { id: 'en', name: 'en', text: 'y' }],
    ]);
    const draft = mergeReports([fr, en], docs);
    expect(draft.targets).toEqual([
      { id: 'AQIM', name: 'al-Qaeda in the Islamic Maghreb' },
      { id: 'not-in-the-lexicon', name: 'not-in-the-lexicon' },
    ]);
    // the reports keep their own wording
    expect(fr.targets[0].name).toBe('AQMI');
  });
});
