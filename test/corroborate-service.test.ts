import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { decide, incidentView, reclusterAll, revert, updateIncidents } from '../src/corroborate/service.ts';
import { PLACES, report, type ReportSpec } from '../src/corroborate/test-reports.ts';

let dir: string;
let store: SqliteStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-corroborate-'));
  store = await SqliteStore.open(join(dir, 'test.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Stores a document with the given text and its reports (as extraction would), returns its id. */
async function ingest(name: string, text: string, specs: Omit<ReportSpec, 'doc'>[]): Promise<string> {
  const id = sha(text);
  await store.putDocument(
    { id, name, title: text.split('\n')[0], text, publisher: null, url: null, published: null, published_precision: null, language: 'en', raw_sha256: id, source: `${name}.txt`, media_type: 'text/plain' },
    new TextEncoder().encode(text),
  );
  await store.replaceReports(id, specs.map((s, index) => ({ ...report({ ...s, doc: id, index }), spans: { place: [0, 10] } })));
  return id;
}

const EN = 'Datta Khel drone strike kills six in North Waziristan compound, officials say; the US declined to comment.';
const FR = 'Datta Khel : sept combattants tués par un drone américain mercredi au Waziristan du Nord, selon des responsables.';
const WANA = 'Wana airstrike: a house hit near the bazaar two weeks later, three dead according to residents of the town.';

const enSpec = { date: '2014-08-06', place: PLACES.dattaKhel, killed: [6, null] as [number, null], targets: ['Haqqani Network'], attributions: [{ actor: 'US', stance: 'no_comment' as const, source: 'US officials' }] };
const frSpec = { date: '2014-08-06', place: PLACES.dattaKhelFr, killed: [7, 7] as [number, number], targets: ['Haqqani Network'], attributions: [{ actor: 'US', stance: 'alleges' as const }] };
const wanaSpec = { event: 'airstrike' as const, date: '2014-08-20', place: PLACES.wana, killed: [3, 3] as [number, number] };

async function membership(): Promise<string[][]> {
  return [...(await store.incidentReportIds()).values()].map((x) => [...x].sort()).sort();
}

async function setup() {
  const en = await ingest('en-wire', EN, [enSpec]);
  await updateIncidents(store, [en]);
  const fr = await ingest('fr-paper', FR, [frSpec]);
  await updateIncidents(store, [fr]);
  const wana = await ingest('wana', WANA, [wanaSpec]);
  await updateIncidents(store, [wana]);
  return { en, fr, wana };
}

describe('corroboration service on SQLite', () => {
  it('builds one incident per strike incrementally, the same as a full re-cluster, with stable ids', async () => {
    const { en, fr, wana } = await setup();
    expect(await membership()).toEqual([[`${en}:0`, `${fr}:0`].sort(), [`${wana}:0`]].sort());
    const before = (await store.listIncidents()).map((i) => i.id);
    expect(before).toEqual(['SW-PK-2014-0001', 'SW-PK-2014-0002']);
    const datta = (await store.getIncident('SW-PK-2014-0001'))!;
    expect(datta.grade).toBe('fair');
    expect(datta.grade_explanation).toContain('US officials declined to comment');
    expect(datta.independent_sources).toBe(2);
    expect(datta.killed).toMatchObject({ low: 6, high: 7 });
    expect(datta.attributions[0]).toMatchObject({ status: 'alleged' });

    await reclusterAll(store);
    expect((await store.listIncidents()).map((i) => i.id)).toEqual(before);
    expect(await store.listIncidents({ country: 'PK', from: '2014-08-10' })).toHaveLength(1);
    // Columns the query engine reads are filled.
    const row = store.db.prepare("SELECT country, lat, killed_low, killed_high, sources FROM incidents WHERE id = 'SW-PK-2014-0001'").get();
    expect(row).toMatchObject({ country: 'PK', killed_low: 6, killed_high: 7, sources: 2 });
    const actors = store.db.prepare("SELECT actor_id, role, status FROM incident_actors WHERE incident_id = 'SW-PK-2014-0001' ORDER BY role").all();
    expect(actors).toEqual([
      { actor_id: 'US', role: 'belligerent', status: 'alleged' },
      { actor_id: 'Haqqani Network', role: 'target', status: null },
    ]);
  });

  it('a split survives re-clustering and re-ingestion, and can be reverted', async () => {
    const { en, fr } = await setup();
    const { decision } = await decide(store, { kind: 'split', incident_id: 'SW-PK-2014-0001', report_id: `${fr}:0` }, { by: 'ana', reason: 'different compound per local sources' });
    expect(await store.countIncidents()).toBe(3);
    await reclusterAll(store);
    expect(await store.countIncidents()).toBe(3);
    // Re-ingestion: the same document extracted again.
    await store.replaceReports(fr, [report({ ...frSpec, doc: fr, index: 0 })]);
    await updateIncidents(store, [fr]);
    expect(await store.countIncidents()).toBe(3);
    expect((await store.getIncident('SW-PK-2014-0001'))!.report_ids).toEqual([`${en}:0`]);

    await revert(store, decision.id, 'ben', 'the compound is the same');
    expect(await store.countIncidents()).toBe(2);
    expect((await store.getIncident('SW-PK-2014-0001'))!.report_ids.sort()).toEqual([`${en}:0`, `${fr}:0`].sort());
    const view = (await incidentView(store, 'SW-PK-2014-0001'))!;
    expect(view.decisions.map((d) => [d.body.kind, d.by, d.reverted_by, d.revert_reason])).toEqual([['split', 'ana', 'ben', 'the compound is the same']]);
  });

  it('a merge redirects the old id and survives re-clustering; locks, grade and assessments stay', async () => {
    await setup();
    await decide(store, { kind: 'merge', incident_id: 'SW-PK-2014-0001', other_id: 'SW-PK-2014-0002' }, { by: 'ana', reason: 'one operation' });
    expect(await store.countIncidents()).toBe(1);
    const merged = (await store.getIncident('SW-PK-2014-0002'))!;
    expect(merged.id).toBe('SW-PK-2014-0001');
    expect(merged.redirected_from).toEqual(['SW-PK-2014-0002']);

    await decide(store, { kind: 'lock', incident_id: 'SW-PK-2014-0002', field: 'killed', value: { low: 9, best: 9, high: 10, claims: [] } }, { by: 'ana', reason: 'hospital records' });
    await decide(store, { kind: 'grade', incident_id: 'SW-PK-2014-0001', grade: 'discounted' }, { by: 'ana', reason: 'footage is from 2012' });
    await decide(store, { kind: 'assess', incident_id: 'SW-PK-2014-0001', belligerent: 'US', confidence: 'medium', rationale: 'CIA drones active there that week' }, { by: 'cy', reason: 'reader thread' });
    await reclusterAll(store);
    const i = (await store.getIncident('SW-PK-2014-0001'))!;
    expect(i.report_ids).toHaveLength(3);
    expect(i.killed).toMatchObject({ low: 9, high: 10 });
    expect(i.locks.killed).toMatchObject({ by: 'ana', reason: 'hospital records' });
    expect(i.grade).toBe('discounted');
    expect(i.assessments).toMatchObject([{ belligerent: 'US', confidence: 'medium', by: 'cy' }]);
    const view = (await incidentView(store, 'SW-PK-2014-0002'))!;
    expect(view.decisions.map((d) => d.body.kind)).toEqual(['merge', 'lock', 'grade', 'assess']);
    expect(view.reports[0].quotes.place[0]).toHaveLength(10);
  });

  it('rejects bad decisions with a clear error naming the input', async () => {
    await setup();
    await expect(decide(store, { kind: 'grade', incident_id: 'SW-XX-0000-9999', grade: 'weak' }, { by: 'a', reason: 'r' })).rejects.toThrow('SW-XX-0000-9999');
    await expect(decide(store, { kind: 'split', incident_id: 'SW-PK-2014-0002', report_id: 'nope:0' }, { by: 'a', reason: 'r' })).rejects.toThrow('nope:0');
    await expect(decide(store, { kind: 'grade', incident_id: 'SW-PK-2014-0001', grade: 'weak' }, { by: 'a', reason: ' ' })).rejects.toThrow('reason');
    await expect(revert(store, 42, 'a', 'r')).rejects.toThrow('42');
  });

  it('incremental updates in any order give the same incidents as a full re-cluster', async () => {
    const specs: [string, Omit<ReportSpec, 'doc'>][] = [
      ['a', enSpec],
      ['b', frSpec],
      ['c', { ...enSpec, date: ['2014-08-04', '2014-08-08'], place: PLACES.northWaziristan }],
      ['d', wanaSpec],
      ['e', { ...wanaSpec, date: '2014-08-21' }],
      ['f', { ...enSpec, place: PLACES.mirAli, targets: ['TTP'] }],
      ['g', { ...enSpec, date: null, place: PLACES.dattaKhel }],
    ];
    const ids: string[] = [];
    for (const [name, s] of [...specs].reverse()) {
      const id = await ingest(name, `${name}: ${JSON.stringify(s)}`, [s]);
      ids.push(id);
      await updateIncidents(store, [id]);
    }
    const incremental = await membership();
    await reclusterAll(store);
    expect(await membership()).toEqual(incremental);
    expect(incremental.length).toBeGreaterThanOrEqual(3);
  });
});
