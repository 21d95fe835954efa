import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';

const run = (text: string) =>
  extract({ id: 't', name: 't', title: null, text, published: '2020-01-10', published_precision: 'day', language: 'en' }, { gazetteer: null });

describe('the toll of a strike told in the sentences after it', () => {
  it('takes the figure from a death sentence just after the strike sentence', () => {
    const text = 'A US drone strike hit a compound in the village on Tuesday.\n\nLocal officials said 16 people died in the attack.';
    const [r] = run(text);
    expect(r.killed).toEqual({ min: 16, max: 16 });
    expect(r.spans.killed).toBeDefined();
  });

  it('prefers the figure of the strike sentence itself', () => {
    const text = 'A US drone strike killed four militants on Tuesday.\n\nOfficials said 16 people died in clashes.';
    expect(run(text)[0].killed).toEqual({ min: 4, max: 4 });
  });

  it('does not borrow a toll told far below the strike', () => {
    const filler = 'The region has seen fighting for years. Roads are closed. Markets are shut. Aid workers have left. ';
    const text = `A US drone strike hit a compound in the village on Tuesday.\n\n${filler}\n\nIn 2015, 300 people died in a famine.`;
    expect(run(text)[0].killed).toBeNull();
  });
});
