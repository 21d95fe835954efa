/**
 * The evaluation run: read a corpus and its gold, extract every document, score, and render
 * the per-document errors followed by the summary table (its last 14 lines).
 */
import { readFile } from 'node:fs/promises';
import type { Report } from '../domain/index.ts';
import type { Gazetteer } from '../gazetteer/types.ts';
import { extract } from '../extract/index.ts';
import { readCorpus } from './corpus.ts';
import { parseGold } from './gold.ts';
import { FIELDS, scoreDocument, summarise, type DocResult, type Summary } from './score.ts';
import type { ActorResolver } from './judge.ts';
import { lexiconResolver } from './resolve.ts';

export interface EvalOptions {
  published?: string | null;
  gazetteer?: Gazetteer | null;
  resolve?: ActorResolver;
}

export interface EvalRun {
  corpus: string;
  results: DocResult[];
  summaries: Summary[];
  /** Gold ids with no document in the corpus (counted as missed incidents). */
  missingDocs: string[];
  /** Documents with no gold line (their reports are counted as extra). */
  ungraded: string[];
  extractMs: number;
  reports: Map<string, Report[]>;
}

export async function runEval(corpusDir: string, goldPath: string, opts: EvalOptions = {}): Promise<EvalRun> {
  let goldText: string;
  try {
    goldText = await readFile(goldPath, 'utf8');
  } catch (err) {
    throw new Error(`cannot read gold file ${goldPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const gold = new Map(parseGold(goldText, goldPath).map((g) => [g.id, g]));
  const docs = await readCorpus(corpusDir, { published: opts.published ?? null });
  const resolve = opts.resolve ?? lexiconResolver;
  const results: DocResult[] = [];
  const reports = new Map<string, Report[]>();
  const ungraded: string[] = [];
  const t0 = performance.now();
  for (const d of docs) reports.set(d.id, extract(d, opts.gazetteer === undefined ? {} : { gazetteer: opts.gazetteer }));
  const extractMs = performance.now() - t0;
  for (const d of docs) {
    const g = gold.get(d.id);
    if (!g) ungraded.push(d.id);
    results.push(scoreDocument(d.id, d.language ?? '?', reports.get(d.id)!, g?.incidents ?? [], resolve));
  }
  const seen = new Set(docs.map((d) => d.id));
  const missingDocs = [...gold.keys()].filter((id) => !seen.has(id));
  for (const id of missingDocs) {
    const g = gold.get(id)!;
    results.push({
      id, language: '?', gold: g.incidents.length, predicted: 0, matched: 0, errors: ['document not in corpus'],
      fieldHits: Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as DocResult['fieldHits'],
    });
  }
  const summaries = [
    summarise('en', results.filter((r) => r.language === 'en')),
    summarise('fr', results.filter((r) => r.language === 'fr')),
    summarise('all', results),
  ];
  return { corpus: corpusDir, results, summaries, missingDocs, ungraded, extractMs, reports };
}

const pct = (v: number | null) => (v === null ? '    -' : (v * 100).toFixed(1).padStart(5));

/** Per-document errors, then exactly 14 lines of summary table. */
export function renderEval(run: EvalRun): string {
  const lines: string[] = [];
  for (const r of run.results) {
    if (r.errors.length === 0) continue;
    lines.push(`${r.id} [${r.language}] gold ${r.gold}, reports ${r.predicted}, matched ${r.matched}`);
    for (const e of r.errors) lines.push(`  - ${e}`);
  }
  if (run.ungraded.length > 0) lines.push(`no gold for: ${run.ungraded.join(', ')}`);
  lines.push(...renderSummary(run));
  return lines.join('\n');
}

export function renderSummary(run: EvalRun): string[] {
  const cols = run.summaries;
  const row = (label: string, cells: string[]) => `${label.padEnd(16)}${cells.map((c) => c.padStart(12)).join('')}`;
  const all = cols[cols.length - 1];
  const out = [
    `== strikewatch eval: ${run.corpus} — ${all.docs} documents, ${all.gold} gold incidents ==`,
    row('', cols.map((c) => c.label)),
    row('docs/gold/rep', cols.map((c) => `${c.docs}/${c.gold}/${c.predicted}`)),
    row('incident P', cols.map((c) => pct(c.docs ? c.precision : null))),
    row('incident R', cols.map((c) => pct(c.docs ? c.recall : null))),
    row('incident F1', cols.map((c) => pct(c.docs ? c.f1 : null))),
    ...FIELDS.map((f) => row(f, cols.map((c) => pct(c.fields[f])))),
    `matched ${all.matched}; fields are % of matched incidents; extraction ${run.extractMs.toFixed(0)} ms`,
  ];
  return out;
}

/** Machine-readable result for --json. */
export function evalJson(run: EvalRun): unknown {
  return {
    corpus: run.corpus,
    summaries: run.summaries,
    documents: run.results.map((r) => ({ id: r.id, language: r.language, gold: r.gold, predicted: r.predicted, matched: r.matched, errors: r.errors })),
    missing_documents: run.missingDocs,
    extract_ms: Math.round(run.extractMs),
  };
}
