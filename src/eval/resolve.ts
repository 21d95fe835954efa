/**
 * Mapping the gold's free-text actor names onto the lexicon's canonical ids, so "Islamic
 * State (ISIS-K)", "AQMI" and "al-Qaeda in the Islamic Maghreb" compare equal to our ids.
 * A unit counts as its organisation and a force as its state, on both sides alike.
 */
import { lookupActor, organisationIdOf } from '../lexicon/index.ts';

const memo = new Map<string, string | null>();

/**
 * The canonical id a name resolves to, or null when the lexicon does not know it (generic
 * wording such as "terroristes" or "unspecified jihadist groups").
 */
export function lexiconResolver(name: string): string | null {
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  let id: string | null = null;
  try {
    const tries = [name, name.replace(/\(.*?\)/g, ' ').trim(), ...[...name.matchAll(/\(([^)]+)\)/g)].map((m) => m[1])];
    for (const t of tries) {
      const a = t ? lookupActor(t) : null;
      if (a) {
        id = organisationIdOf(a.id);
        break;
      }
    }
  } catch {
    id = null;
  }
  memo.set(name, id);
  return id;
}
