import type { Store } from '../store/store.ts';
import type { AttributionStatus, Incident, Report, Stance } from '../domain/index.ts';
import { ingestSources } from '../pipeline.ts';
import { sqliteOf } from './db.ts';
import { insertIncidents } from './synthetic.ts';

/**
 * A small real corpus for end-to-end tests of the query layer, `ask` and the API: real
 * articles from the shared seed and dev set, ingested through the real pipeline, with
 * reports and incidents written into the real tables the way the extraction and
 * corroboration stages write them. Each span is located in the document's stored text by
 * its words, so every quoted piece of evidence is the article's own text; a phrase that is
 * not in the text is an error naming the document and the phrase.
 */
export const SHARED = new URL('../../../shared/', import.meta.url);

interface Claim {
  file: string;
  event_type: Report['event_type'];
  date: [string, string];
  place: { name: string; country: string; lat: number; lon: number; radius_km: number };
  killed: number | null;
  targets: string[];
  /** belligerent, stance, the words that carry it */
  attributions: [string, Stance, string][];
  /** field -> words in the text */
  spans: Record<string, string>;
  grade: Incident['grade'];
  status: Record<string, AttributionStatus>;
}

/** What the corroboration stage would make of these four articles, written by hand. */
const CLAIMS: Claim[] = [
  {
    file: 'seed/000_f697bc08346bf57f.txt',
    event_type: 'airstrike',
    date: ['2012-06-18', '2012-06-25'],
    place: { name: 'about 200km north of Timbuktu near Taoudenni', country: 'ML', lat: 20.6, lon: -3.6, radius_km: 350 },
    killed: 7,
    targets: ['AQIM-Hammam'],
    attributions: [
      ['US', 'suspected', 'Did the US launch a drone strike on AQIM in northern Mali?'],
      ['US', 'no_comment', 'would neither confirm nor deny the reported strike'],
    ],
    spans: { event: 'came under an air attack', place: 'about 200km north of Timbuktu near Taoudenni', killed: 'killed seven fighters' },
    grade: 'weak',
    status: { US: 'suspected' },
  },
  {
    file: 'eval/dev/005.txt',
    event_type: 'airstrike',
    date: ['2022-10-01', '2022-10-01'],
    place: { name: 'close to Jilib', country: 'SO', lat: 0.49, lon: 42.78, radius_km: 15 },
    killed: 1,
    targets: ['al-Shabaab'],
    attributions: [['US', 'confirms', 'said it struck on Saturday']],
    spans: { event: 'died in an airstrike carried out by American forces', place: 'close to Jilib' },
    grade: 'confirmed',
    status: { US: 'acknowledged' },
  },
  {
    file: 'eval/dev/101.txt',
    event_type: 'drone_strike',
    date: ['2024-12-01', '2024-12-01'],
    place: { name: 'Tinzaouaten', country: 'ML', lat: 19.95, lon: 2.93, radius_km: 10 },
    killed: 2,
    targets: ['CSP-DPA'],
    attributions: [['ML', 'confirms', "Mali's government says a drone strike on Tinzaouaten"]],
    spans: { event: 'a drone strike on Tinzaouaten', place: 'Tinzaouaten' },
    grade: 'confirmed',
    status: { ML: 'acknowledged' },
  },
  {
    file: 'eval/dev/143.txt',
    event_type: 'drone_strike',
    date: ['2024-03-17', '2024-03-17'],
    place: { name: 'Amasrakad', country: 'ML', lat: 16.3, lon: 0.2, radius_km: 30 },
    killed: 13,
    targets: [],
    attributions: [['ML', 'confirms', 'had helped neutralise many terrorists']],
    spans: { event: 'drone strikes in Mali', place: 'the Amasrakad neighborhood was bombed from the air at night' },
    grade: 'fair',
    status: { ML: 'acknowledged' },
  },
];

export interface Fixture {
  /** Incident ids in CLAIMS order. */
  ids: string[];
  /** Document names in CLAIMS order. */
  documents: string[];
}

export async function loadFixture(store: Store): Promise<Fixture> {
  const paths = CLAIMS.map((c) => new URL(c.file, SHARED).pathname);
  const summary = await ingestSources(store, paths, {}, {});
  if (summary.failed.length) throw new Error(`fixture: ${summary.failed.map((f) => `${f.input}: ${f.reason}`).join('; ')}`);
  const db = sqliteOf(store);
  const ids: string[] = [];
  const documents: string[] = [];
  const incidents: Incident[] = [];
  for (const [n, c] of CLAIMS.entries()) {
    const path = new URL(c.file, SHARED).pathname;
    const row = db.prepare('SELECT id, name, text FROM documents WHERE source = ? OR source LIKE ?').get(path, `%${c.file.split('/').pop()}`) as
      | { id: string; name: string; text: string }
      | undefined;
    if (!row) throw new Error(`fixture: ${c.file} was not stored`);
    const find = (words: string): [number, number] => {
      const at = row.text.indexOf(words);
      if (at < 0) throw new Error(`fixture: "${words}" is not in ${c.file}`);
      return [at, at + words.length];
    };
    const spans: Report['spans'] = {};
    for (const [k, w] of Object.entries(c.spans)) spans[k] = find(w);
    const report: Report = {
      document_id: row.id,
      index: 0,
      event_type: c.event_type,
      date: { start: c.date[0], end: c.date[1], precision: c.date[0] === c.date[1] ? 'day' : 'week' },
      place: { ...c.place, span: find(c.spans.place), geonames_id: null, canonical_name: null, admin1: null, precision: 'near' },
      place_alternatives: [],
      killed: c.killed === null ? null : { min: c.killed, max: c.killed },
      injured: null,
      civilians_killed: null,
      targets: c.targets.map((id) => ({ id, name: id })),
      attributions: c.attributions.map(([id, stance, words]) => ({ actor: { id, name: id }, stance, source: null, span: find(words) })),
      details: [],
      spans,
      confidence: 0.8,
    };
    await store.replaceReports(row.id, [report]);
    const reportId = `${row.id}:0`;
    const id = `SW-${c.place.country}-${c.date[0].slice(0, 4)}-${String(n + 1).padStart(4, '0')}`;
    const est = (k: number | null) => ({ low: k, best: k, high: k, claims: [{ report_id: reportId, document: row.name, min: k, max: k }] });
    incidents.push({
      id,
      grade: c.grade,
      grade_explanation: 'fixture',
      event_type: c.event_type,
      date: report.date,
      place: report.place,
      country: c.place.country,
      killed: est(c.killed),
      injured: est(null),
      civilians_killed: est(null),
      targets: report.targets,
      attributions: Object.entries(c.status).map(([actor, status]) => ({
        actor: { id: actor, name: actor },
        status,
        stances: report.attributions.filter((a) => a.actor.id === actor).map((a) => ({ stance: a.stance, report_id: reportId, document: row.name, source: null })),
      })),
      report_ids: [reportId],
      independent_sources: 1,
      locks: {},
      assessments: [],
      redirected_from: [],
    });
    ids.push(id);
    documents.push(row.name);
  }
  insertIncidents(db, incidents);
  return { ids, documents };
}
