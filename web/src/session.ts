import { api, setCsrf, type Me } from './api.ts';

/**
 * Who is signed in. The session itself is an HttpOnly cookie the app never sees; the app
 * keeps only the CSRF token the server hands out, in memory, to send with each write.
 */
let me: Me = { user: null, role: null, csrf: null };
const listeners = new Set<() => void>();

export function session(): Me {
  return me;
}

export function isAnalyst(): boolean {
  return me.role === 'analyst' || me.role === 'admin';
}

function set(next: Me): void {
  me = next;
  setCsrf(next.csrf);
  for (const l of listeners) l();
}

export function onSession(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export async function loadSession(): Promise<void> {
  try {
    set(await api.me());
  } catch {
    set({ user: null, role: null, csrf: null });
  }
}

export async function signIn(username: string, password: string): Promise<Me> {
  const r = await api.login(username, password);
  set({ user: r.user, role: r.role, csrf: r.csrf });
  return me;
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    set({ user: null, role: null, csrf: null });
  }
}
