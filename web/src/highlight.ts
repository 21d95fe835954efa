/**
 * Cuts a document's text into segments at the boundaries of the spans that back a report's
 * fields, so each stretch of text knows which fields it supports. Overlapping spans (a place
 * inside a sentence that backs the date) give stretches with several fields. Pure, so the
 * rendering code only maps segments to text nodes and <mark> elements.
 */
export interface FieldSpan {
  field: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Fields this stretch backs; empty for plain text. */
  fields: string[];
}

/** Spans of a report's `spans` record (field -> span or spans) as a flat list. */
export function flattenSpans(spans: Record<string, [number, number] | [number, number][]>): FieldSpan[] {
  const out: FieldSpan[] = [];
  for (const [field, v] of Object.entries(spans)) {
    const list = Array.isArray(v[0]) ? (v as [number, number][]) : [v as [number, number]];
    for (const [start, end] of list) out.push({ field, start, end });
  }
  return out;
}

/**
 * Segments covering the whole text, in order. Spans outside the text are clipped to it and
 * empty or inverted spans are ignored, so a stale span can never break the page.
 */
export function segment(text: string, spans: readonly FieldSpan[]): Segment[] {
  const n = text.length;
  const valid = spans
    .map((s) => ({ field: s.field, start: Math.max(0, Math.min(n, s.start)), end: Math.max(0, Math.min(n, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, n]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const fields = [...new Set(valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.field))].sort();
    const prev = out[out.length - 1];
    if (prev && prev.fields.join() === fields.join()) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
    } else {
      out.push({ start, end, text: text.slice(start, end), fields });
    }
  }
  return out;
}
