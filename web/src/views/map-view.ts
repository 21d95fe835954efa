import L from 'leaflet';
import { api, type Cluster } from '../api.ts';
import { addBasemap } from '../basemap.ts';
import { bboxParam } from '../bbox.ts';
import { h, replace, announce } from '../dom.ts';
import { GRADES, gradeColour, type GradeName } from '../grades.ts';
import { filterParams, type ViewState } from '../url-state.ts';
import { incidentCard } from './card.ts';

/**
 * The incident map. Markers come from the server already clustered for the zoom and the
 * visible box (/api/map/clusters), so the browser draws a few hundred markers whatever the
 * size of the database. A single incident is a dot in its grade's colour; a cluster shows its
 * count on a ring split by grade. Markers are keyboard-focusable (Leaflet markers are buttons).
 */
export interface IncidentMap {
  el: HTMLElement;
  refresh(state: ViewState): void;
  destroy(): void;
}

function describe(c: Cluster): string {
  const parts = GRADES.filter((g) => c.grades[g]).map((g) => `${c.grades[g]} ${g}`);
  return c.count === 1 ? `Incident ${c.id ?? ''}, ${parts.join('')}` : `${c.count} incidents: ${parts.join(', ')}`;
}

/** A ring split by grade: a conic gradient with one arc per grade, in grade order. */
function ringStyle(c: Cluster): string {
  let at = 0;
  const stops: string[] = [];
  for (const g of GRADES) {
    const n = c.grades[g] ?? 0;
    if (!n) continue;
    const end = at + (n / c.count) * 360;
    stops.push(`${gradeColour(g)} ${at.toFixed(1)}deg ${end.toFixed(1)}deg`);
    at = end;
  }
  return `background: conic-gradient(${stops.join(', ')})`;
}

function markerFor(c: Cluster): L.Marker {
  if (c.count === 1) {
    const g = (Object.keys(c.grades)[0] ?? 'weak') as GradeName;
    const icon = L.divIcon({
      className: 'sw-dot',
      html: h('span', { class: `sw-dot-inner grade-${g}`, style: `background:${gradeColour(g)}` }),
      iconSize: [16, 16],
    });
    return L.marker([c.lat, c.lon], { icon, title: describe(c), alt: describe(c), keyboard: true });
  }
  const size = Math.round(Math.min(56, 24 + Math.log2(c.count) * 5));
  const icon = L.divIcon({
    className: 'sw-cluster',
    html: h('span', { class: 'sw-ring', style: `${ringStyle(c)}; width:${size}px; height:${size}px` }, h('span', { class: 'sw-count' }, String(c.count))),
    iconSize: [size, size],
  });
  return L.marker([c.lat, c.lon], { icon, title: describe(c), alt: describe(c), keyboard: true });
}

export function createIncidentMap(onMove: (at: { lat: number; lon: number; zoom: number }) => void): IncidentMap {
  const el = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': 'Map of incidents' });
  const map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 1 });
  // Leaflet sets position: relative on a container it measures before it is attached; the map
  // fills its (positioned) wrapper instead.
  el.style.position = 'absolute';
  map.setView([20, 10], 2);
  let placed = false;
  addBasemap(map);
  const layer = L.layerGroup().addTo(map);
  let state: ViewState | null = null;
  let ctrl: AbortController | null = null;
  let moving = false;

  const load = async () => {
    if (!state) return;
    ctrl?.abort();
    ctrl = new AbortController();
    const params = { ...filterParams(state.filters), zoom: map.getZoom(), bbox: bboxParam(map.getBounds(), map.getZoom()) };
    try {
      const res = await api.clusters(params, ctrl.signal);
      layer.clearLayers();
      for (const c of res.clusters) {
        const m = markerFor(c);
        let activate: () => void;
        if (c.count === 1 && c.id) {
          const id = c.id;
          activate = () => {
            const box = h('div', { class: 'card-popup' }, 'Loading…');
            m.bindPopup(box, { maxWidth: 320, minWidth: 220 }).openPopup();
            incidentCard(id)
              .then((card) => {
                replace(box, card);
                card.querySelector('a')?.focus();
              })
              .catch((e: unknown) => replace(box, `Could not load ${id}: ${(e as Error).message}`));
          };
        } else {
          activate = () => map.setView([c.lat, c.lon], Math.min(map.getMaxZoom(), map.getZoom() + 2));
        }
        m.on('click', activate);
        // Leaflet makes markers focusable but only reports keys: Enter and Space act as a click.
        m.on('keypress', (e) => {
          const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
          if (key === 'Enter' || key === ' ') activate();
        });
        m.addTo(layer);
        m.getElement()?.setAttribute('role', 'button');
      }
      const total = res.clusters.reduce((s, c) => s + c.count, 0);
      el.dataset.zoom = String(map.getZoom());
      el.dataset.markers = String(res.clusters.length);
      el.dataset.incidents = String(total);
      announce(`Map shows ${total} incident${total === 1 ? '' : 's'} in ${res.clusters.length} marker${res.clusters.length === 1 ? '' : 's'}`);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') announce(`Map could not load: ${(e as Error).message}`);
    }
  };

  // Markers reload once the map rests (a burst of pans is one request, not one per step).
  let rest: ReturnType<typeof setTimeout> | null = null;
  map.on('moveend', () => {
    if (moving) return;
    const c = map.getCenter();
    onMove({ lat: c.lat, lon: c.lng, zoom: map.getZoom() });
    if (rest) clearTimeout(rest);
    rest = setTimeout(() => void load(), 150);
  });

  return {
    el,
    refresh(s: ViewState) {
      state = s;
      // Leaflet measures its container when created, before the view attached it: measure again.
      // (invalidateSize fires moveend: guarded, as refresh loads below.)
      moving = true;
      map.invalidateSize({ animate: false, pan: false });
      // The first view, now that the map has a size: the whole world (zoom 2) until the URL
      // says otherwise (no extra query to fit the data, which costs a scan of a big database).
      if (!placed && !s.at) map.setView([20, 10], 2, { animate: false });
      placed = true;
      moving = false;
      if (s.at) {
        const cur = map.getCenter();
        if (Math.abs(cur.lat - s.at.lat) > 1e-3 || Math.abs(cur.lng - s.at.lon) > 1e-3 || map.getZoom() !== s.at.zoom) {
          moving = true;
          map.setView([s.at.lat, s.at.lon], s.at.zoom, { animate: false });
          moving = false;
        }
      }
      void load();
    },
    destroy() {
      if (rest) clearTimeout(rest);
      ctrl?.abort();
      map.remove();
    },
  };
}
