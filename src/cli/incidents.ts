import { InvalidArgumentError } from 'commander';
import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { Grade, type CasualtyEstimate, type Incident } from '../domain/index.ts';
import type { Store } from '../store/store.ts';

function day(v: string): string {
  const t = Date.parse(`${v}T00:00:00Z`);
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
  if (!ok) throw new InvalidArgumentError(`"${v}" is not a day (YYYY-MM-DD)`);
  return v;
}

function grade(v: string): Grade {
  const g = Grade.safeParse(v);
  if (!g.success) throw new InvalidArgumentError(`"${v}" is not a grade (${Grade.options.join(', ')})`);
  return g.data;
}

function country(v: string): string {
  if (!/^[A-Za-z]{2}$/.test(v)) throw new InvalidArgumentError(`"${v}" is not an ISO 3166-1 alpha-2 country code`);
  return v.toUpperCase();
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${v}" is not a positive whole number`);
  return n;
}

const range = (c: CasualtyEstimate) =>
  c.low === null && c.high === null ? '-' : c.low === c.high ? String(c.low) : `${c.low ?? '?'}-${c.high ?? '?'}`;

/** One incident as a JSON line: what the issue asks for, with document names as extract prints them. */
export async function incidentLine(store: Store, i: Incident): Promise<Record<string, unknown>> {
  const reports = [];
  for (const rid of i.report_ids) {
    const r = await store.getReport(rid);
    const doc = r ? await store.getDocument(r.document_id) : null;
    reports.push({ document: doc?.name ?? r?.document_id ?? rid.split(':')[0], report: rid, index: r?.index ?? null });
  }
  return {
    id: i.id,
    grade: i.grade,
    grade_explanation: i.grade_explanation,
    event_type: i.event_type,
    date_start: i.date?.start ?? null,
    date_end: i.date?.end ?? null,
    country: i.country,
    place: i.place ? { name: i.place.name, lat: i.place.lat, lon: i.place.lon, radius_km: i.place.radius_km, precision: i.place.precision } : null,
    killed: { low: i.killed.low, best: i.killed.best, high: i.killed.high },
    injured: { low: i.injured.low, best: i.injured.best, high: i.injured.high },
    civilians_killed: { low: i.civilians_killed.low, best: i.civilians_killed.best, high: i.civilians_killed.high },
    targets: i.targets.map((t) => t.id),
    attributions: i.attributions.map((a) => ({ actor: a.actor.id, status: a.status })),
    independent_sources: i.independent_sources,
    reports,
  };
}

/** `strikewatch incidents`: incidents with simple filters, as a table or JSON lines. */
export const registerIncidents: RegisterCommand = (program) => {
  program
    .command('incidents')
    .description('list incidents (one per strike), optionally filtered')
    .option('--country <ISO2>', 'only this country', country)
    .option('--from <day>', 'only incidents ending on or after this day (YYYY-MM-DD)', day)
    .option('--to <day>', 'only incidents starting on or before this day (YYYY-MM-DD)', day)
    .option('--grade <grade>', `only this grade (${Grade.options.join(', ')})`, grade)
    .option('--limit <n>', 'at most this many', positiveInt)
    .option('--format <format>', 'table or jsonl', 'table')
    .action(async (flags: { country?: string; from?: string; to?: string; grade?: Grade; limit?: number; format: string }, cmd) => {
      if (flags.format !== 'table' && flags.format !== 'jsonl') {
        throw new InvalidArgumentError(`--format "${flags.format}": expected table or jsonl`);
      }
      await withStore(cmd, async (store) => {
        const list = await store.listIncidents({ country: flags.country, from: flags.from, to: flags.to, grade: flags.grade, limit: flags.limit });
        if (flags.format === 'jsonl') {
          for (const i of list) console.log(JSON.stringify(await incidentLine(store, i)));
          return;
        }
        if (list.length === 0) {
          console.log('no incidents: ingest documents first (`strikewatch ingest`), or `strikewatch recluster`');
          return;
        }
        console.log(`${'id'.padEnd(18)} ${'grade'.padEnd(10)} ${'date'.padEnd(21)} ${'place'.padEnd(28)} ${'killed'.padEnd(8)} src targets / attribution`);
        for (const i of list) {
          const date = i.date ? (i.date.start === i.date.end ? i.date.start : `${i.date.start}..${i.date.end.slice(5)}`) : '-';
          const place = `${i.country ?? '??'} ${i.place?.name ?? ''}`.replace(/\s+/g, ' ').slice(0, 28);
          const who = [i.targets.map((t) => t.id).join(','), i.attributions.map((a) => `${a.actor.id}:${a.status}`).join(',')].filter(Boolean).join(' / ');
          console.log(`${i.id.padEnd(18)} ${i.grade.padEnd(10)} ${date.padEnd(21)} ${place.padEnd(28)} ${range(i.killed).padEnd(8)} ${String(i.independent_sources).padStart(3)} ${who}`);
        }
        console.log(`${list.length} incidents`);
      });
    });
};
