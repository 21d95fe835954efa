/**
 * Extraction: one document in, its strike reports out. Pure: a function of the text, the
 * publication date and the gazetteer/lexicon data (loaded lazily, once). No clock, no I/O.
 *
 * Pipeline: sentences -> triggers -> event vs background -> strikes (grouping) -> for each
 * strike its date, place, casualties, targets, attribution, each with the spans backing it.
 */
import type { Report } from '../domain/index.ts';
import type { Gazetteer, GeocodeResult } from '../gazetteer/types.ts';
import { splitSentences } from './sentences.ts';
import { findEventSentences } from './events.ts';
import { groupStrikes } from './grouping.ts';
import { assembleReport, type DocContext } from './assemble.ts';
import { findDates } from './collab.ts';
import { defaultGazetteer } from './gazetteer-default.ts';
import { datelineRanges, isSourcePlace } from './place.ts';

export interface ExtractInput {
  id: string;
  name: string;
  title: string | null;
  text: string;
  published: string | null;
  published_precision: 'day' | 'month' | 'year' | null;
  language: string | null;
}

export interface ExtractDeps {
  gazetteer?: Gazetteer | null;
}

/** Every strike the document reports as having happened, one Report each. Never throws on text. */
export function extract(doc: ExtractInput, deps: ExtractDeps = {}): Report[] {
  const text = doc.text;
  const sentences = splitSentences(text, doc.title);
  const analysis = findEventSentences(text, sentences);
  if (analysis.events.length === 0) return [];
  const gazetteer = deps.gazetteer === undefined ? defaultGazetteer() : deps.gazetteer;
  const published_precision = doc.published_precision ?? (doc.published ? precisionOf(doc.published) : null);
  const dctx = { published: doc.published, published_precision, language: doc.language };
  let geo: GeocodeResult[] = [];
  if (gazetteer) {
    try {
      geo = gazetteer.geocode(text.slice(0, analysis.tailStart));
    } catch {
      geo = [];
    }
  }
  const paragraphStarts = sentences.filter((s, i) => i === 0 || sentences[i - 1].paragraph !== s.paragraph).map((s) => s.span[0]);
  const datelines = datelineRanges(text, paragraphStarts);
  const strikeGeo = geo.filter(
    (r) => r.place.span !== null && !datelines.some(([s, e]) => r.place.span![0] >= s && r.place.span![1] <= e) && !isSourcePlace(text, r),
  );
  const ctx: DocContext = {
    doc,
    text,
    sentences,
    dates: findDates(text.slice(0, analysis.tailStart), dctx),
    dateCtx: dctx,
    geo,
    strikeGeo,
    gazetteer,
    analysis,
  };
  const groups = groupStrikes(analysis.events);
  const reports: Report[] = [];
  for (const g of groups) {
    const r = assembleReport(ctx, g, reports.length);
    if (r) reports.push(r);
  }
  return reports;
}

function precisionOf(published: string): 'day' | 'month' | 'year' {
  return published.length === 10 ? 'day' : published.length === 7 ? 'month' : 'year';
}
