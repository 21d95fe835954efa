import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite-store.ts';

let dir: string;
let store: SqliteStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-incidents-'));
  store = await SqliteStore.open(join(dir, 'test.db'));
  // Membership rows only: incidentsOfDocuments reads incident_reports, nothing else.
  store.db.pragma('foreign_keys = OFF');
  const add = store.db.prepare('INSERT INTO incident_reports (incident_id, report_id) VALUES (?, ?)');
  for (const [inc, rep] of [
    ['SW-A', 'doc1:0'],
    ['SW-B', 'doc1:1'],
    ['SW-B', 'doc2:0'],
    ['SW-C', 'doc10:0'],
    ['SW-D', 'doc1:x:0'],
    ['SW-E', 'doc3:0'],
  ])
    add.run(inc, rep);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('incidentsOfDocuments', () => {
  it('finds the incidents of a document by its report ids, not those of a longer id sharing its prefix', async () => {
    expect(await store.incidentsOfDocuments(['doc1'])).toEqual(['SW-A', 'SW-B']);
    expect(await store.incidentsOfDocuments(['doc2', 'doc3'])).toEqual(['SW-B', 'SW-E']);
    expect(await store.incidentsOfDocuments(['doc1:x'])).toEqual(['SW-D']);
    expect(await store.incidentsOfDocuments(['nothing', 'doc'])).toEqual([]);
  });

  it('looks each document up through the report_id index, not a scan of every incident', () => {
    const plan = store.db
      .prepare("EXPLAIN QUERY PLAN SELECT incident_id, report_id FROM incident_reports WHERE report_id >= 'a:' AND report_id < 'a;'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (INDEX|PRIMARY KEY|COVERING INDEX)/);
  });
});
