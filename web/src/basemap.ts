import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { splitAtAntimeridian, type AreaGeometry } from './antimeridian.ts';

/**
 * The basemap: Natural Earth country shapes (world-atlas, 1:50m) drawn as a GeoJSON layer, so
 * the map works offline with no tile server. The TopoJSON file ships as a static asset and is
 * fetched once per page. An online deployment can set a tile URL instead (?tiles=https://...,
 * a <meta name="strikewatch-tiles"> in index.html, or the server's --tile-url / STRIKEWATCH_TILE_URL
 * read from /api/config); the shapes are then not loaded.
 */
let shapes: Promise<GeoJSON.FeatureCollection> | null = null;

function loadShapes(): Promise<GeoJSON.FeatureCollection> {
  shapes ??= fetch(atlasUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`basemap ${atlasUrl}: HTTP ${r.status}`);
      return r.json() as Promise<Topology>;
    })
    .then((topo) => {
      const fc = feature(topo, topo.objects.countries as GeometryCollection) as GeoJSON.FeatureCollection;
      for (const f of fc.features) {
        if (f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) {
          f.geometry = splitAtAntimeridian(f.geometry as AreaGeometry) as GeoJSON.Geometry;
        }
      }
      return fc;
    });
  return shapes;
}

const TILE_TEMPLATE = /^https:\/\/[^\s]+\{z\}[^\s]*$/;

/** The tile URL template the page sets, if any (https only: the page's CSP allows https images). */
export function tileUrl(): string | null {
  const fromQuery = new URLSearchParams(location.search).get('tiles');
  const fromMeta = document.querySelector<HTMLMetaElement>('meta[name="strikewatch-tiles"]')?.content;
  const url = fromQuery || fromMeta || '';
  return TILE_TEMPLATE.test(url) ? url : null;
}

let serverTiles: Promise<string | null> | null = null;

/** The server's tile URL (GET /api/config), fetched once per page; null on any failure. */
function serverTileUrl(): Promise<string | null> {
  serverTiles ??= fetch('/api/config', { credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<{ tile_url?: unknown }>) : {}))
    .then((c: { tile_url?: unknown }) => (typeof c.tile_url === 'string' && TILE_TEMPLATE.test(c.tile_url) ? c.tile_url : null))
    .catch(() => null);
  return serverTiles;
}

function addTiles(map: L.Map, url: string): void {
  L.tileLayer(url, { maxZoom: 18, attribution: 'Map tiles: see the server configuration' }).addTo(map).bringToBack();
}

/** Adds the basemap to a map: tiles when configured (page first, then server), else the offline country shapes. */
export function addBasemap(map: L.Map): void {
  const tiles = tileUrl();
  if (tiles) {
    addTiles(map, tiles);
    return;
  }
  let removed = false;
  map.on('unload', () => (removed = true));
  void serverTileUrl().then((url) => {
    if (removed) return;
    if (url) addTiles(map, url);
    else addShapes(map, () => removed);
  });
}

function addShapes(map: L.Map, removed: () => boolean): void {
  map.attributionControl.addAttribution('Natural Earth');
  loadShapes()
    .then((fc) => {
      if (removed()) return;
      L.geoJSON(fc, {
        interactive: false,
        style: { color: '#8a8f98', weight: 0.6, fillColor: '#e9e5dc', fillOpacity: 1 },
      })
        .addTo(map)
        .bringToBack();
    })
    .catch((err: unknown) => {
      console.error(err);
    });
}
