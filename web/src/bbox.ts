/** What a map's bounds offer (Leaflet's LatLngBounds has these), in degrees. */
export interface Bounds {
  getWest(): number;
  getSouth(): number;
  getEast(): number;
  getNorth(): number;
}

/**
 * The visible box as the API wants it, widened outward to whole map tiles of the zoom level
 * (360° / 2^zoom wide): small pans then ask for the same box, which the server answers from
 * its cache. Clamped to the world; a box across the antimeridian becomes the whole band.
 */
export function bboxParam(b: Bounds, zoom: number): string {
  const step = 360 / 2 ** Math.max(0, Math.floor(zoom));
  const clampLat = (x: number) => Math.max(-90, Math.min(90, x));
  const south = clampLat(Math.floor(b.getSouth() / step) * step);
  const north = clampLat(Math.ceil(b.getNorth() / step) * step);
  let west = Math.floor(b.getWest() / step) * step;
  let east = Math.ceil(b.getEast() / step) * step;
  if (east - west >= 360) return `-180,${south},180,${north}`;
  const wrap = (x: number) => ((((x + 180) % 360) + 360) % 360) - 180;
  west = wrap(west);
  east = wrap(east);
  if (east === -180) east = 180;
  if (east <= west) return `-180,${south},180,${north}`;
  return `${west},${south},${east},${north}`;
}
