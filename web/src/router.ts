import { formatState, parseState, type ViewState } from './url-state.ts';

/**
 * Navigation: the route lives in the hash (#/incident/SW-...), the view's state in the query
 * string. `setState` pushes a history entry for deliberate changes (filters, brushing) and
 * replaces it for continuous ones (panning the map), so Back undoes choices, not drags.
 */
export function currentState(): ViewState {
  return parseState(location.search);
}

export function setState(s: ViewState, mode: 'push' | 'replace' = 'push'): void {
  const url = `${location.pathname}${formatState(s)}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  if (mode === 'push') window.dispatchEvent(new Event('sw:state'));
}

export function go(hash: string): void {
  location.hash = hash;
}

/** The route: its name and its argument (the incident id...). */
export function route(): { name: string; arg: string } {
  const m = /^#\/([a-z]*)\/?(.*)$/.exec(location.hash);
  if (!m) return { name: '', arg: '' };
  return { name: m[1], arg: decodeURIComponent(m[2] ?? '') };
}
