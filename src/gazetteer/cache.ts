import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GazData } from './data.ts';
import { buildGazetteer, sourceFiles } from './build.ts';

/**
 * On-disk cache of the built gazetteer: one binary file,
 *   [u32 header length][JSON header][padding to 8][typed-array sections...]
 * The file name carries a hash of the source files' sizes and mtimes plus CACHE_VERSION,
 * so a new GeoNames release or a change of the build rules makes a new file and the old
 * one is simply not read again. Loading is a read plus typed-array views: no parsing.
 */

/** Bump when build.ts or normalize.ts change what goes into the index. */
export const CACHE_VERSION = 'gz-16';

const TYPED = { Int32Array, Float32Array, Uint32Array, Uint16Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;
type Typed = Int32Array | Float32Array | Uint32Array | Uint16Array | Uint8Array;

interface Header {
  version: string;
  n: number;
  firstRegion: number;
  fcodes: string[];
  countries: string[];
  admin1Codes: string[];
  admin1Names: string[];
  countryPlace: [string, number][];
  sections: { name: string; type: TypedName | 'utf8'; offset: number; length: number }[];
}

function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** The cache file path for the current sources and code version. */
export function cachePath(dir = join(repoRoot(), '.cache')): string {
  const h = createHash('sha256');
  h.update(CACHE_VERSION);
  for (const f of sourceFiles()) {
    const st = statSync(f);
    h.update(`${f}:${st.size}:${st.mtimeMs}`);
  }
  return join(dir, `gazetteer-${h.digest('hex').slice(0, 16)}.bin`);
}

/** Serialises the gazetteer into one buffer. */
export function serialize(d: GazData): Buffer {
  const arrays: [string, Typed][] = [
    ['gid', d.gid], ['lat', d.lat], ['lon', d.lon], ['population', d.population], ['radius', d.radius],
    ['fcode', d.fcode], ['country', d.country], ['admin1', d.admin1], ['extent', d.extent],
    ['keyOff', d.index.keyOff], ['postOff', d.index.postOff], ['postings', d.index.postings], ['table', d.index.table],
    ['firstBits', d.index.firstBits],
  ];
  const strings: [string, Buffer][] = [
    ['names', Buffer.from(d.names.join('\n'), 'utf8')],
    ['keyText', Buffer.from(d.index.keyText, 'utf8')],
  ];
  const sections: Header['sections'] = [];
  const chunks: Buffer[] = [];
  let off = 0;
  const align = () => {
    const pad = (8 - (off % 8)) % 8;
    if (pad) {
      chunks.push(Buffer.alloc(pad));
      off += pad;
    }
  };
  for (const [name, arr] of arrays) {
    align();
    sections.push({ name, type: arr.constructor.name as TypedName, offset: off, length: arr.length });
    chunks.push(Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
    off += arr.byteLength;
  }
  for (const [name, buf] of strings) {
    align();
    sections.push({ name, type: 'utf8', offset: off, length: buf.length });
    chunks.push(buf);
    off += buf.length;
  }
  const header: Header = {
    version: CACHE_VERSION, n: d.n, firstRegion: d.firstRegion, fcodes: d.fcodes, countries: d.countries,
    admin1Codes: d.admin1Codes, admin1Names: d.admin1Names, countryPlace: [...d.countryPlace], sections,
  };
  const hb = Buffer.from(JSON.stringify(header), 'utf8');
  const pre = Buffer.alloc(4);
  pre.writeUInt32LE(hb.length);
  let base = 4 + hb.length;
  const basePad = (8 - (base % 8)) % 8;
  base += basePad;
  return Buffer.concat([pre, hb, Buffer.alloc(basePad), ...chunks]);
}

/** Reads a buffer written by `serialize`. Throws with the file name on a malformed file. */
export function deserialize(buf: Buffer, file = 'gazetteer cache'): GazData {
  const hlen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 4, 4 + hlen)) as Header;
  if (header.version !== CACHE_VERSION) throw new Error(`${file}: cache version ${header.version}, expected ${CACHE_VERSION}`);
  let base = 4 + hlen;
  base += (8 - (base % 8)) % 8;
  // typed views need 8-aligned offsets: use the buffer in place when it is (readAligned),
  // else copy the data part once
  let ab: ArrayBuffer;
  let at: number;
  if ((buf.byteOffset + base) % 8 === 0 && buf.buffer instanceof ArrayBuffer) {
    ab = buf.buffer;
    at = buf.byteOffset + base;
  } else {
    ab = new ArrayBuffer(buf.length - base);
    new Uint8Array(ab).set(buf.subarray(base));
    at = 0;
  }
  const get = (name: string): Typed | string => {
    const s = header.sections.find((x) => x.name === name);
    if (!s) throw new Error(`${file}: missing section ${name}`);
    if (s.type === 'utf8') return Buffer.from(ab, at + s.offset, s.length).toString('utf8');
    return new TYPED[s.type](ab, at + s.offset, s.length);
  };
  return {
    n: header.n,
    gid: get('gid') as Int32Array,
    lat: get('lat') as Float32Array,
    lon: get('lon') as Float32Array,
    population: get('population') as Uint32Array,
    radius: get('radius') as Float32Array,
    fcode: get('fcode') as Uint8Array,
    country: get('country') as Uint16Array,
    admin1: get('admin1') as Uint16Array,
    names: (get('names') as string).split('\n'),
    fcodes: header.fcodes,
    countries: header.countries,
    admin1Codes: header.admin1Codes,
    admin1Names: header.admin1Names,
    extent: get('extent') as Float32Array,
    firstRegion: header.firstRegion,
    countryPlace: new Map(header.countryPlace),
    index: {
      keyText: get('keyText') as string,
      keyOff: get('keyOff') as Uint32Array,
      postOff: get('postOff') as Uint32Array,
      postings: get('postings') as Uint32Array,
      table: get('table') as Int32Array,
      firstBits: get('firstBits') as Int32Array,
    },
  };
}

