import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { splitAtAntimeridian, type AreaGeometry } from './antimeridian.ts';

/**
 * The basemap: Natural Earth country shapes (world-atlas, 1:50m) drawn as a GeoJSON layer, so
 * the map works offline with no tile server. The TopoJSON file ships as a static asset and is
 * fetched once per page. An online deployment can set a tile URL instead (?tiles=https://...
 * or a <meta name="strikewatch-tiles"> in index.html); the shapes are then not loaded.
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

/** The configured tile URL template, if any (https only: the page's CSP allows https images). */
export function tileUrl(): string | null {
  const fromQuery = new URLSearchParams(location.search).get('tiles');
  const fromMeta = document.querySelector<HTMLMetaElement>('meta[name="strikewatch-tiles"]')?.content;
  const url = fromQuery || fromMeta || '';
  return /^https:\/\/[^\s]+\{z\}[^\s]*$/.test(url) ? url : null;
}

/** Adds the basemap to a map: tiles when configured, else the offline country shapes. */
export function addBasemap(map: L.Map): void {
  const tiles = tileUrl();
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 18, attribution: 'Map tiles: see the server configuration' }).addTo(map);
    return;
  }
  map.attributionControl.addAttribution('Natural Earth');
  let removed = false;
  map.on('unload', () => (removed = true));
  loadShapes()
    .then((fc) => {
      if (removed) return;
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
