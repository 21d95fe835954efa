import { describe, expect, it } from 'vitest';
import { chooseDate, isStatementDate } from './date-choice.ts';
import type { DateMention } from './collab.ts';
import { findDates } from './dates.ts';

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

  it('reads Arabic statements, whose subject stands between the verb and its date', () => {
    expect(statement('نفت روسيا قطعيا اليوم الخميس ما ذكره المرصد', 'اليوم')).toBe(true);
    expect(statement('ما ذكره المرصد السوري لحقوق الإنسان أمس من أن غارة جوية', 'أمس')).toBe(true);
    expect(statement('قصفت طائرات مجهولة أمس مدينة صبراتة', 'أمس')).toBe(false);
    expect(statement('قال متحدث باسم الجيش إن قوات بلاده شنت اليوم غارات جوية', 'اليوم')).toBe(false);
  });

  it('reads a date put before who spoke as the day of the statement', () => {
    expect(statement("Dimanche, l'ONU a annoncé que les humanitaires avaient suspendu leur action.", 'Dimanche')).toBe(true);
    expect(statement('On Sunday, the Pentagon said the strike had killed four fighters.', 'Sunday')).toBe(true);
    expect(statement("Mercredi 3 août, l'armée a admis que des frappes avaient fait des victimes civiles.", 'Mercredi 3 août')).toBe(true);
    expect(statement('On Sunday, a drone struck a car near the town, officials said.', 'Sunday')).toBe(false);
    expect(statement('Dimanche, un drone a frappé un véhicule, a indiqué l’armée.', 'Dimanche')).toBe(false);
    // a date closing the strike's clause, then who spoke: the strike's day
    expect(statement('A US air strike near the town killed one militant on Tuesday, the US military said.', 'Tuesday')).toBe(false);
    expect(statement("Une frappe a tué deux combattants près de la ville mardi, l'armée a indiqué.", 'mardi')).toBe(false);
  });

  it('reads a date just before the verb of speech, or closing a dateline, as a statement', () => {
    expect(statement('Tigrayan rebels on Saturday claimed that dozens of people had died when a drone hit a camp.', 'Saturday')).toBe(true);
    expect(statement("Nairobi, (APP - Point News - 8 Jan, 2022 ) :Rebels said a drone hit a camp.", '8 Jan, 2022')).toBe(true);
    expect(statement("L'armée a lundi annoncé avoir frappé un convoi.", 'lundi')).toBe(true);
    expect(statement('A drone on Saturday killed two men near the camp.', 'Saturday')).toBe(false);
    expect(statement('The strike on Saturday claimed the lives of 12 civilians.', 'Saturday')).toBe(false);
  });

  it('reads a possessive day as the day of what follows it', () => {
    expect(statement("No statement has been issued on Tuesday's air raids in Gedo.", 'Tuesday')).toBe(false);
  });

  it('keeps the date of the strike itself', () => {
    expect(statement('On October 3, 2015, U.S. forces bombed a hospital in Kunduz.', 'October 3, 2015')).toBe(false);
    expect(statement('A drone strike hit a car on Tuesday, killing two.', 'Tuesday')).toBe(false);
  });
});

/** Date mentions of `text` for the given phrases and windows (as the date finder gives them). */
function mentions(text: string, ds: [string, string, string][]): DateMention[] {
  return ds.map(([phrase, start, end]) => {
    const at = text.indexOf(phrase);
    return { span: [at, at + phrase.length], window: { start, end, precision: start === end ? 'day' : 'month' } } as DateMention;
  });
}

