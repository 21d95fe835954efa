/**
 * RFC 4180 CSV from a list of flat-ish objects: the header is the union of keys in first-seen
 * order; arrays of scalars are joined with "; ", objects become JSON. A cell starting with
 * = + - @ is prefixed with a quote so spreadsheets do not run it as a formula (CSV injection).
 */
export function toCsv(rows: Record<string, unknown>[]): string {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      cols.push(k);
    }
  }
  const lines = [cols.map(cell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => cell(r[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function cell(v: unknown): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (Array.isArray(v)) s = v.map((x) => (x !== null && typeof x === 'object' ? flat(x) : String(x))).join('; ');
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** {actor: "US", status: "alleged"} -> "US:alleged". */
function flat(o: object): string {
  return Object.values(o)
    .map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x)))
    .join(':');
}
