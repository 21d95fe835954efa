import { z } from 'zod';
import { IngestError } from './errors.ts';

/**
 * The sidecar metadata of the evaluation corpus format: `ID.txt` (line 1 the headline, a
 * blank line, the body) next to `ID.meta.json`. Unknown fields (group, kind, ...) are
 * allowed and ignored; the ones we read must have the right shape.
 */
export const CorpusMeta = z.looseObject({
  title: z.string().nullable().optional(),
  publisher: z.string().nullable().optional(),
  published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY').nullable().optional(),
  published_precision: z.enum(['day', 'month', 'year']).nullable().optional(),
  language: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
});
export type CorpusMeta = z.infer<typeof CorpusMeta>;

/** The sidecar name of a text file: `005.txt` -> `005.meta.json`. */
export function metaPathFor(textPath: string): string {
  return textPath.replace(/\.[^./\\]+$/, '') + '.meta.json';
}

/**
 * Parses a `.meta.json` sidecar.
 * @throws IngestError naming the problem (bad JSON, wrong field type).
 */
export function parseCorpusMeta(json: string): CorpusMeta {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new IngestError(`metadata is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = CorpusMeta.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestError(`metadata field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
