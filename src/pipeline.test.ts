import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document, Report } from './domain/index.ts';
import { SqliteStore } from './store/sqlite/sqlite-store.ts';
import { ingestSources, type IngestEvent, type Stages } from './pipeline.ts';
import { sha256 } from './ingest/normalize.ts';
import { updateIncidents } from './corroborate/service.ts';

let root: string;
let dir: string;
let store: SqliteStore;

/** A small real extraction stage: one report per paragraph that mentions a strike. */
function strikeParagraphs(doc: Document): Report[] {
  const reports: Report[] = [];
  let offset = 0;
  for (const para of doc.text.split('\n\n')) {
    const at = para.search(/\bstrike\b/i);
    if (at >= 0) {
      reports.push({
        document_id: doc.id, index: reports.length, event_type: 'airstrike', date: null, place: null,
        place_alternatives: [], killed: null, injured: null, civilians_killed: null, targets: [], attributions: [],
        details: [], spans: { event_type: [offset + at, offset + at + 6] }, confidence: 0.5,
      });
    }
    offset += para.length + 2;
  }
  return reports;
}

const A = 'First report\n\nA strike hit a depot on Monday.\n\nAnother strike followed at dawn.';
const B = 'Second report\n\nThe strike killed two people near the river.';
const C = 'Third report\n\nOfficials gave no details.';

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'sw-pipeline-'));
  dir = join(root, 'docs');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), A);
  writeFileSync(join(dir, 'b.txt'), B);
  writeFileSync(join(dir, 'c.txt'), C);
  store = await SqliteStore.open(join(root, 'db.sqlite'));
});

