import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/domain/index.ts';
import { readCorpus } from '../src/eval/corpus.ts';
import { parseGold, type GoldDocument } from '../src/eval/gold.ts';
import { judgeBelligerent, judgeCountry, judgeDate, judgeKilled } from '../src/eval/judge.ts';
import { lexiconResolver } from '../src/eval/resolve.ts';
import { matchDocument, scoreDocument, summarise } from '../src/eval/score.ts';
import { extract } from '../src/extract/index.ts';

/**
 * Our own held-out check: articles in test/articles/LANG/ (written for this test from real
 * reports the extractor was never tuned on, see test/articles/README.md), run through the real
 * extractor and scored as `strikewatch eval` scores them. Every gold incident must be matched and
 * have the right country, killed range, date window and belligerent; a negative must give no
 * report; each language keeps a floor on incident F1 so a regression fails.
 *
 * Misses not fixed yet are listed below as known misses: their checks run as `it.fails`, so a
 * fix makes them fail loudly until the entry is removed. Nothing is skipped.
 */

const ROOT = new URL('./articles/', import.meta.url).pathname;

/** The checks made on each gold incident (`matched` first: the others need a match). */
const CHECKS = ['matched', 'country', 'killed', 'date', 'belligerent'] as const;
type Check = (typeof CHECKS)[number] | 'no report';

/**
 * Known misses, keyed `LANG/ID#N` (N = index of the gold incident in the document's gold line)
 * or `LANG/ID` for a negative ('no report'). Remove an entry when its fix lands.
 */
const KNOWN_MISSES: Record<string, Check[]> = {
  // English: first run incident F1 70.3, now 97.4. Left: 002 Shehabiya (not in the gazetteer)
  // is placed at Ain Baal, so the two Ain Baal reports pair with the gold the other way round,
  // and Hezbollah's drones on Beit Hillel are no event sentence; 011 'the army' read as
  // France's after its foreign ministry spoke.
  'en/002#0': ['killed', 'belligerent'],
  'en/002#1': ['killed', 'belligerent'],
  'en/002#2': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'en/011#0': ['belligerent'],
  // French, first run (incident F1 55.6), and Arabic, first run (incident F1 71.4).
  'ar/002#0': ['belligerent'],
  'ar/003#1': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'ar/005#0': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'ar/007#1': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'fr/001#0': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'fr/002#0': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'fr/004#1': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'fr/005#0': ['killed'],
  'fr/006#0': ['killed'],
  'fr/006#1': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'fr/013#0': ['killed'],
  'fr/014#1': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'fr/015#0': ['belligerent'],
  'fr/016#0': ['killed', 'belligerent'],
  'fr/016#1': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'fr/017': ['no report'],
  // Dev-set theatres (en, fr, nl mixed), first run (incident F1 63.8).
  'dev-theatres/008#0': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'dev-theatres/008#1': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'dev-theatres/008#2': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'dev-theatres/013#0': ['matched', 'country', 'killed', 'date', 'belligerent'],
  'dev-theatres/015': ['no report'],
  'dev-theatres/024#0': ['matched', 'country', 'killed', 'date', 'belligerent'],
};

/** Incident F1 floor per language folder (the first measured score, rounded down). */
const F1_FLOOR: Record<string, number> = { en: 0.8, fr: 0.55, ar: 0.7, 'dev-theatres': 0.63 };
/** Floor for a folder that has not set its own yet. */
const DEFAULT_F1_FLOOR = 0.5;

const folders = existsSync(ROOT)
  ? readdirSync(ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ROOT, d.name, 'gold.jsonl')))
      .map((d) => d.name)
      .sort()
  : [];

it('finds at least one annotated folder', () => {
  expect(folders.length).toBeGreaterThan(0);
});

const known = (key: string, check: Check) => (KNOWN_MISSES[key] ?? []).includes(check);

it('lists known misses only for documents that exist', () => {
  const ids = new Set<string>();
  for (const lang of folders) {
    for (const g of parseGold(readFileSync(join(ROOT, lang, 'gold.jsonl'), 'utf8'), `${lang}/gold.jsonl`)) {
      ids.add(`${lang}/${g.id}`);
      g.incidents.forEach((_, i) => ids.add(`${lang}/${g.id}#${i}`));
    }
  }
  expect(Object.keys(KNOWN_MISSES).filter((k) => !ids.has(k))).toEqual([]);
});

for (const lang of folders) {
  describe(`articles/${lang}`, () => {
    const dir = join(ROOT, lang);
    const goldPath = join(dir, 'gold.jsonl');
    // Read at collection time: the test names (and which ones are known misses) come from the gold.
    const gold: GoldDocument[] = parseGold(readFileSync(goldPath, 'utf8'), goldPath);
    const reports = new Map<string, Report[]>();
    const pairs = new Map<string, Map<number, Report>>();

    beforeAll(async () => {
      const docs = await readCorpus(dir);
      for (const d of docs) reports.set(d.id, extract(d));
      for (const g of gold) {
        const rs = reports.get(g.id) ?? [];
        pairs.set(g.id, new Map(matchDocument(rs, g.incidents).map(([ri, gi]) => [gi, rs[ri]])));
      }
    });

    it('has a text file for every gold line and a gold line for every text file', () => {
      expect(gold.map((g) => g.id).filter((id) => !reports.has(id))).toEqual([]);
      expect([...reports.keys()].filter((id) => !gold.some((g) => g.id === id))).toEqual([]);
    });

    it(`keeps incident F1 at or above ${F1_FLOOR[lang] ?? DEFAULT_F1_FLOOR}`, () => {
      const results = gold.map((g) => scoreDocument(g.id, lang, reports.get(g.id) ?? [], g.incidents, lexiconResolver));
      expect(summarise(lang, results).f1).toBeGreaterThanOrEqual(F1_FLOOR[lang] ?? DEFAULT_F1_FLOOR);
    });

    for (const g of gold) {
      if (g.incidents.length === 0) {
        const key = `${lang}/${g.id}`;
        (known(key, 'no report') ? it.fails : it)(`${key} (negative) gives no report`, () => {
          expect((reports.get(g.id) ?? []).map((r) => `${r.event_type} ${r.place?.name ?? ''}`)).toEqual([]);
        });
        continue;
      }
      g.incidents.forEach((inc, gi) => {
        const key = `${lang}/${g.id}#${gi}`;
        const label = `${key} ${inc.place ?? ''} ${inc.date_start ?? 'undated'}`;
        const matched = () => {
          const r = pairs.get(g.id)?.get(gi);
          expect(r, 'no report matches this incident').toBeDefined();
          return r!;
        };
        const judge: Record<(typeof CHECKS)[number], (r: Report) => void> = {
          matched: () => undefined,
          country: (r) => expect(judgeCountry(r, inc), `country ${r.place?.country ?? 'null'} vs ${inc.country}`).toBe(true),
          killed: (r) =>
            expect(judgeKilled(r, inc), `killed ${JSON.stringify(r.killed)} vs ${inc.killed_min ?? '?'}-${inc.killed_max ?? '?'}`).toBe(true),
          date: (r) =>
            expect(judgeDate(r, inc), `date ${JSON.stringify(r.date)} vs ${inc.date_start ?? 'null'}..${inc.date_end ?? 'null'}`).toBe(true),
          belligerent: (r) =>
            expect(judgeBelligerent(r, inc, lexiconResolver), `belligerent vs ${inc.belligerent_claimed ?? '-'}`).toBe(true),
        };
        for (const check of CHECKS) {
          (known(key, check) ? it.fails : it)(`${label}: ${check}`, () => judge[check](matched()));
        }
      });
    }
  });
}
