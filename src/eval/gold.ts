/**
 * The gold format of an annotated corpus: one JSON object per line,
 * `{"id": "<document id>", "incidents": [GoldIncident, ...]}` (see README, "eval").
 */
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const Count = z.number().int().nonnegative().nullable().optional();

export const GoldIncident = z.looseObject({
  event_type: z.string().nullable().optional(),
  date_start: Day.nullable().optional(),
  date_end: Day.nullable().optional(),
  country: z.string().nullable().optional(),
  place: z.string().nullable().optional(),
  lat: z.number().nullable().optional(),
  lon: z.number().nullable().optional(),
  radius_km: z.number().nonnegative().nullable().optional(),
  killed_min: Count,
  killed_max: Count,
  injured_min: Count,
  injured_max: Count,
  civilians_killed_min: Count,
  civilians_killed_max: Count,
  targets: z.array(z.string()).default([]),
  belligerent_claimed: z.string().nullable().optional(),
  belligerent_status: z.enum(['confirmed', 'claimed', 'suspected', 'denied', 'unknown']).nullable().optional(),
});
export type GoldIncident = z.infer<typeof GoldIncident>;

export const GoldDocument = z.object({ id: z.string().min(1), incidents: z.array(GoldIncident) });
export type GoldDocument = z.infer<typeof GoldDocument>;

/**
 * Parse a gold JSONL file's text. Blank lines are skipped.
 * @throws Error naming the file and line of the first bad record.
 */
export function parseGold(jsonl: string, fileName: string): GoldDocument[] {
  const out: GoldDocument[] = [];
  const lines = jsonl.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`${fileName}:${i + 1}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const parsed = GoldDocument.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${fileName}:${i + 1}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    out.push(parsed.data);
  }
  return out;
}
