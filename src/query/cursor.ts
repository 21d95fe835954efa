import { z } from 'zod';
import type { SortOrder } from './filters.ts';

/**
 * Keyset cursors: the (date_start, id) of the last incident of a page, the sort it belongs
 * to and how many incidents the pages up to it showed. Opaque to clients (base64url JSON); a cursor stays valid while incidents are
 * added or removed, unlike an offset.
 */
const CursorBody = z.object({
  d: z.string().nullable(),
  id: z.string().min(1),
  s: z.enum(['date_desc', 'date_asc']),
  /** Incidents on the pages up to this cursor (for a page's running total). */
  n: z.number().int().min(0).optional(),
});
export type CursorBody = z.infer<typeof CursorBody>;

export class CursorError extends Error {}

export function encodeCursor(c: CursorBody): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(s: string, sort: SortOrder): CursorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError(`cursor "${s.slice(0, 40)}" is not one this server issued`);
  }
  const r = CursorBody.safeParse(parsed);
  if (!r.success) throw new CursorError(`cursor "${s.slice(0, 40)}" is not one this server issued`);
  if (r.data.s !== sort) throw new CursorError(`cursor was issued for sort=${r.data.s}, not sort=${sort}`);
  return r.data;
}
