/**
 * Seeded synthetic stream of reports for the clustering benchmark, with the truth.
 *
 * Each strike happens on one day in one town of one country, against one armed group, by one
 * belligerent, with a true toll and sometimes a distinctive detail. Each strike is reported
 * 1-7 times (mean about 3) by different documents, the way outlets really differ: dates off by
 * a day, windows of several days, a week or a month, sometimes no date; places jittered
 * within their radius, "near" the town, the district, the region, the whole country or
 * nothing but the country; tolls that differ ("at least 5" vs 7) or are missing; targets
 * sometimes unnamed; the same canonical actor ids whatever the language of the document.
 *
 * Hard negatives on purpose: a share of strikes has a twin on the same day in another town
 * 50-150 km away, against the same group, and a share a twin in the same town one to three
 * weeks later.
 */
import type { ClusterItem } from '../src/corroborate/item.ts';
import type { EventType } from '../src/domain/index.ts';
import { rng } from '../src/query/synthetic.ts';

export interface Synthetic {
  items: ClusterItem[];
  /** True incidents: groups of item ids. */
  truth: string[][];
  /** Per true incident (same index as truth): how it was made, for error breakdowns. */
  kinds: { kind: 'primary' | 'same-day' | 'same-town'; base: number }[];
  /** Per item id: how its date and place were blurred ("day/town", "month/country"...). */
  shapes: Map<string, string>;
  /** Per true incident (same index as truth): the strike itself, before any report blurred it. */
  strikes: TrueStrike[];
}

/** What really happened, as the generator drew it (for the oracle ceiling in cluster-ceiling.ts). */
export interface TrueStrike {
  country: string;
  lat: number;
  lon: number;
  day: number;
  target: string | null;
  belligerent: string;
  event: EventType;
  killed: number;
  detail: string | null;
}

const COUNTRIES = 60;
const TOWNS_PER_COUNTRY = 2000;
const GROUPS_PER_COUNTRY = 4;
const FIRST_DAY = 10957; // 2000-01-01
const DAYS = 365 * 26;
const DETAILS = ['convoy', 'wedding', 'four vehicles', 'pickup truck', 'funeral', 'market', 'motorcycle', 'compound', 'checkpoint', 'school'];
const EVENTS: EventType[] = ['drone_strike', 'airstrike', 'missile_strike', 'air_raid_unspecified'];
const EMPTY: string[] = [];

interface Country {
  code: string;
  lat: number;
  lon: number;
  towns: { lat: number; lon: number }[];
  groups: string[][];
}

interface Strike {
  country: Country;
  lat: number;
  lon: number;
  day: number;
  target: string[];
  belligerent: string[];
  event: EventType;
  killed: number;
  detail: string[];
}

