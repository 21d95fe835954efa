import type { AttributionTally, Grade } from '../domain/index.ts';

/**
 * The automatic grade of an incident, from its claims, explained in words.
 *
 * | condition (first that holds)                                          | grade      |
 * |-----------------------------------------------------------------------|------------|
 * | a belligerent acknowledged it                                         | confirmed  |
 * | a named belligerent denies what another source attributes to it, or   | contested  |
 * | two or more belligerents are each alleged to have done it             |            |
 * | two or more independent sources                                       | fair       |
 * | one source                                                            | weak       |
 *
 * `discounted` is never automatic: only an analyst rules a strike out (a grade decision).
 */
export interface GradeResult {
  grade: Grade;
  explanation: string;
}

export function gradeIncident(attributions: readonly AttributionTally[], independentSources: number): GradeResult {
  const acknowledged = attributions.filter((a) => a.status === 'acknowledged');
  const denied = attributions.filter(
    (a) => a.status === 'denied' && a.stances.some((s) => s.stance === 'claims' || s.stance === 'alleges' || s.stance === 'suspected'),
  );
  const alleged = attributions.filter((a) => a.status === 'alleged');

  const parts: string[] = [`${independentSources} independent source${independentSources === 1 ? '' : 's'}`];
  if (acknowledged.length > 0) parts.push(`acknowledged by ${names(acknowledged)}`);
  else parts.push('no belligerent has acknowledged');
  for (const a of alleged) {
    const n = new Set(a.stances.filter((s) => s.stance === 'alleges' || s.stance === 'claims').map((s) => s.document)).size;
    parts.push(`attributed to ${a.actor.name} by ${n} document${n === 1 ? '' : 's'}`);
  }
  for (const a of attributions.filter((t) => t.status === 'suspected')) parts.push(`${a.actor.name} suspected`);
  for (const a of attributions.filter((t) => t.status === 'denied')) parts.push(`${a.actor.name} denied it`);
  const silent = new Set<string>();
  for (const a of attributions)
    for (const s of a.stances) if (s.stance === 'no_comment') silent.add(s.source ?? `${a.actor.name} officials`);
  for (const who of [...silent].sort()) parts.push(`${who} declined to comment`);

  let grade: Grade;
  if (acknowledged.length > 0) grade = 'confirmed';
  else if (denied.length > 0 || alleged.length >= 2) grade = 'contested';
  else if (independentSources >= 2) grade = 'fair';
  else grade = 'weak';
  return { grade, explanation: parts.join('; ') };
}

function names(ts: readonly AttributionTally[]): string {
  return ts.map((t) => t.actor.name).join(', ');
}
