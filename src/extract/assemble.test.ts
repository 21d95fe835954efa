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

  it('takes "no casualties" in the sentence after a second strike as its toll of none', () => {
    const text =
      'Strikes on the port\n\nAirstrikes hit the port late on Tuesday, killing four people. Other strikes the same night hit a mountain district to the north, where the rebels said warplanes targeted a radio mast. They reported no casualties there.';
    const rs = run(text);
    expect(rs).toHaveLength(2);
    expect(rs[1].killed).toEqual({ min: 0, max: 0 });
  });

  it('does not borrow a toll told far below the strike', () => {
    const filler = 'The region has seen fighting for years. Roads are closed. Markets are shut. Aid workers have left. ';
    const text = `A US drone strike hit a compound in the village on Tuesday.\n\n${filler}\n\nIn 2015, 300 people died in a famine.`;
    expect(run(text)[0].killed).toBeNull();
  });
});

describe('the day of a strike', () => {
  it('does not take its date from a death sentence that tells another, older strike', () => {
    const text = 'Army bombs rebel camp\n\nThe army killed 12 rebels in an air strike on a camp, the ministry said.\n\nThe president had refused such raids for years. In 2017 a bombing in the south killed several teenagers.';
    const r = run(text)[0];
    expect(r.date?.start?.startsWith('2017')).not.toBe(true);
  });
});

describe('the places of a strike told as a list', () => {
  it('gives each listed name its own place, not the whole list read as one settlement', async () => {
    const { defaultGazetteer } = await import('./gazetteer-default.ts');
    // Invented village names (not in the gazetteer) after a real town.
    const text =
      'Raids in Idlib\n\nRussian jets struck a market in the Idlib city of Maaret Al-Numan on Monday, killing 12. Government aircraft also struck the town of Bidama as well as the villages of Qarvolin and Zembratha, residents said.';
    const reports = extract(
      { id: 't', name: 't', title: 'Raids in Idlib', text, published: '2019-07-22', published_precision: 'day', language: 'en' },
      { gazetteer: defaultGazetteer() },
    );
    const names = reports.map((r) => r.place?.name);
    expect(names).toHaveLength(4);
    expect(names.slice(2)).toEqual(['Qarvolin', 'Zembratha']);
    // each unknown village is placed only as near the strike's known place, with the span of its own name
    for (const r of reports.slice(2)) {
      expect(r.place?.precision).toBe('near');
      const span = r.spans.place as [number, number];
      expect(text.slice(span[0], span[1])).toBe(r.place?.name);
    }
  });
});

describe('the country of a strike no place is attached to', () => {
  const withGazetteer = async (text: string) => {
    const { defaultGazetteer } = await import('./gazetteer-default.ts');
    return extract(
      { id: 't', name: 't', title: null, text, published: '2024-03-19', published_precision: 'day', language: 'en' },
      { gazetteer: defaultGazetteer() },
    );
  };

  it('is not the seat of the monitor that reported it', async () => {
    const text =
      'A drone strike on Tuesday killed four fighters in a car, the Britain-based war monitor said.\n\nThe London-based group relies on sources on the ground.';
    const [r] = await withGazetteer(text);
    expect(r.killed).toEqual({ min: 4, max: 4 });
    expect(r.place?.country ?? null).not.toBe('GB');
  });

  it('is still the country the article names as a place', async () => {
    const text = 'A drone strike on Tuesday killed four fighters in a car, the Britain-based war monitor said.\n\nThe strike was the third in Syria this month.';
    const [r] = await withGazetteer(text);
    expect(r.place?.country).toBe('SY');
  });
});
