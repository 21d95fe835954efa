import type Database from 'better-sqlite3';
import { Report, type Span } from '../domain/index.ts';
import { stmt } from './db.ts';
import type { EvidenceQuote } from './ask-types.ts';

/**
 * Quoted evidence for an incident: for each of its reports, the sentences of the source
 * document that hold the spans backing who did it, what happened and where — the words a
 * reader needs to judge the claim. Spans come from extraction; a quote is the whole sentence
 * around a span (cut at 300 characters), so it reads on its own.
 */

/** Span keys in the order a reader wants them: attribution first, then the event, then the rest. */
const KEY_ORDER = ['attribution', 'attributions', 'stance', 'event', 'event_type', 'trigger', 'targets', 'target', 'place', 'killed', 'date'];

export function evidenceFor(db: Database.Database, incidentId: string, perReport = 2, max = 6): EvidenceQuote[] {
  const rows = stmt(
    db,
    `SELECT r.body, d.name, d.text FROM incident_reports ir JOIN reports r ON r.id = ir.report_id
     JOIN documents d ON d.id = r.document_id WHERE ir.incident_id = ? ORDER BY d.published, d.name, r.idx`,
  ).all(incidentId) as { body: string; name: string; text: string }[];
  const out: EvidenceQuote[] = [];
  for (const row of rows) {
    const parsed = Report.safeParse(JSON.parse(row.body));
    if (!parsed.success) continue;
    const report = parsed.data;
    const spans: Span[] = [];
    for (const a of report.attributions) if (a.span) spans.push(a.span);
    const keys = Object.keys(report.spans).sort((a, b) => rank(a) - rank(b));
    for (const k of keys) {
      const v = report.spans[k];
      if (isSpan(v)) spans.push(v);
      else for (const s of v) spans.push(s);
    }
    const seen = new Set<string>();
    let n = 0;
    for (const s of spans) {
      if (n >= perReport) break;
      const quote = sentenceAround(row.text, s);
      if (!quote || seen.has(quote)) continue;
      seen.add(quote);
      out.push({ document: row.name, quote });
      n++;
    }
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

const rank = (k: string) => {
  const i = KEY_ORDER.findIndex((p) => k === p || k.startsWith(p));
  return i < 0 ? KEY_ORDER.length : i;
};
const isSpan = (v: unknown): v is Span => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number';

/** The sentence (or line) holding a span, trimmed; null when the span is outside the text. */
export function sentenceAround(text: string, [start, end]: Span, maxLen = 300): string | null {
  if (start >= end || end > text.length) return null;
  const isBreak = (i: number) => /[.!?\n]/.test(text[i]) && (text[i] === '\n' || i + 1 >= text.length || /\s/.test(text[i + 1]));
  let s = start;
  while (s > 0 && !isBreak(s - 1)) s--;
  let e = end;
  while (e < text.length && !isBreak(e)) e++;
  if (e < text.length && text[e] !== '\n') e++;
  let quote = text.slice(s, e).replace(/\s+/g, ' ').trim();
  if (quote.length > maxLen) {
    // Keep the span and what surrounds it evenly.
    const spanText = text.slice(start, end).replace(/\s+/g, ' ').trim();
    const at = quote.indexOf(spanText);
    const from = Math.max(0, Math.min(at - Math.floor((maxLen - spanText.length) / 2), quote.length - maxLen));
    quote = (from > 0 ? '…' : '') + quote.slice(from, from + maxLen).trim() + (from + maxLen < quote.length ? '…' : '');
  }
  return quote || null;
}