afterEach(async () => {
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('ingestSources', () => {
  it('stores documents with their reports, and a second run changes nothing', async () => {
    const events: IngestEvent[] = [];
    const stages: Stages = { extract: strikeParagraphs };
    const first = await ingestSources(store, [dir], {}, stages, (e) => events.push(e));
    expect(first).toMatchObject({ inputs: 3, ingested: 3, unchanged: 0, failed: [], skipped: [] });
    expect(first.documentIds).toEqual([sha256(A), sha256(B), sha256(C)]);
    expect(events[0]).toEqual({ type: 'planned', inputs: 3 });
    expect(events.filter((e) => e.type === 'document').map((e) => e.type === 'document' && [e.name, e.reports])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 0],
    ]);
    expect(events.at(-1)).toEqual({ type: 'progress', done: 3, total: 3 });
    expect(await store.countReports()).toBe(3);
    const reportA = (await store.listReports({ documentId: sha256(A) }))[0];
    const [s, e] = reportA.spans.event_type as [number, number];
    expect(A.slice(s, e)).toBe('strike');

    const second = await ingestSources(store, [dir], {}, stages);
    expect(second).toMatchObject({ ingested: 0, unchanged: 3, documentIds: [] });
    expect(await store.countDocuments()).toBe(3);
  });

  it('fails only the document whose extraction throws, and leaves nothing of it behind', async () => {
    const stages: Stages = {
      extract: (doc) => {
        if (doc.name === 'b') throw new Error('no sentence boundary found');
        return strikeParagraphs(doc);
      },
    };
    const out = await ingestSources(store, [dir], {}, stages);
    expect(out.ingested).toBe(2);
    expect(out.failed).toEqual([{ input: join(dir, 'b.txt'), reason: 'extraction failed: no sentence boundary found' }]);
    expect(await store.getDocument(sha256(B))).toBeNull();
    expect(await store.getRaw(sha256(Buffer.from(B)))).toBeNull();
    expect(await store.countReports()).toBe(2);
    // Fixed extractor: the failed document goes in on the next run, the others are unchanged.
    const again = await ingestSources(store, [dir], {}, { extract: strikeParagraphs });
    expect(again).toMatchObject({ ingested: 1, unchanged: 2, failed: [] });
  });

  it('re-extracts stored documents only when asked', async () => {
    await ingestSources(store, [dir], {}, { extract: strikeParagraphs });
    const onePerDoc: Stages = { extract: (doc) => strikeParagraphs(doc).slice(0, 1) };
    const plain = await ingestSources(store, [dir], {}, onePerDoc);
    expect(plain.reextracted).toBe(0);
    expect(await store.countReports()).toBe(3);
    const re = await ingestSources(store, [dir], { reextract: true }, onePerDoc);
    expect(re).toMatchObject({ reextracted: 3, unchanged: 0, ingested: 0 });
    expect(await store.countReports()).toBe(2);
  });

  it('corroborates what changed, batch by batch, and reports a corroboration failure without losing documents', async () => {
    const calls: string[][] = [];
    const stages: Stages = {
      extract: strikeParagraphs,
      corroborate: async (s, ids) => {
        expect(s).toBe(store);
        calls.push(ids);
        await updateIncidents(s, ids);
      },
    };
    await ingestSources(store, [dir], { batchSize: 2 }, stages);
    expect(calls).toEqual([[sha256(A), sha256(B)], [sha256(C)]]);
    calls.length = 0;
    await ingestSources(store, [dir], {}, stages);
    expect(calls).toEqual([]); // nothing changed, nothing to corroborate

    writeFileSync(join(dir, 'd.txt'), 'Fourth report\n\nA strike on a bridge.');
    const out = await ingestSources(store, [dir], {}, {
      corroborate: async () => {
        throw new Error('clustering index missing');
      },
    });
    expect(out.failed).toEqual([{ input: 'corroboration of 1 document(s)', reason: 'clustering index missing' }]);
    expect(await store.countDocuments()).toBe(4);
  });

  it('goes on past bad inputs and lists them', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'notes.json'), '{}');
    const out = await ingestSources(store, [dir, join(dir, 'missing.txt')], {}, {});
    expect(out.ingested).toBe(3);
    expect(out.failed).toEqual([
      { input: join(dir, 'empty.txt'), reason: 'empty file' },
      { input: join(dir, 'missing.txt'), reason: 'no such file or directory' },
    ]);
    expect(out.skipped).toEqual([{ input: join(dir, 'notes.json'), reason: 'JSON data, not a document' }]);
  });

  it('stores one raw copy of a feed and one document per item', async () => {
    const rss = `<rss version="2.0"><channel><title>W</title>
      <item><title>One</title><link>https://w.example/1</link><description>A strike hit a truck.</description></item>
      <item><title>Two</title><link>https://w.example/2</link><description>No strike today.</description></item></channel></rss>`;
    writeFileSync(join(dir, 'w.rss'), rss);
    const out = await ingestSources(store, [join(dir, 'w.rss')], {}, {});
    expect(out).toMatchObject({ inputs: 1, ingested: 2 });
    const doc = await store.getDocument('one');
    expect(doc).toMatchObject({ title: 'One', publisher: 'W', url: 'https://w.example/1', source: `${join(dir, 'w.rss')}#https://w.example/1` });
    expect(Buffer.from((await store.getRaw(doc!.raw_sha256))!).toString()).toBe(rss);
  });

  it('corroborates on the next run the documents an interrupted run stored but never corroborated', async () => {
    // First run: extraction only, as if killed before its batch was corroborated.
    await ingestSources(store, [dir], {}, { extract: strikeParagraphs });
    expect(await store.countIncidents()).toBe(0);
    const corroborated: string[][] = [];
    const stages: Stages = {
      extract: strikeParagraphs,
      corroborate: async (s, ids) => {
        corroborated.push(ids);
        await updateIncidents(s, ids);
      },
    };
    const second = await ingestSources(store, [dir], {}, stages);
    expect(second.unchanged).toBe(3);
    expect(corroborated.flat().sort()).toEqual([sha256(A), sha256(B)].sort());
    const reports = await store.listReports();
    expect((await store.incidentOfReports(reports.map((r) => r.id!))).size).toBe(reports.length);
    // Third run: everything is corroborated, nothing to do.
    corroborated.length = 0;
    await ingestSources(store, [dir], {}, stages);
    expect(corroborated).toEqual([]);
  });
});
