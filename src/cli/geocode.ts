import type { RegisterCommand } from './main.ts';
import { loadGazetteer } from '../gazetteer/index.ts';
import type { GeocodeResult } from '../gazetteer/types.ts';

/** One table row per place found: how it was written, what it resolved to, how. */
function row(r: GeocodeResult): string[] {
  const p = r.place;
  return [
    p.span ? `${p.span[0]}-${p.span[1]}` : '',
    p.name.replace(/\s+/g, ' '),
    r.kind,
    p.country ?? '',
    `${p.lat.toFixed(4)},${p.lon.toFixed(4)}`,
    String(Math.round(p.radius_km)),
    p.precision,
    (p.how ?? '') + (r.conflicts?.length ? `  CONFLICTS WITH ${r.conflicts.map((c) => c.name).join(', ')}` : ''),
  ];
}

function table(rows: string[][]): string {
  const head = ['span', 'written', 'kind', 'cc', 'lat,lon', 'km', 'precision', 'how'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

/** `strikewatch geocode "<text>"`: every place in a text and how it was resolved. */
export const registerGeocode: RegisterCommand = (program, setExit) => {
  program
    .command('geocode')
    .description('find and resolve the places in a text (offline GeoNames gazetteer)')
    .argument('<text>', 'the text to geocode')
    .option('--json', 'print the results as JSON')
    .option('--country <iso2...>', 'countries the text is about (a bias, not a filter), e.g. ML')
    .action((text: string, opts: { json?: boolean; country?: string[] }) => {
      const bad = (opts.country ?? []).find((c) => !/^[A-Za-z]{2}$/.test(c));
      if (bad) {
        console.error(`strikewatch geocode: --country "${bad}" is not an ISO 3166-1 alpha-2 code (e.g. ML, SO)`);
        setExit(2);
        return;
      }
      const results = loadGazetteer().geocode(text, { countryHints: opts.country?.map((c) => c.toUpperCase()) });
      if (opts.json) console.log(JSON.stringify(results, null, 2));
      else if (results.length === 0) console.log('no place found');
      else console.log(table(results.map(row)));
    });
};
