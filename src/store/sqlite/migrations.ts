/**
 * Numbered SQLite migrations. Each runs once, in order, inside a transaction; the
 * schema version is PRAGMA user_version. Append new ones; never edit a shipped one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Migration 11's pieces, named once: the JSON of an incident's targets and belligerents as the
 * incident lists show them (targets' ids sorted; belligerents {actor, status} sorted by actor,
 * a missing status read as 'unknown'), for the incident whose id is `idExpr`.
 */
const listTargets = (idExpr: string) =>
  `(SELECT json_group_array(actor_id) FROM (SELECT actor_id FROM incident_actors WHERE incident_id = ${idExpr} AND role = 'target' ORDER BY actor_id))`;
const listBelligerents = (idExpr: string) =>
  `(SELECT json_group_array(json_object('actor', actor_id, 'status', coalesce(status, 'unknown'))) FROM (SELECT actor_id, status FROM incident_actors WHERE incident_id = ${idExpr} AND role = 'belligerent' ORDER BY actor_id))`;
const LIST_COLS =
  'id, grade, event_type, date_start, date_end, country, admin1, place, lat, lon, radius_km, killed_low, killed_best, killed_high, civilians_best, sources';
const listValues = (r: string) =>
  `${r}.id, ${r}.grade, ${r}.event_type, ${r}.date_start, ${r}.date_end, ${r}.country, ${r}.admin1, json_extract(${r}.body, '$.place.name'), ${r}.lat, ${r}.lon, ${r}.radius_km, ${r}.killed_low, ${r}.killed_best, ${r}.killed_high, ${r}.civilians_best, ${r}.sources`;
const refreshActors = (idExpr: string) =>
  `UPDATE incident_list SET targets = ${listTargets(idExpr)}, belligerents = ${listBelligerents(idExpr)} WHERE id = ${idExpr};`;

/** The triggers of migration 11, also dropped and restored around bulk loads (src/query/list-table.ts). */
export const LIST_TRIGGERS_SQL = `
  CREATE TRIGGER incident_list_ai AFTER INSERT ON incidents BEGIN
    DELETE FROM incident_list WHERE id = new.id;
    INSERT INTO incident_list (rowid, ${LIST_COLS}, targets, belligerents) VALUES (new.rowid, ${listValues('new')}, ${listTargets('new.id')}, ${listBelligerents('new.id')});
    INSERT OR REPLACE INTO incident_actor_dates (role, actor_id, day, id, status, list_rowid)
      SELECT role, actor_id, coalesce(new.date_start, ''), new.id, status, new.rowid FROM incident_actors WHERE incident_id = new.id;
  END;
  CREATE TRIGGER incident_list_au AFTER UPDATE ON incidents BEGIN
    DELETE FROM incident_list WHERE rowid = old.rowid OR id = new.id;
    INSERT INTO incident_list (rowid, ${LIST_COLS}, targets, belligerents) VALUES (new.rowid, ${listValues('new')}, ${listTargets('new.id')}, ${listBelligerents('new.id')});
  END;
  CREATE TRIGGER incident_list_au_key AFTER UPDATE OF id, date_start ON incidents BEGIN
    DELETE FROM incident_actor_dates WHERE id = old.id;
    INSERT OR REPLACE INTO incident_actor_dates (role, actor_id, day, id, status, list_rowid)
      SELECT role, actor_id, coalesce(new.date_start, ''), new.id, status, new.rowid FROM incident_actors WHERE incident_id = new.id;
  END;
  CREATE TRIGGER incident_list_ad AFTER DELETE ON incidents BEGIN
    DELETE FROM incident_list WHERE rowid = old.rowid;
    DELETE FROM incident_actor_dates WHERE id = old.id;
  END;
  CREATE TRIGGER incident_list_actor_ai AFTER INSERT ON incident_actors BEGIN
    INSERT OR REPLACE INTO incident_actor_dates (role, actor_id, day, id, status, list_rowid)
      SELECT new.role, new.actor_id, coalesce(i.date_start, ''), i.id, new.status, i.rowid FROM incidents i WHERE i.id = new.incident_id;
    ${refreshActors('new.incident_id')}
  END;
  CREATE TRIGGER incident_list_actor_au AFTER UPDATE ON incident_actors BEGIN
    DELETE FROM incident_actor_dates WHERE id = old.incident_id AND role = old.role AND actor_id = old.actor_id;
    INSERT OR REPLACE INTO incident_actor_dates (role, actor_id, day, id, status, list_rowid)
      SELECT new.role, new.actor_id, coalesce(i.date_start, ''), i.id, new.status, i.rowid FROM incidents i WHERE i.id = new.incident_id;
    ${refreshActors('old.incident_id')}
    ${refreshActors('new.incident_id')}
  END;
  CREATE TRIGGER incident_list_actor_ad AFTER DELETE ON incident_actors BEGIN
    DELETE FROM incident_actor_dates WHERE id = old.incident_id AND role = old.role AND actor_id = old.actor_id;
    ${refreshActors('old.incident_id')}
  END;
`;

