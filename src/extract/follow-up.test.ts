import { describe, expect, it } from 'vitest';
import { extract, type ExtractInput } from './index.ts';

const doc = (title: string, body: string, published: string): ExtractInput => ({
  id: 't', name: 't', title, text: `${title}\n\n${body}`, published, published_precision: 'day', language: 'en',
});

const BODY =
  'The family of the engineer held a memorial service on Monday. He was killed when a drone hit a house in the northern town on March 11, along with two neighbours. ' +
  'His employer has asked the authorities for an independent inquiry.';

describe('a follow-up article reports no strike of its own', () => {
  it('gives nothing when the headline tells no strike and the strike is dated a week before publication', () => {
    expect(extract(doc('Family of engineer demands answers a week after his death', BODY, '2026-03-18'), { gazetteer: null })).toEqual([]);
  });

  it('keeps the strike when the article is published the day after it', () => {
    expect(extract(doc('Family of engineer demands answers after his death', BODY, '2026-03-12'), { gazetteer: null })).toHaveLength(1);
  });

  it('keeps a strike dated by a weekday: that is the week\'s news', () => {
    const body = 'He was killed when a drone hit a house in the northern town on Saturday, along with two neighbours.';
    expect(extract(doc('Family of engineer demands answers after his death', body, '2026-03-20'), { gazetteer: null })).toHaveLength(1);
  });

  it('keeps the strike when the headline tells it, however late the article', () => {
    expect(extract(doc('Drone strike killed engineer and two neighbours, rights group says', BODY, '2026-03-18'), { gazetteer: null })).toHaveLength(1);
  });
});
