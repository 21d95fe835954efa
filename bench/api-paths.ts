/** The list requests of bench/api.bench.ts (also used to profile queries without HTTP). */
import { rng } from '../src/query/synthetic.ts';

export type Kind = 'country' | 'grade_type' | 'target' | 'near' | 'dates' | 'mixed';

/** Realistic dashboard filters: a date window plus a country, grade, type, target or place. */
export function listPaths(count: number, seed: number, kind: Kind): string[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const y = 2002 + Math.floor(r() * 23);
    const m = 1 + Math.floor(r() * 12);
    const from = `${y}-${String(m).padStart(2, '0')}-01`;
    const to = `${y + Math.floor(r() * 3)}-12-31`;
    const base = `/api/incidents?limit=50&event_date_from=${from}&event_date_to=${to}`;
    const by: Record<Exclude<Kind, 'mixed'>, () => string> = {
      country: () => `${base}&country=${pick(['ML', 'SO', 'YE', 'PK', 'AF', 'SY', 'LY', 'NG', 'BF'])}`,
      grade_type: () =>
        pick([
          `${base}&country=${pick(['ML', 'SO', 'YE'])}&grade=${pick(['confirmed', 'weak', 'contested'])}`,
          `${base}&event_type=drone_strike&country=${pick(['SO', 'PK', 'YE'])}`,
          `/api/incidents?limit=50&country=${pick(['ML', 'SO'])}&belligerent=US&status=acknowledged,alleged`,
        ]),
      target: () => `${base}&target=${pick(['AQIM', 'al-Shabaab', 'Taliban'])}`,
      near: () => `${base}&near=${pick(['17.5,-2.5', '2.5,43.5', '15,46'])},${pick([25, 50, 100])}`,
      dates: () => base,
    };
    const k = kind === 'mixed' ? pick(Object.keys(by) as Exclude<Kind, 'mixed'>[]) : kind;
    out.push(by[k]());
  }
  return out;
}