/** Fills migration 11's tables from incidents and incident_actors (the migration and bulk loads). */
export const LIST_FILL_SQL = `
  DELETE FROM incident_list;
  DELETE FROM incident_actor_dates;
  INSERT INTO incident_list (rowid, ${LIST_COLS}, targets, belligerents)
    SELECT i.rowid, ${listValues('i')}, coalesce(t.ids, '[]'), coalesce(b.ids, '[]') FROM incidents i
    LEFT JOIN (SELECT incident_id, json_group_array(actor_id) AS ids FROM (SELECT incident_id, actor_id FROM incident_actors WHERE role = 'target' ORDER BY incident_id, actor_id) GROUP BY incident_id) t ON t.incident_id = i.id
    LEFT JOIN (SELECT incident_id, json_group_array(json_object('actor', actor_id, 'status', coalesce(status, 'unknown'))) AS ids
      FROM (SELECT incident_id, actor_id, status FROM incident_actors WHERE role = 'belligerent' ORDER BY incident_id, actor_id) GROUP BY incident_id) b ON b.incident_id = i.id;
  INSERT OR REPLACE INTO incident_actor_dates (role, actor_id, day, id, status, list_rowid)
    SELECT a.role, a.actor_id, coalesce(i.date_start, ''), i.id, a.status, i.rowid FROM incident_actors a JOIN incidents i ON i.id = a.incident_id;
`;

/** Migration 11's indexes (dropped and rebuilt around bulk loads). */
export const LIST_INDEXES_SQL = `
  CREATE UNIQUE INDEX incident_list_id ON incident_list(id);
  CREATE INDEX incident_list_date ON incident_list(date_start, id, date_end);
  CREATE INDEX incident_list_country_date ON incident_list(country, date_start, id);
  CREATE INDEX incident_list_grade_date ON incident_list(grade, date_start, id);
  CREATE INDEX incident_list_type_date ON incident_list(event_type, date_start, id);
  CREATE INDEX incident_actor_dates_id ON incident_actor_dates(id);
`;

/**
 * Migration 13's pieces: an incident_list row as the JSON item a list response shows (the
 * fields of IncidentSummary in src/query/incidents.ts, in its order), for the row named `r`.
 */
const listItem = (r: string) =>
  `json_object('id', ${r}.id, 'grade', ${r}.grade, 'event_type', ${r}.event_type, 'date_start', ${r}.date_start, 'date_end', ${r}.date_end, 'country', ${r}.country, 'admin1', ${r}.admin1, 'place', ${r}.place, 'lat', ${r}.lat, 'lon', ${r}.lon, 'radius_km', ${r}.radius_km, 'killed_low', ${r}.killed_low, 'killed_best', ${r}.killed_best, 'killed_high', ${r}.killed_high, 'civilians_best', ${r}.civilians_best, 'sources', ${r}.sources, 'targets', json(${r}.targets), 'belligerents', json(${r}.belligerents))`;

