import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { incidentView, type IncidentView } from '../corroborate/service.ts';
import type { CasualtyEstimate } from '../domain/index.ts';

const fig = (c: CasualtyEstimate) =>
  c.low === null && c.high === null ? 'unknown' : `low ${c.low ?? '?'}, best ${c.best ?? '?'}, high ${c.high ?? '?'}`;

/** The full view as text: fields, sources with their quoted words, decisions. */
export function renderIncident(v: IncidentView): string {
  const i = v.incident;
  const out: string[] = [];
  out.push(`${i.id}  ${i.grade.toUpperCase()}  ${i.event_type}`);
  out.push(`  ${i.grade_explanation}`);
  if (i.redirected_from.length > 0) out.push(`  merged from: ${i.redirected_from.join(', ')}`);
  out.push(`date      ${i.date ? `${i.date.start}${i.date.end !== i.date.start ? ` .. ${i.date.end}` : ''} (${i.date.precision})` : 'unknown'}`);
  out.push(`place     ${i.place ? `${i.place.name} (${i.place.lat.toFixed(3)}, ${i.place.lon.toFixed(3)}) ±${i.place.radius_km} km, ${i.place.precision}` : 'unknown'}; country ${i.country ?? '??'}`);
  out.push(`killed    ${fig(i.killed)}`);
  for (const c of i.killed.claims) out.push(`            ${c.document}: ${c.min ?? '?'}..${c.max ?? '?'}`);
  out.push(`injured   ${fig(i.injured)}`);
  out.push(`civilians ${fig(i.civilians_killed)}`);
  out.push(`targets   ${i.targets.map((t) => t.name).join(', ') || 'none named'}`);
  out.push('attribution');
  for (const a of i.attributions) {
    out.push(`  ${a.actor.name}: ${a.status}`);
    for (const s of a.stances) out.push(`    ${s.stance} in ${s.document}${s.source ? ` (${s.source})` : ''}`);
  }
  for (const [field, l] of Object.entries(i.locks)) out.push(`locked ${field} = ${JSON.stringify(l.value)} by ${l.by}: ${l.reason}`);
  for (const a of i.assessments) out.push(`assessment #${a.decision_id}: ${a.belligerent} (${a.confidence}) by ${a.by}: ${a.rationale}`);
  out.push(`sources (${i.independent_sources} independent)`);
  for (const r of v.reports) {
    const d = r.document;
    out.push(`  ${d.name} [${r.report.id}] ${d.publisher ?? ''} ${d.published ?? ''} ${d.language ?? ''}`.trimEnd());
    if (d.title) out.push(`    "${d.title}"`);
    if (d.url) out.push(`    ${d.url}`);
    for (const [field, qs] of Object.entries(r.quotes)) for (const q of qs) out.push(`    ${field}: «${q.replace(/\s+/g, ' ')}»`);
  }
  out.push('history');
  if (v.decisions.length === 0) out.push('  no analyst decisions');
  for (const d of v.decisions) {
    const { kind, ...rest } = d.body;
    out.push(`  #${d.id} ${d.at} ${d.by}: ${kind} ${JSON.stringify(rest)} — ${d.reason}`);
    if (d.reverted_at) out.push(`     reverted ${d.reverted_at} by ${d.reverted_by}: ${d.revert_reason ?? ''}`);
  }
  return out.join('\n');
}

/** `strikewatch incident <id>`: one incident in full, with its sources and their words. */
export const registerIncident: RegisterCommand = (program, setExit) => {
  program
    .command('incident')
    .description('show one incident: derived fields, every source with the words that support it, decisions')
    .argument('<id>', 'incident id, e.g. SW-ML-2012-0001 (merged ids redirect)')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }, cmd) => {
      await withStore(cmd, async (store) => {
        const v = await incidentView(store, id);
        if (!v) {
          console.error(`strikewatch: no incident ${id}`);
          setExit(1);
          return;
        }
        console.log(flags.json ? JSON.stringify(v, null, 2) : renderIncident(v));
      });
    });
};