export function generateReports(opts: { n: number; seed?: number }): Synthetic {
  const rand = rng(opts.seed ?? 42);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

  const countries: Country[] = [];
  for (let c = 0; c < COUNTRIES; c++) {
    // Countries of about 1000 × 1000 km between 35°S and 45°N, on a grid so they do not overlap.
    const lat = -30 + (c % 8) * 9.5;
    const lon = -15 + Math.floor(c / 8) * 12;
    const towns = Array.from({ length: TOWNS_PER_COUNTRY }, () => ({ lat: lat + rand() * 8, lon: lon + rand() * 9 }));
    const code = String.fromCharCode(65 + (c % 26)) + String.fromCharCode(65 + Math.floor(c / 26));
    const groups = Array.from({ length: GROUPS_PER_COUNTRY }, (_, g) => [`G${c}-${g}`]);
    countries.push({ code, lat: lat + 4, lon: lon + 4.5, towns, groups });
  }
  const belligerents = [['US'], ['FR'], ['TR'], ['AE'], ['NG'], ['ML']];
  const details = DETAILS.map((d) => [d]);

  const items: ClusterItem[] = [];
  const truth: string[][] = [];
  const kinds: Synthetic['kinds'] = [];
  const shapes = new Map<string, string>();
  const strikes: TrueStrike[] = [];
  let doc = 0;

  const report = (s: Strike, members: string[]) => {
    const id = `d${doc}:0`;
    const r = rand();
    let day0: number | null = s.day;
    let day1: number | null = s.day;
    if (r < 0.55) {
      if (rand() < 0.12) day0 = day1 = s.day + (rand() < 0.5 ? -1 : 1);
    } else if (r < 0.75) {
      const w = int(2, 6);
      day0 = s.day - int(0, w - 1);
      day1 = day0 + w - 1;
    } else if (r < 0.87) {
      day0 = s.day - int(0, 6);
      day1 = day0 + 6;
    } else if (r < 0.96) {
      day0 = s.day - int(0, 29);
      day1 = day0 + 29;
    } else day0 = day1 = null;
    const dateShape = r < 0.55 ? 'day' : r < 0.75 ? 'days' : r < 0.87 ? 'week' : r < 0.96 ? 'month' : 'undated';

    const q = rand();
    let lat: number | null = s.lat;
    let lon: number | null = s.lon;
    let radius: number | null;
    const jitter = (km: number) => {
      const a = rand() * 2 * Math.PI;
      const d = rand() * km;
      lat = s.lat + (d * Math.cos(a)) / 111;
      lon = s.lon + (d * Math.sin(a)) / (111 * Math.cos((s.lat * Math.PI) / 180));
    };
    if (q < 0.6) {
      radius = int(5, 15);
      jitter(4);
    } else if (q < 0.8) {
      radius = int(20, 40);
      jitter(15);
    } else if (q < 0.92) {
      radius = int(60, 150);
      jitter(50);
    } else if (q < 0.96) {
      radius = 600;
      lat = s.country.lat;
      lon = s.country.lon;
    } else {
      radius = lat = lon = null;
    }

    let killedMin: number | null = null;
    let killedMax: number | null = null;
    const k = rand();
    if (k < 0.4) killedMin = killedMax = Math.max(0, s.killed + int(-1, 1));
    else if (k < 0.7) killedMin = Math.max(0, s.killed - int(0, 2));
    else if (k < 0.8) killedMax = s.killed + int(0, 3);

    items.push({
      id,
      doc: `d${doc}`,
      day0,
      day1,
      lat,
      lon,
      radius,
      country: s.country.code,
      event: rand() < 0.7 ? s.event : pick(EVENTS),
      targets: rand() < 0.75 ? s.target : EMPTY,
      belligerents: rand() < 0.6 ? s.belligerent : EMPTY,
      killedMin,
      killedMax,
      details: s.detail.length > 0 && rand() < 0.6 ? s.detail : EMPTY,
    });
    members.push(id);
    const placeShape = q < 0.6 ? 'town' : q < 0.8 ? 'near' : q < 0.92 ? 'district' : q < 0.96 ? 'country' : 'unplaced';
    shapes.set(id, `${dateShape}/${placeShape}`);
    doc++;
  };

  const strike = (base?: Strike, kind?: 'same-day' | 'same-town'): Strike => {
    const country = base?.country ?? pick(countries);
    let town = pick(country.towns);
    let day = base ? base.day : FIRST_DAY + int(0, DAYS - 1);
    if (base && kind === 'same-day') {
      // Another town 50-150 km away (bearing at random).
      const a = rand() * 2 * Math.PI;
      const d = 50 + rand() * 100;
      town = { lat: base.lat + (d * Math.cos(a)) / 111, lon: base.lon + (d * Math.sin(a)) / (111 * Math.cos((base.lat * Math.PI) / 180)) };
    } else if (base && kind === 'same-town') {
      town = { lat: base.lat, lon: base.lon };
      day = base.day + int(7, 21);
    }
    return {
      country,
      lat: town.lat,
      lon: town.lon,
      day,
      target: base?.target ?? pick(country.groups),
      belligerent: pick(belligerents),
      event: pick(EVENTS),
      killed: int(0, 40),
      detail: rand() < 0.3 ? pick(details) : EMPTY,
    };
  };

  const emit = (s: Strike, kind: Synthetic['kinds'][number]['kind'] = 'primary', base = -1): number => {
    const members: string[] = [];
    const count = Math.min(7, 1 + Math.floor(-Math.log(1 - rand()) * 2));
    for (let k = 0; k < count && items.length < opts.n; k++) report(s, members);
    if (members.length === 0) return -1;
    truth.push(members);
    kinds.push({ kind, base });
    strikes.push({ country: s.country.code, lat: s.lat, lon: s.lon, day: s.day, target: s.target[0] ?? null, belligerent: s.belligerent[0], event: s.event, killed: s.killed, detail: s.detail[0] ?? null });
    return truth.length - 1;
  };

  while (items.length < opts.n) {
    const s = strike();
    const k = emit(s);
    const h = rand();
    if (h < 0.15) emit(strike(s, 'same-day'), 'same-day', k);
    else if (h < 0.25) emit(strike(s, 'same-town'), 'same-town', k);
  }
  return { items, truth, kinds, shapes, strikes };
}

/**
 * Only the reports of the first k countries (by code), at the full stream's density: a smaller
 * --n thins every country out and makes clustering easier than at 1M.
 */
export function sliceCountries(s: Synthetic, k: number): Synthetic {
  const codes = new Set([...new Set(s.items.map((it) => it.country))].sort().slice(0, k));
  const items = s.items.filter((it) => codes.has(it.country));
  const ids = new Set(items.map((it) => it.id));
  const truth: string[][] = [];
  const kinds: Synthetic['kinds'] = [];
  const strikes: TrueStrike[] = [];
  const renumber = new Map<number, number>();
  s.truth.forEach((g, i) => {
    if (!ids.has(g[0])) return;
    renumber.set(i, truth.length);
    truth.push(g);
    kinds.push({ ...s.kinds[i] });
    strikes.push(s.strikes[i]);
  });
  for (const kd of kinds) kd.base = renumber.get(kd.base) ?? -1;
  return { items, truth, kinds, shapes: s.shapes, strikes };
}