/** Refills migration 13's items from incident_list (the migration and bulk loads). */
export const LIST_ITEMS_FILL_SQL = `
  DELETE FROM incident_list_items;
  INSERT INTO incident_list_items (rowid, item) SELECT i.rowid, ${listItem('i')} FROM incident_list i;
`;

/**
 * Migration 13's triggers: incident_list_items follows incident_list row by row. Their names
 * start with incident_list_, so bulk loads drop and restore them with migration 11's.
 */
export const LIST_ITEMS_TRIGGERS_SQL = `
  CREATE TRIGGER incident_list_items_ai AFTER INSERT ON incident_list BEGIN
    INSERT OR REPLACE INTO incident_list_items (rowid, item) VALUES (new.rowid, ${listItem('new')});
  END;
  CREATE TRIGGER incident_list_items_au AFTER UPDATE ON incident_list BEGIN
    DELETE FROM incident_list_items WHERE rowid = old.rowid;
    INSERT OR REPLACE INTO incident_list_items (rowid, item) VALUES (new.rowid, ${listItem('new')});
  END;
  CREATE TRIGGER incident_list_items_ad AFTER DELETE ON incident_list BEGIN
    DELETE FROM incident_list_items WHERE rowid = old.rowid;
  END;
`;

/**
 * Migration 14's pieces. incident_walks holds each incident_list row once per way a list
 * may walk to it, in (date_start, id) order within each (path, key), with its JSON item and
 * the columns filters test: path 'd' (key '') all incidents, 'c' by country, 't' by target,
 * 'b' by belligerent (with that belligerent's status), 'g' by cell of WALK_CELL_DEGREES
 * (walkCell). A page is then one range of consecutive rows (a few pages of the file)
 * instead of a walk of keys plus one random look-up per item. Undated incidents have
 * date_start '' (sorting first, like NULL).
 */
export const WALK_CELL_DEGREES = 0.5;
/** The cell of a point (integer; src/query/walk-pages.ts computes the same in JS). */
const walkCell = (r: string) =>
  `(cast(floor((${r}.lat + 90) / ${WALK_CELL_DEGREES}) AS INTEGER) * 1000 + cast(floor((${r}.lon + 180) / ${WALK_CELL_DEGREES}) AS INTEGER))`;
const WALK_COLS =
  'path, key, date_start, id, date_end, country, admin1, grade, event_type, killed_best, lat, lon, radius_km, status, item';
const walkValues = (r: string) =>
  `coalesce(${r}.date_start, ''), ${r}.id, ${r}.date_end, ${r}.country, ${r}.admin1, ${r}.grade, ${r}.event_type, ${r}.killed_best, ${r}.lat, ${r}.lon, ${r}.radius_km`;
/** The (path, key, status) rows of the incident_list row `r`, as one SELECT (r is new or old in a trigger). */
const walkKeys = (r: string) => `
  SELECT 'd' AS path, '' AS key, NULL AS status
  UNION ALL SELECT 'c', ${r}.country, NULL WHERE ${r}.country IS NOT NULL
  UNION ALL SELECT 't', value, NULL FROM json_each(${r}.targets)
  UNION ALL SELECT 'b', json_extract(value, '$.actor'), json_extract(value, '$.status') FROM json_each(${r}.belligerents)
  UNION ALL SELECT 'g', ${walkCell(r)}, NULL WHERE ${r}.lat IS NOT NULL AND ${r}.lon IS NOT NULL`;
const walkInsert = (r: string) =>
  `INSERT OR REPLACE INTO incident_walks (${WALK_COLS}) SELECT k.path, k.key, ${walkValues(r)}, k.status, ${listItem(r)} FROM (${walkKeys(r)}) k;`;
const walkDelete = (r: string) =>
  `DELETE FROM incident_walks WHERE (path, key, date_start, id) IN (SELECT k.path, k.key, coalesce(${r}.date_start, ''), ${r}.id FROM (${walkKeys(r)}) k);`;