/** Reads a whole file into a fresh, 8-aligned buffer (so typed arrays can view it in place). */
function readAligned(file: string): Buffer {
  const size = statSync(file).size;
  const buf = Buffer.from(new ArrayBuffer(size));
  const fd = openSync(file, 'r');
  try {
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n <= 0) throw new Error(`${file}: short read at ${off} of ${size} bytes`);
      off += n;
    }
  } finally {
    closeSync(fd);
  }
  return buf;
}

export interface LoadStats {
  built: boolean;
  buildMs: number;
  loadMs: number;
  bytes: number;
  file: string;
}

/**
 * Loads the gazetteer from the cache, building and writing it first if missing or stale.
 * A cache that cannot be written (read-only checkout) is not an error: the built data is used.
 */
export function loadOrBuild(file = cachePath()): { data: GazData; stats: LoadStats } {
  if (existsSync(file)) {
    const t0 = performance.now();
    try {
      const buf = readAligned(file);
      const data = deserialize(buf, file);
      return { data, stats: { built: false, buildMs: 0, loadMs: performance.now() - t0, bytes: buf.length, file } };
    } catch {
      // fall through: rebuild a broken cache
    }
  }
  const t0 = performance.now();
  const data = buildGazetteer();
  const buildMs = performance.now() - t0;
  const buf = serialize(data);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, buf);
    renameSync(tmp, file);
    // older builds (other sources or code versions) are never read again
    for (const f of readdirSync(dirname(file))) {
      const full = join(dirname(file), f);
      if (/^gazetteer-[0-9a-f]{16}\.bin$/.test(f) && full !== file) rmSync(full, { force: true });
    }
  } catch {
    // read-only location: keep going with the in-memory build
  }
  return { data, stats: { built: true, buildMs, loadMs: 0, bytes: buf.length, file } };
}
