import type { GazData } from './data.ts';
import { NO_ADMIN1 } from './data.ts';
import type { PlaceCandidate } from './types.ts';

/**
 * Candidate places for a name and their prior: feature class, population, and whether the
 * name matched the place's primary name or only an alternate one. Country focus is added
 * on top by resolve.ts.
 */

const FCODE_PRIOR: Record<string, number> = {
  PCLI: 3, ADM1: 1.2, ADM2: 0.5, PPLC: 1.6, PPLA: 1.1, PPLA2: 0.6, PPLA3: 0.25, PPLA4: 0.1, PPL: 0, PPLX: -0.4, PPLL: -0.2,
};
const MAX_CANDIDATES = 40;

export interface Scored {
  place: number;
  primary: boolean;
  prior: number;
  score: number;
}


export function fcodeOf(d: GazData, p: number): string {
  return d.fcodes[d.fcode[p]];
}

export function candidateOf(d: GazData, p: number): PlaceCandidate {
  const a1 = d.admin1[p];
  const fc = fcodeOf(d, p);
  return {
    geonames_id: d.gid[p] >= 0 ? d.gid[p] : null,
    name: d.names[p],
    country: d.countries[d.country[p]] || null,
    admin1: a1 === NO_ADMIN1 ? null : d.admin1Names[a1],
    lat: round(d.lat[p]),
    lon: round(d.lon[p]),
    feature_class: fc.startsWith('P') ? 'P' : 'A',
    feature_code: fc,
    population: d.population[p],
    radius_km: Math.round(d.radius[p] * 10) / 10,
  };
}

export function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function prior(d: GazData, p: number, primary: boolean): number {
  const fc = fcodeOf(d, p);
  return (FCODE_PRIOR[fc] ?? 0) + Math.log10(d.population[p] + 1) * 0.35 + (primary ? 0.8 : 0);
}

/** Candidates of one key's postings, best prior first, at most MAX_CANDIDATES. */
export function candidatesOf(d: GazData, postings: Uint32Array, weights: Map<string, number>): Scored[] {
  return scoreBase(d, baseOf(d, postings), weights);
}

export interface Base {
  place: number;
  primary: boolean;
  base: number;
  cc: string;
}

/** Prior of every place of a key, best first (computed once per key and text). */
export function baseOf(d: GazData, postings: Uint32Array): Base[] {
  const all: Base[] = new Array(postings.length);
  for (let i = 0; i < postings.length; i++) {
    const code = postings[i];
    const p = code >>> 1;
    const primary = (code & 1) === 1;
    all[i] = { place: p, primary, base: prior(d, p, primary), cc: d.countries[d.country[p]] };
  }
  return all.sort((a, b) => b.base - a.base);
}

/**
 * Adds the country focus to the priors. Long lists (a name shared by hundreds of villages)
 * are cut to the best priors plus every place in a country the text is about.
 */
export function scoreBase(d: GazData, base: Base[], weights: Map<string, number>): Scored[] {
  const out: Scored[] = [];
  for (let i = 0; i < base.length; i++) {
    const b = base[i];
    const w = weights.get(b.cc) ?? 0;
    if (i >= MAX_CANDIDATES && w === 0) continue;
    const pr = b.base + 2 * w;
    out.push({ place: b.place, primary: b.primary, prior: pr, score: pr });
  }
  out.sort((a, b) => b.prior - a.prior);
  return out.length > MAX_CANDIDATES ? out.slice(0, MAX_CANDIDATES) : out;
}

export function isRegionCode(fc: string): boolean {
  return fc === 'ADM1' || fc === 'ADM2' || fc === 'PCLI';
}

