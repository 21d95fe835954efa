import { Incident, type Decision } from '../domain/index.ts';
import type { Constraints } from './cluster.ts';

/**
 * Analyst decisions. Each is recorded with who, when and why, and is applied on top of the
 * automatic clustering every time it runs, so it survives re-clustering and re-ingestion:
 * merges and splits become constraints on clustering (in report ids, which re-ingestion
 * keeps), locks, grades and assessments are applied to the incident they name (following
 * id redirects). A reverted decision is kept in the history and simply no longer applied.
 */

export { LockableField, DecisionBody, Decision, NewDecision } from '../domain/index.ts';

/**
 * Clustering constraints from the active decisions, replayed in order: a merge keeps its
 * reports together and lifts earlier splits among them; a split keeps one report apart from
 * the incident's other reports and takes it out of earlier merges.
 */
export function constraintsFrom(decisions: readonly Decision[]): Constraints {
  let groups: string[][] = [];
  const cannot = new Map<string, [string, string]>();
  const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const d of [...decisions].sort((a, b) => a.id - b.id)) {
    if (d.reverted_at) continue;
    const b = d.body;
    if (b.kind === 'merge') {
      groups.push([...b.report_ids]);
      for (const x of b.report_ids) for (const y of b.report_ids) if (x < y) cannot.delete(key(x, y));
    } else if (b.kind === 'split') {
      groups = groups.map((g) => g.filter((r) => r !== b.report_id));
      for (const o of b.others) if (o !== b.report_id) cannot.set(key(b.report_id, o), [b.report_id, o]);
    }
  }
  return { mustLink: groups.filter((g) => g.length > 1), cannotLink: [...cannot.values()] };
}

/** Report ids a decision ties to others (for finding what an incremental update must load). */
export function linkedReportIds(decisions: readonly Decision[], reportId: string): string[] {
  const out = new Set<string>();
  for (const d of decisions) {
    if (d.reverted_at) continue;
    if (d.body.kind === 'merge' && d.body.report_ids.includes(reportId)) d.body.report_ids.forEach((r) => out.add(r));
  }
  out.delete(reportId);
  return [...out];
}

/**
 * Applies the active lock / grade / assess decisions aimed at this incident (`resolve` maps a
 * decision's incident id through redirects to the current id). Validates locked values
 * against the Incident schema so a bad lock fails loudly, naming the field.
 */
export function applyDecisions(incident: Incident, decisions: readonly Decision[], resolve: (id: string) => string): Incident {
  let out: Incident = { ...incident, locks: { ...incident.locks }, assessments: [...incident.assessments] };
  for (const d of [...decisions].sort((a, b) => a.id - b.id)) {
    if (d.reverted_at) continue;
    const b = d.body;
    if (b.kind === 'merge' || b.kind === 'split') continue;
    if (resolve(b.incident_id) !== incident.id) continue;
    if (b.kind === 'lock') {
      const parsed = Incident.shape[b.field].safeParse(b.value);
      if (!parsed.success) throw new Error(`decision ${d.id}: invalid value for ${b.field}: ${parsed.error.issues[0]?.message}`);
      out = { ...out, [b.field]: parsed.data };
      out.locks[b.field] = { value: parsed.data, reason: d.reason, by: d.by, at: d.at };
    } else if (b.kind === 'grade') {
      out.locks.grade = { value: b.grade, reason: d.reason, by: d.by, at: d.at };
      out = { ...out, grade: b.grade, grade_explanation: `${b.grade} by ${d.by}: ${d.reason} (automatic: ${incident.grade}; ${incident.grade_explanation})` };
    } else {
      out.assessments.push({ decision_id: d.id, belligerent: b.belligerent, confidence: b.confidence, rationale: b.rationale, by: d.by, at: d.at });
    }
  }
  return out;
}
