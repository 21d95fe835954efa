import { describe, expect, it } from 'vitest';
import { extract, type ExtractInput } from './index.ts';
import { defaultGazetteer } from './gazetteer-default.ts';

const doc = (text: string, published: string | null, language: string): ExtractInput => ({
  id: 't', name: 't', title: text.split('\n', 1)[0], text, published, published_precision: published ? 'day' : null, language,
});
const run = (text: string, published: string | null, language = 'en') => extract(doc(text, published, language), { gazetteer: defaultGazetteer() });

describe('a strike recalled from years before, next to the article’s own news', () => {
  it('French: the old raid is background; the recent operation with helicopters and drones is the strike', () => {
    const text =
      "Mali : un chef jihadiste tué par l'armée française près de Ménaka\n\nLe chef jihadiste Abou Talha a été tué mardi par l'armée française près de Ménaka, a annoncé mercredi l'état-major. Selon lui, les militaires ont intercepté sa voiture lors d'une opération associant des hélicoptères, des drones et des commandos au sol. En 2017, un convoi de son groupe avait déjà été visé par une frappe aérienne près de Gao.";
    const reports = run(text, '2020-06-10', 'fr');
    expect(reports).toHaveLength(1);
    expect(reports[0].date).toEqual({ start: '2020-06-09', end: '2020-06-09', precision: 'day' });
    expect(reports[0].place?.country).toBe('ML');
  });

  it('English: "had already been targeted ... in 2016" is not the report; the raid with helicopters is', () => {
    const text =
      'Somalia: militant commander killed by US forces\n\nA senior al-Shabaab commander was killed on Monday by US forces near Kismayo, the Pentagon said on Tuesday. The operation involved helicopters and special forces on the ground. In 2016, his camp had already been targeted by an American drone strike that killed 150 fighters.';
    expect(run(text, '2019-04-09').map((r) => [r.date?.start, r.killed?.min])).not.toContainEqual(['2016-01-01', 150]);
    expect(run(text, '2019-04-09').map((r) => r.date?.start)).toEqual(['2019-04-08']);
  });

  it('a ground raid with an old strike recalled reports no strike', () => {
    const text =
      'Somalia: militant commander killed by US forces\n\nA senior al-Shabaab commander was killed on Monday by US special forces near Kismayo in a ground raid, the Pentagon said on Tuesday. In 2016, his camp had already been targeted by an American drone strike that killed 150 fighters.';
    expect(run(text, '2019-04-09')).toHaveLength(0);
  });

  it('a death not caused by a force, with helicopters only sent afterwards, is no strike', () => {
    const text =
      'Mali: ten soldiers killed in an ambush\n\nJihadists killed ten soldiers on Monday in an ambush near Boni, the army said on Tuesday. Helicopters were sent to evacuate the wounded. In 2016, French jets had already bombed a jihadist camp in the same forest.';
    expect(run(text, '2020-06-10')).toHaveLength(0);
  });

  it('keeps an investigation published years later whose subject is the old strike', () => {
    const text =
      'UN finds French strike killed 19 civilians at a wedding\n\nA French air strike near Bounti in January 2021 killed 19 civilians who had gathered for a wedding, United Nations investigators said on Tuesday. The investigators said the strike had hit a group of about 100 people.';
    expect(run(text, '2023-03-28').map((r) => r.date?.start)).toEqual(['2021-01-01']);
  });

  it('keeps an old strike told with no recent event of the article’s own', () => {
    const text =
      'Families still wait\n\nFamilies in the village are still waiting for answers. In 2012, a drone strike had killed seven men in a convoy near Taoudenni, residents said.';
    expect(run(text, '2019-02-22')).toHaveLength(1);
  });
});
