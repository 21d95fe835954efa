/**
 * The optional tile server of an online deployment (`serve --tile-url`, STRIKEWATCH_TILE_URL):
 * a Leaflet URL template such as https://tile.example.org/{z}/{x}/{y}.png. Only https, as the
 * page's Content-Security-Policy allows https images and mixed content would be blocked; the
 * web app applies the same rule to ?tiles= and the strikewatch-tiles meta tag.
 */
export function checkTileUrl(url: string, from: string): string {
  const u = url.trim();
  if (!/^https:\/\/\S+$/.test(u)) throw new Error(`${from} "${url}" is not an https URL`);
  for (const k of ['{z}', '{x}', '{y}']) if (!u.includes(k)) throw new Error(`${from} "${url}" lacks ${k} (expected e.g. https://tile.example.org/{z}/{x}/{y}.png)`);
  return u;
}