describe('chooseDate', () => {
  const ctx = { published: '2026-02-10', published_precision: 'day' as const, language: 'en' };
  const lead = 'A drone strike killed 17 civilians in western Niger last month.';

  it('narrows a vague date of the lead with a precise one given later inside it', () => {
    const text = `${lead} The strike hit a busy market on January 6.`;
    const ms = mentions(text, [['last month', '2026-01-01', '2026-01-31'], ['January 6', '2026-01-06', '2026-01-06']]);
    const got = chooseDate(text, ms, [[[0, lead.length]], [[lead.length + 1, text.length]]], ctx);
    expect(got.window).toEqual({ start: '2026-01-06', end: '2026-01-06', precision: 'day' });
  });

  it('keeps the vague date when the later day belongs to an earlier strike', () => {
    const text = `${lead} The earlier one, on January 2, killed six.`;
    const ms = mentions(text, [['last month', '2026-01-01', '2026-01-31'], ['January 2', '2026-01-02', '2026-01-02']]);
    const got = chooseDate(text, ms, [[[0, lead.length]], [[lead.length + 1, text.length]]], ctx);
    expect(got.window?.precision).toBe('month');
  });

  /** chooseDate over the real date finder: lead = first line's sentence, then the rest. */
  function choose(text: string, published: string | null, tiers: [number, number][][]) {
    const c = { published, published_precision: published === null ? null : ('day' as const), language: 'en' };
    return chooseDate(text, findDates(text, c), tiers, c).window;
  }
  const whole = (text: string, from: string): [number, number][][] => [[[text.indexOf(from), text.length]]];

  it('dates a strike told by a statement made early on a day to that night or the day before', () => {
    const text = 'Two men died in a suspected drone strike, local officials said early on Monday.';
    expect(choose(text, '2017-01-30', whole(text, 'Two'))).toEqual({ start: '2017-01-29', end: '2017-01-30', precision: 'days' });
    const later = 'Two men died in a suspected drone strike, local officials said on Monday.';
    expect(choose(later, '2017-01-30', whole(later, 'Two'))).toEqual({ start: '2017-01-24', end: '2017-01-30', precision: 'week' });
  });

  it('dates a strike told by "the drone" from the sentence just before that names the drone and its day', () => {
    // statement on Saturday; the drone found the column on 10 February; "the drone then struck" has no day
    const text = "L'état-major a annoncé samedi avoir neutralisé des terroristes. Un drone Reaper a repéré le 10 février une colonne de motos. Le drone a alors effectué une frappe.";
    const c = { published: '2022-02-12', published_precision: 'day' as const, language: 'fr' };
    const strikeAt = text.indexOf('Le drone a alors');
    const got = chooseDate(text, findDates(text, c), [[[0, text.indexOf(' Un drone')]], [[strikeAt, text.length]]], c).window;
    expect(got).toEqual({ start: '2022-02-10', end: '2022-02-10', precision: 'day' });
    // no anaphor: the day of a sentence before is not the strike's
    const plain = "L'état-major a annoncé samedi avoir neutralisé des terroristes. Des soldats ont repéré le 10 février une colonne de motos. Une frappe a été effectuée.";
    const at = plain.indexOf('Une frappe');
    expect(chooseDate(plain, findDates(plain, c), [[[0, plain.indexOf(' Des soldats')]], [[at, plain.length]]], c).window?.precision).toBe('week');
  });

  it('takes no weekday for the strike from the toll sentences that follow it', () => {
    // lead: the strike, undated; toll tier: his death on 5 June, and news of it since Wednesday
    const lead = "Des sources locales parlent d'une frappe aérienne près d'Aguelhok.";
    const toll = "Il a été tué le 5 juin. La nouvelle de sa mort circulait depuis mercredi, où des proches avaient annoncé son décès.";
    const text = `${lead} ${toll}`;
    const c = { published: '2021-06-11', published_precision: 'day' as const, language: 'fr' };
    const tiers: [number, number][][] = [[[0, lead.length]], [[lead.length + 1, text.length]]];
    expect(chooseDate(text, findDates(text, c), tiers, c, 1).window).toEqual({ start: '2021-06-05', end: '2021-06-05', precision: 'day' });
  });

  it('takes no day from past the lead when the text says the strike was given none', () => {
    const lead = 'Rebels on Saturday claimed that dozens of people had died when a drone hit a camp.';
    const text = `${lead} The spokesman gave no date for the reported strike. The UN said a refugee camp was hit on Wednesday.`;
    const tiers: [number, number][][] = [[[0, lead.length]], [[lead.length + 1, text.length]]];
    expect(choose(text, '2022-01-08', tiers)).toEqual({ start: '2022-01-02', end: '2022-01-08', precision: 'week' });
    const fr = "Les rebelles ont affirmé samedi qu'un drone avait frappé un camp. Ils n'ont pas précisé la date de la frappe. Un autre camp a été touché mercredi.";
    const frLead = fr.indexOf(' Ils');
    expect(choose(fr, '2022-01-08', [[[0, frLead]], [[frLead + 1, fr.length]]])).toEqual({ start: '2022-01-02', end: '2022-01-08', precision: 'week' });
  });

  it('dates a weekly toll to the week up to the bulletin that gives it', () => {
    const c = { published: '2023-12', published_precision: 'month' as const, language: 'fr' };
    const fr =
      "Selon un bulletin de l'armée publié samedi, une vingtaine de terroristes ont été éliminés durant la semaine écoulée lors de frappes aériennes. Il signale aussi des saisies du 13 au 16 décembre.";
    const lead = fr.indexOf(' Il signale');
    expect(chooseDate(fr, findDates(fr, c), [[[0, lead]]], c).window).toEqual({ start: '2023-12-10', end: '2023-12-16', precision: 'week' });
    const en = 'In a weekly bulletin released on Friday, the army said 30 fighters were killed in the past week in air strikes. It also listed arrests on 5 March.';
    const ce = { published: '2021-03', published_precision: 'month' as const, language: 'en' };
    const enLead = en.indexOf(' It also');
    expect(chooseDate(en, findDates(en, ce), [[[0, enLead]]], ce).window).toEqual({ start: '2021-02-27', end: '2021-03-05', precision: 'week' });
  });

  it('counts a lull from the day of the previous strike', () => {
    const lead = 'Five militants were killed today when a drone struck a compound.';
    const text = `${lead} The strike ended a 26-day lull in US attacks in Pakistan; the previous one took place on Jan. 10.`;
    const c = { published: '2013-02', published_precision: 'month' as const, language: 'en' };
    const got = chooseDate(text, findDates(text, c), [[[0, lead.length]]], c);
    expect(got.window).toEqual({ start: '2013-02-05', end: '2013-02-06', precision: 'days' });
    const fr = "Cinq combattants ont été tués aujourd'hui par un drone. La frappe a mis fin à une pause de 12 jours ; la précédente remontait au 20 janvier.";
    const frLead = fr.indexOf(' La frappe');
    const cfr = { ...c, language: 'fr' };
    expect(chooseDate(fr, findDates(fr, cfr), [[[0, frLead]]], cfr).window).toEqual({ start: '2013-02-01', end: '2013-02-02', precision: 'days' });
    // a lull that lands outside the strike's own window changes nothing
    const old = `${lead} It ended a 3-day lull; the previous one took place on Jan. 10.`;
    expect(chooseDate(old, findDates(old, c), [[[0, lead.length]]], c).window?.precision).toBe('month');
  });

  it('does not take a day of another weekday than the one the strike is given', () => {
    const text = "Jets hit the camps on Tuesday. The group took the town after its attack on the base on January 15, 2016. Nobody spoke of Tuesday's raids.";
    expect(choose(text, null, whole(text, 'Jets'))).toBeNull();
  });

  it('without a publication date, dates a strike by a printed day of its weekday that tells a bombing', () => {
    const text = "IS positions after the US bombing, 19 February 2016\n\nTwo hostages died in Friday's air strikes, Serbia says.";
    expect(choose(text, null, whole(text, 'Two'))).toEqual({ start: '2016-02-19', end: '2016-02-19', precision: 'day' });
    const fr = "Des gardes près du site d'un attentat à la voiture piégée, le 26 juin 2016.\n\nDimanche, une frappe a détruit un camp.";
    expect(choose(fr, null, whole(fr, 'Dimanche'))).toBeNull();
    const car = 'Guards at the site of a car bomb, 26 June 2016.\n\nOn Sunday, a US strike destroyed a camp.';
    expect(choose(car, null, whole(car, 'On Sunday'))).toBeNull();
  });

  it('dates an undated strike by the article\'s only "this morning"', () => {
    const text = 'A military jet bombed a camp by mistake. Earlier this morning we got reports that fighters were gathering nearby.';
    const lead: [number, number][][] = [[[0, text.indexOf(' Earlier')]]];
    expect(choose(text, '2017-01-17', lead)).toEqual({ start: '2017-01-17', end: '2017-01-17', precision: 'day' });
    const two = `${text} On Sunday the army moved in.`;
    expect(choose(two, '2017-01-17', lead)).toEqual({ start: '2017-01-11', end: '2017-01-17', precision: 'week' });
  });
});

describe('a strike told again with its day', () => {
  it('is not taken for an earlier strike when the day lies inside the lead\'s vaguer window', async () => {
    const { extract } = await import('./index.ts');
    const text = [
      'Rights group says drone strike killed civilians',
      '',
      'A rights group said Monday that a drone strike, apparently by the army, killed 17 civilians in the west of the country last month.',
      'The strike also killed three fighters, it said.',
      'The group said in a statement that "an apparent drone strike by the army killed at least 17 civilians at a busy market" on January 6.',
    ].join('\n');
    const doc = { id: 't', name: 't', title: null, text, published: '2026-02-10', published_precision: 'day' as const, language: 'en' };
    const [r] = extract(doc, { gazetteer: null });
    expect(r.date).toEqual({ start: '2026-01-06', end: '2026-01-06', precision: 'day' });
  });
});