/** Migration 14's triggers (named incident_list_*: bulk loads drop and restore them with the others). */
export const WALK_TRIGGERS_SQL = `
  CREATE TRIGGER incident_list_walks_ai AFTER INSERT ON incident_list BEGIN
    ${walkInsert('new')}
  END;
  CREATE TRIGGER incident_list_walks_au AFTER UPDATE ON incident_list BEGIN
    ${walkDelete('old')}
    ${walkInsert('new')}
  END;
  CREATE TRIGGER incident_list_walks_ad AFTER DELETE ON incident_list BEGIN
    ${walkDelete('old')}
  END;
`;

/** Refills migration 14's table from incident_list and its items (after LIST_ITEMS_FILL_SQL), path by path in key order. */
export const WALKS_FILL_SQL = `
  DELETE FROM incident_walks;
  ${[
    ["'d'", "''", 'NULL', '', ''],
    ["'c'", 'l.country', 'NULL', '', ' WHERE l.country IS NOT NULL'],
    ["'t'", 'k.value', 'NULL', ', json_each(l.targets) k', ''],
    ["'b'", "json_extract(k.value, '$.actor')", "json_extract(k.value, '$.status')", ', json_each(l.belligerents) k', ''],
    ["'g'", walkCell('l'), 'NULL', '', ' WHERE l.lat IS NOT NULL AND l.lon IS NOT NULL'],
  ]
    .map(
      ([path, key, status, from, where]) =>
        `INSERT OR REPLACE INTO incident_walks (${WALK_COLS}) SELECT ${path}, ${key}, ${walkValues('l')}, ${status}, it.item FROM incident_list l JOIN incident_list_items it ON it.rowid = l.rowid${from}${where} ORDER BY 2, 3, 4;`,
    )
    .join('\n  ')}
`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'documents, raw bytes and full-text index',
    sql: `
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
      );
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        publisher TEXT,
        url TEXT,
        published TEXT,
        published_precision TEXT,
        language TEXT,
        raw_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        source TEXT NOT NULL,
        media_type TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_name ON documents(name);
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
      END;
      CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'reports',
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        country TEXT,
        lat REAL,
        lon REAL,
        body TEXT NOT NULL
      );
      CREATE INDEX reports_document ON reports(document_id, idx);
      CREATE INDEX reports_date ON reports(date_start);
    `,
  },
  {
    version: 3,
    name: 'incidents, their reports and actors, id redirects, analyst decisions',
    sql: `
      -- One row per incident: filterable columns flattened, the full Incident in body (JSON).
      CREATE TABLE incidents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        grade TEXT NOT NULL,
        event_type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        country TEXT,
        admin1 TEXT,
        lat REAL,
        lon REAL,
        radius_km REAL,
        killed_low INTEGER,
        killed_best INTEGER,
        killed_high INTEGER,
        civilians_best INTEGER,
        sources INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX incidents_date ON incidents(date_start, id);
      CREATE INDEX incidents_country_date ON incidents(country, date_start);
      CREATE INDEX incidents_grade_date ON incidents(grade, date_start);
      CREATE INDEX incidents_latlon ON incidents(lat, lon);
      CREATE INDEX incidents_killed ON incidents(killed_best);
      CREATE TABLE incident_reports (
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        report_id TEXT NOT NULL,
        PRIMARY KEY (report_id),
        UNIQUE (incident_id, report_id)
      );
      -- role: 'target' or 'belligerent'; status: the attribution status for belligerents.
      CREATE TABLE incident_actors (
        incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        role TEXT NOT NULL,
        status TEXT,
        PRIMARY KEY (incident_id, role, actor_id)
      );
      CREATE INDEX incident_actors_actor ON incident_actors(actor_id, role);
      CREATE TABLE incident_redirects (
        from_id TEXT PRIMARY KEY,
        to_id TEXT NOT NULL,
        at TEXT NOT NULL
      );
      -- Analyst decisions: who, when, why; reverted_at set when undone.
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        incident_id TEXT,
        body TEXT NOT NULL,
        reason TEXT NOT NULL,
        by_user TEXT NOT NULL,
        at TEXT NOT NULL,
        reverted_at TEXT,
        reverted_by TEXT
      );
      CREATE INDEX decisions_incident ON decisions(incident_id);
    `,
  },
  {
    version: 4,
    name: 'users, sessions, API tokens, audit log; incident keyset indexes for the API',
    sql: `
      -- Accounts for the HTTP API. password: scrypt$N$r$p$salt$hash (src/store/sqlite/users.ts).
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        password TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );
      -- Only the sha256 of a session id or token is stored: a leaked database opens no session.
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        label TEXT,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_name TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        reason TEXT,
        detail TEXT
      );
      -- Keyset pagination on (date_start, id) inside the common filters.
      CREATE INDEX incidents_country_date_id ON incidents(country, date_start, id);
      CREATE INDEX incidents_grade_date_id ON incidents(grade, date_start, id);
      CREATE INDEX incidents_type_date_id ON incidents(event_type, date_start, id);
    `,
  },
  {
    version: 5,
    name: 'incident indexes for date-window overlap queries',
    sql: `
      -- A date filter asks for windows overlapping [from, to]: date_end >= from AND date_start <= to.
      -- The longest window, read from this index, bounds date_start from below so that both ends
      -- of the search are index ranges.
      CREATE INDEX incidents_date_end ON incidents(date_end);
      CREATE INDEX incidents_window_days ON incidents(julianday(date_end) - julianday(date_start));
    `,
  },
  {
    version: 6,
    name: 'spatial index of incident points (R*Tree) for near / bbox / map queries',
    sql: `
      -- One box per placed incident (its point), keyed by the incident's rowid, kept in step
      -- by triggers so every writer of incidents maintains it without knowing it exists.
      CREATE VIRTUAL TABLE incidents_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
      INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon)
        SELECT rowid, lat, lat, lon, lon FROM incidents WHERE lat IS NOT NULL AND lon IS NOT NULL;
      CREATE TRIGGER incidents_rtree_ai AFTER INSERT ON incidents WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
        INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (new.rowid, new.lat, new.lat, new.lon, new.lon);
      END;
      CREATE TRIGGER incidents_rtree_ad AFTER DELETE ON incidents BEGIN
        DELETE FROM incidents_rtree WHERE id = old.rowid;
      END;
      CREATE TRIGGER incidents_rtree_au AFTER UPDATE OF lat, lon ON incidents BEGIN
        DELETE FROM incidents_rtree WHERE id = old.rowid;
        INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon)
          SELECT new.rowid, new.lat, new.lat, new.lon, new.lon WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
      END;
    `,
  },
  {
    version: 7,
    name: 'covering date index for date-ordered incident pages',
    sql: `
      -- Pages read in date order test each row's date_end and actors; with date_end in the
      -- index that test needs no table row (about twice as fast over a million incidents).
      CREATE INDEX incidents_date_cover ON incidents(date_start, id, date_end);
    `,
  },
  {
    version: 8,
    name: 'map grid: incident counts per cell at fixed zoom levels, kept by triggers',
    sql: `
      -- Map clusters of the whole database (or of a country, grade or event type) read these
      -- few thousand rows instead of grouping a million incidents per request. Cells are those
      -- of src/query/clusters.ts (cellDegrees): 360 / (2^z * 4) degrees, counted from -180 / -90,
      -- so a cell of level z holds exactly 2^k x 2^k cells of level z + k and coarser zooms
      -- are sums. sum_rowid is the incident's rowid when n = 1 (a lone marker opens its card).
      CREATE TABLE incident_grid_levels (z INTEGER PRIMARY KEY, cell REAL NOT NULL);
      INSERT INTO incident_grid_levels (z, cell) VALUES (0, 90.0), (2, 22.5), (4, 5.625), (6, 1.40625), (8, 0.3515625), (10, 0.087890625);
      CREATE TABLE incident_grid (
        z INTEGER NOT NULL,
        cx INTEGER NOT NULL,
        cy INTEGER NOT NULL,
        country TEXT NOT NULL,
        grade TEXT NOT NULL,
        event_type TEXT NOT NULL,
        n INTEGER NOT NULL,
        sum_lat REAL NOT NULL,
        sum_lon REAL NOT NULL,
        sum_rowid INTEGER NOT NULL,
        PRIMARY KEY (z, cx, cy, country, grade, event_type)
      ) WITHOUT ROWID;
      INSERT INTO incident_grid (z, cx, cy, country, grade, event_type, n, sum_lat, sum_lon, sum_rowid)
        SELECT g.z, cast((i.lon + 180) / g.cell AS INTEGER), cast((i.lat + 90) / g.cell AS INTEGER), coalesce(i.country, ''), i.grade, i.event_type, count(*), sum(i.lat), sum(i.lon), sum(i.rowid)
        FROM incident_grid_levels g, incidents i WHERE i.lat IS NOT NULL AND i.lon IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6;
      CREATE TRIGGER incident_grid_ai AFTER INSERT ON incidents BEGIN
        INSERT INTO incident_grid (z, cx, cy, country, grade, event_type, n, sum_lat, sum_lon, sum_rowid)
          SELECT g.z, cast((new.lon + 180) / g.cell AS INTEGER), cast((new.lat + 90) / g.cell AS INTEGER), coalesce(new.country, ''), new.grade, new.event_type, 1, new.lat, new.lon, new.rowid
          FROM incident_grid_levels g WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL
          ON CONFLICT DO UPDATE SET n = n + 1, sum_lat = sum_lat + excluded.sum_lat, sum_lon = sum_lon + excluded.sum_lon,
            sum_rowid = sum_rowid + excluded.sum_rowid;
      END;
      CREATE TRIGGER incident_grid_ad AFTER DELETE ON incidents BEGIN
        UPDATE incident_grid SET n = n - 1, sum_lat = sum_lat - old.lat, sum_lon = sum_lon - old.lon, sum_rowid = sum_rowid - old.rowid
          WHERE (z, cx, cy, country, grade, event_type) IN (SELECT g.z, cast((old.lon + 180) / g.cell AS INTEGER), cast((old.lat + 90) / g.cell AS INTEGER), coalesce(old.country, ''), old.grade, old.event_type FROM incident_grid_levels g WHERE old.lat IS NOT NULL AND old.lon IS NOT NULL);
        DELETE FROM incident_grid WHERE n <= 0 AND (z, cx, cy, country, grade, event_type) IN (SELECT g.z, cast((old.lon + 180) / g.cell AS INTEGER), cast((old.lat + 90) / g.cell AS INTEGER), coalesce(old.country, ''), old.grade, old.event_type FROM incident_grid_levels g WHERE old.lat IS NOT NULL AND old.lon IS NOT NULL);
      END;
      CREATE TRIGGER incident_grid_au AFTER UPDATE OF lat, lon, country, grade, event_type ON incidents BEGIN
        UPDATE incident_grid SET n = n - 1, sum_lat = sum_lat - old.lat, sum_lon = sum_lon - old.lon, sum_rowid = sum_rowid - old.rowid
          WHERE (z, cx, cy, country, grade, event_type) IN (SELECT g.z, cast((old.lon + 180) / g.cell AS INTEGER), cast((old.lat + 90) / g.cell AS INTEGER), coalesce(old.country, ''), old.grade, old.event_type FROM incident_grid_levels g WHERE old.lat IS NOT NULL AND old.lon IS NOT NULL);
        DELETE FROM incident_grid WHERE n <= 0 AND (z, cx, cy, country, grade, event_type) IN (SELECT g.z, cast((old.lon + 180) / g.cell AS INTEGER), cast((old.lat + 90) / g.cell AS INTEGER), coalesce(old.country, ''), old.grade, old.event_type FROM incident_grid_levels g WHERE old.lat IS NOT NULL AND old.lon IS NOT NULL);
        INSERT INTO incident_grid (z, cx, cy, country, grade, event_type, n, sum_lat, sum_lon, sum_rowid)
          SELECT g.z, cast((new.lon + 180) / g.cell AS INTEGER), cast((new.lat + 90) / g.cell AS INTEGER), coalesce(new.country, ''), new.grade, new.event_type, 1, new.lat, new.lon, new.rowid
          FROM incident_grid_levels g WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL
          ON CONFLICT DO UPDATE SET n = n + 1, sum_lat = sum_lat + excluded.sum_lat, sum_lon = sum_lon + excluded.sum_lon,
            sum_rowid = sum_rowid + excluded.sum_rowid;
      END;
    `,
  },
  {
    version: 9,
    name: 'covering indexes: incidents of an actor, and map points of a date window',
    sql: `
      -- A filter on a rare target or belligerent reads its incidents from here (with the
      -- status for attribution filters), then sorts them by date; see src/query/incidents.ts.
      CREATE INDEX incident_actors_role_actor ON incident_actors(role, actor_id, status, incident_id);
      -- Map clusters of a date window group points straight from this index (no table rows).
      CREATE INDEX incidents_map_date ON incidents(date_start, date_end, lat, lon, grade);
    `,
  },
  {
    version: 10,
    name: 'spatial index with the date window as a third dimension',
    sql: `
      -- "Near a point between two dates" asks for incidents in a box AND a date window; with
      -- only the box in the R*Tree, a wide box returned tens of thousands of candidates to
      -- fetch and date-test one by one. Days since 1970 (float32 holds them exactly); an
      -- undated incident spans every day, so the exact date test on the row decides.
      DROP TRIGGER incidents_rtree_ai;
      DROP TRIGGER incidents_rtree_ad;
      DROP TRIGGER incidents_rtree_au;
      DROP TABLE incidents_rtree;
      CREATE VIRTUAL TABLE incidents_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon, min_day, max_day);
      INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon, min_day, max_day)
        SELECT i.rowid, i.lat, i.lat, i.lon, i.lon, coalesce(julianday(i.date_start) - 2440587.5, -10000000), coalesce(julianday(i.date_end) - 2440587.5, 10000000) FROM incidents i WHERE i.lat IS NOT NULL AND i.lon IS NOT NULL;
      CREATE TRIGGER incidents_rtree_ai AFTER INSERT ON incidents WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
        INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon, min_day, max_day) VALUES (new.rowid, new.lat, new.lat, new.lon, new.lon, coalesce(julianday(new.date_start) - 2440587.5, -10000000), coalesce(julianday(new.date_end) - 2440587.5, 10000000));
      END;
      CREATE TRIGGER incidents_rtree_ad AFTER DELETE ON incidents BEGIN
        DELETE FROM incidents_rtree WHERE id = old.rowid;
      END;
      CREATE TRIGGER incidents_rtree_au AFTER UPDATE OF lat, lon, date_start, date_end ON incidents BEGIN
        DELETE FROM incidents_rtree WHERE id = old.rowid;
        INSERT INTO incidents_rtree (id, min_lat, max_lat, min_lon, max_lon, min_day, max_day)
          SELECT new.rowid, new.lat, new.lat, new.lon, new.lon, coalesce(julianday(new.date_start) - 2440587.5, -10000000), coalesce(julianday(new.date_end) - 2440587.5, 10000000) WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
      END;
    `,
  },
  {
    version: 11,
    name: 'compact incident list rows, and incidents of an actor in date order',
    sql: `
      -- Lists show ~16 short columns and the actors of 50 incidents; read from incidents they
      -- cost a JSON parse of each body (for the place name) and a second query for the actors.
      -- incident_list holds exactly what a list row shows (about a sixth of an incidents row),
      -- with the same rowid and column names, so the filter SQL of src/query/sql.ts runs on it.
      CREATE TABLE incident_list (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        grade TEXT NOT NULL,
        event_type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        country TEXT,
        admin1 TEXT,
        place TEXT,
        lat REAL,
        lon REAL,
        radius_km REAL,
        killed_low INTEGER,
        killed_best INTEGER,
        killed_high INTEGER,
        civilians_best INTEGER,
        sources INTEGER NOT NULL,
        targets TEXT NOT NULL DEFAULT '[]',
        belligerents TEXT NOT NULL DEFAULT '[]'
      );
      -- An actor's incidents in date order (day '' = undated, sorting first like NULL): a
      -- target or belligerent filter walks the newest of each actor's incidents and stops at a
      -- page, instead of testing every incident of the date window for the actor.
      CREATE TABLE incident_actor_dates (
        role TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        day TEXT NOT NULL,
        id TEXT NOT NULL,
        status TEXT,
        list_rowid INTEGER NOT NULL,
        PRIMARY KEY (role, actor_id, day, id)
      ) WITHOUT ROWID;
      ${LIST_FILL_SQL}
      ${LIST_INDEXES_SQL}
      ${LIST_TRIGGERS_SQL}
    `,
  },
  {
    version: 12,
    name: 'covering indexes of incident lists filtered by country, grade or event type',
    sql: `
      -- A list filtered by country (grade, type) and dates walks this index in date order and
      -- tests each entry's window end and the other two columns; with them in the index the
      -- walk reads no table row, and only the page's rows are fetched.
      DROP INDEX incident_list_country_date;
      DROP INDEX incident_list_grade_date;
      DROP INDEX incident_list_type_date;
      CREATE INDEX incident_list_country_cover ON incident_list(country, date_start, id, date_end, grade, event_type);
      CREATE INDEX incident_list_grade_cover ON incident_list(grade, date_start, id, date_end, country, event_type);
      CREATE INDEX incident_list_type_cover ON incident_list(event_type, date_start, id, date_end, country, grade);
      ANALYZE incident_list;
    `,
  },
  {
    version: 13,
    name: 'incident list rows as ready JSON items',
    sql: `
      -- A list response is its rows' JSON: building it from 18 columns per row (a JS object
      -- each, two JSON.parse, then JSON.stringify of the page) cost more CPU than finding the
      -- rows. Each incident_list row's item is kept here, written by SQLite's json_object, and
      -- a page is its items joined with commas (src/query/incidents.ts). Own table, so the
      -- incident_list rows that filters test stay small.
      CREATE TABLE incident_list_items (
        rowid INTEGER PRIMARY KEY,
        item TEXT NOT NULL
      );
      ${LIST_ITEMS_FILL_SQL}
      ${LIST_ITEMS_TRIGGERS_SQL}
    `,
  },
  {
    version: 14,
    name: 'incident list rows with their items along each walk of a list',
    sql: `
      -- A list page was a walk of keys, then one look-up per item in a table of a million
      -- rows in no useful order: ~5 us of CPU each, most of a page's cost. Here each
      -- incident's item sits beside its neighbours in date order along every path a list
      -- walks (all, country, target, belligerent, map cell), with the columns filters test,
      -- so a page reads one range of rows. About five rows per incident.
      CREATE TABLE incident_walks (
        path TEXT NOT NULL,
        key NOT NULL,
        date_start TEXT NOT NULL,
        id TEXT NOT NULL,
        date_end TEXT,
        country TEXT,
        admin1 TEXT,
        grade TEXT NOT NULL,
        event_type TEXT NOT NULL,
        killed_best INTEGER,
        lat REAL,
        lon REAL,
        radius_km REAL,
        status TEXT,
        item TEXT NOT NULL,
        PRIMARY KEY (path, key, date_start, id)
      ) WITHOUT ROWID;
      ${WALKS_FILL_SQL}
      ${WALK_TRIGGERS_SQL}
    `,
  },
];
