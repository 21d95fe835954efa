/**
 * Extraction speed on typical 3–5 KB articles, one core: documents/s, MB/s, peak RSS.
 * Articles are built from the dev corpus (two or three reports joined to reach 3–5 KB) when
 * it is present, else from a synthetic template. The gazetteer load is timed apart.
 *
 *   node --import tsx bench/extract.bench.ts [seconds] [--profile]
 *
 * `--profile` also samples the full extraction with the V8 profiler and prints the share of
 * CPU time spent in each source file (time in regular expressions, natives and the garbage
 * collector counted to the source file that called them), then in each stage of the pipeline
 * (everything a function called by extract() runs, and inside assembleReport each field's
 * finder): where to look for speed. A flat per-file profile hides which stage pays; the stage
 * shares say which whole pass over the document to cut or share.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { extract, type ExtractInput } from '../src/extract/index.ts';
import { defaultGazetteer } from '../src/extract/gazetteer-default.ts';

const DEV = new URL('../../shared/eval/dev/', import.meta.url).pathname;
const args = process.argv.slice(2);
const profile = args.includes('--profile');
const seconds = Number(args.find((a) => !a.startsWith('--')) ?? 4);

function corpus(): ExtractInput[] {
  const texts: { text: string; published: string | null; language: string | null }[] = [];
  if (existsSync(DEV)) {
    for (const f of readdirSync(DEV).filter((n) => n.endsWith('.txt')).sort()) {
      const meta = JSON.parse(readFileSync(join(DEV, f.replace(/\.txt$/, '.meta.json')), 'utf8')) as { published: string | null; language: string };
      texts.push({ text: readFileSync(join(DEV, f), 'utf8'), published: meta.published, language: meta.language });
    }
  } else {
    const para = 'A US drone strike killed three al-Shabaab fighters near Jilib on Saturday, the command said. ';
    for (let i = 0; i < 40; i++) texts.push({ text: `Headline ${i}\n\n${para.repeat(20 + (i % 10))}`, published: '2022-10-04', language: 'en' });
  }
  const docs: ExtractInput[] = [];
  for (let i = 0; i < texts.length; i++) {
    let text = texts[i].text;
    for (let k = 1; text.length < 3000; k++) text += '\n\n' + texts[(i + k * 7) % texts.length].text;
    if (text.length > 5000) text = text.slice(0, 5000);
    const pub = texts[i].published && texts[i].published!.length === 10 ? texts[i].published : null;
    docs.push({ id: String(i), name: String(i), title: text.split('\n', 1)[0], text, published: pub, published_precision: pub ? 'day' : null, language: texts[i].language });
  }
  return docs;
}

function run(docs: ExtractInput[], label: string, withGazetteer: boolean): void {
  const deps = withGazetteer ? {} : { gazetteer: null };
  for (const d of docs) extract(d, deps); // warm-up (JIT, lazy data)
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0);
  let n = 0;
  let b = 0;
  let reports = 0;
  const c0 = process.cpuUsage().user;
  const t0 = performance.now();
  // CPU time of each pass over the corpus: on a busy machine the least disturbed pass is the
  // figure to compare between versions (the mean moves with other processes' load)
  let bestPass = Infinity;
  while (performance.now() - t0 < seconds * 1000) {
    const p0 = process.cpuUsage().user;
    for (const d of docs) reports += extract(d, deps).length;
    bestPass = Math.min(bestPass, (process.cpuUsage().user - p0) / 1e6);
    n += docs.length;
    b += bytes;
  }
  const s = (performance.now() - t0) / 1000;
  // CPU time too: on a shared machine the wall clock counts other processes' turns
  const cpu = (process.cpuUsage().user - c0) / 1e6;
  console.log(
    `${label.padEnd(22)} ${(n / s).toFixed(0).padStart(6)} docs/s  ${(b / s / 1e6).toFixed(2).padStart(6)} MB/s  ` +
      `${(n / cpu).toFixed(0).padStart(6)} docs/CPU-s (best pass ${(docs.length / bestPass).toFixed(0)}, ${(bytes / bestPass / 1e6).toFixed(2)} MB/CPU-s)  ` +
      `(${n} docs, ${(bytes / docs.length / 1000).toFixed(1)} KB avg, ${(reports / n).toFixed(2)} reports/doc)`,
  );
}

const docs = corpus();
const tg = performance.now();
const gz = defaultGazetteer();
console.log(`gazetteer load          ${(performance.now() - tg).toFixed(0)} ms (${gz ? 'loaded' : 'unavailable'})`);
run(docs, 'extract (full)', true);
run(docs, 'extract (no gazetteer)', false);
console.log(`peak RSS                ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
if (profile) await printProfile(docs);

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

/** CPU time of the full extraction by source file under src/, from V8's sampling profiler. */
async function printProfile(docs: ExtractInput[]): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) for (const d of docs) extract(d);
  const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[] } };
  session.disconnect();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fileOf = new Map<number, string>();
  const owner = (id: number): string => {
    const known = fileOf.get(id);
    if (known !== undefined) return known;
    const url = byId.get(id)?.callFrame.url ?? '';
    const at = url.indexOf('/src/');
    const up = parent.get(id);
    const f = at >= 0 ? url.slice(at + 5) : up !== undefined ? owner(up) : '(outside src)';
    fileOf.set(id, f);
    return f;
  };
  const counts = new Map<string, number>();
  for (const s of p.samples) counts.set(owner(s), (counts.get(owner(s)) ?? 0) + 1);
  console.log('CPU time by source file (full extraction):');
  for (const [f, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${((100 * c) / p.samples.length).toFixed(1).padStart(5)}%  ${f}`);
  }
  const stages = new Map<string, number>();
  for (const s of p.samples) {
    const k = stageOf(s, byId, parent);
    stages.set(k, (stages.get(k) ?? 0) + 1);
  }
  console.log('CPU time by stage (all a stage runs, callees included):');
  for (const [f, c] of [...stages].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${((100 * c) / p.samples.length).toFixed(1).padStart(5)}%  ${f}`);
  }
}

/**
 * The stage a sample belongs to: the function extract() called (findDates, geocode,
 * assembleReport...), and inside assembleReport the finder it called (findCasualties,
 * findTargets...), wrappers skipped; '(outside extract)' for the collector and the bench loop.
 */
function stageOf(sample: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const chain: ProfileNode[] = [];
  for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) chain.push(byId.get(id)!);
  const name = (n: ProfileNode) => n.callFrame.functionName;
  const at = chain.findIndex((n) => name(n) === 'extract' && n.callFrame.url.endsWith('/src/extract/index.ts'));
  if (at < 0) return '(outside extract)';
  if (at === 0) return 'extract (itself)';
  const stage = chain[at - 1];
  if (name(stage) !== 'assembleReport') return name(stage) || '(anonymous)';
  // the actor analysis is built by whichever finder asks first and shared by targets and attribution
  if (chain.some((n, k) => k < at && name(n) === 'analyseActors')) return 'assembleReport > analyseActors (shared)';
  // skip the wrappers between the assembly and a finder: its `safe` and its arrow functions
  for (let k = at - 2; k >= 0; k--) if (!name(chain[k]).startsWith('safe') && name(chain[k]) !== '') return `assembleReport > ${name(chain[k])}`;
  return 'assembleReport (itself)';
}
