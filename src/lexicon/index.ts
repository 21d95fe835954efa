/**
 * The actor lexicon and the stance/role cue lists: loaded once from the JSON files in
 * ./data (validated with zod, cross-references checked), then used by extraction
 * (targets, attribution) and by queries ("AQIM includes its brigades", "françaises" -> FR).
 *
 * Ids are short canonical names: AQIM, al-Shabaab, Islamic State, JNIM, US, FR, US-AFRICOM.
 * A unit (brigade, katiba, command) points to its organisation with `parent`; a force
 * points to its state. Two walks up that tree matter:
 * - `belligerentIdOf`: to the top (AFRICOM -> US, Barkhane -> FR): who struck.
 * - `organisationIdOf`: up through units but never into a state (Yahya Abou al-Hammam
 *   brigade -> AQIM; Quds Force -> IRGC): who was struck.
 */
import groupsJson from './data/groups.json' with { type: 'json' };
import statesJson from './data/states.json' with { type: 'json' };
import stanceJson from './data/stance.json' with { type: 'json' };
import rolesJson from './data/roles.json' with { type: 'json' };
import type { Actor } from '../domain/index.ts';
import { ActorFile, RolesFile, StanceFile, type LexiconEntry, type RoleCueKind, type StanceCueKind } from './schema.ts';
import { ActorMatcher, type MentionVia } from './matcher.ts';
import { PatternSet, tokenize, type Token } from './tokens.ts';

export type { LexiconEntry, StanceCueKind, RoleCueKind } from './schema.ts';
export type { MentionVia } from './matcher.ts';
export { tokenize, normalize, PatternSet, type Token } from './tokens.ts';

/** An actor named in a text: the lexicon actor, where, as written, and how (name/acronym/demonym). */
export interface ActorMention {
  actor: Actor;
  span: [number, number];
  text: string;
  via: MentionVia;
  /** Token range [first, end) in the token list the mention was found in. */
  tokens: [number, number];
}

export interface Lexicon {
  entries: ReadonlyMap<string, LexiconEntry>;
  actors: ReadonlyMap<string, Actor>;
  /** Direct units of each id. */
  units: ReadonlyMap<string, string[]>;
  /** Groups affiliated to each id. */
  affiliates: ReadonlyMap<string, string[]>;
  matcher: ActorMatcher;
  stance: Record<StanceCueKind, PatternSet>;
  roles: Record<RoleCueKind, PatternSet>;
}

let cached: Lexicon | null = null;

/** The lexicon built from the bundled data files; built once, then shared. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  cached = buildLexicon({ 'groups.json': groupsJson, 'states.json': statesJson }, stanceJson, rolesJson);
  return cached;
}

/**
 * Build a lexicon from raw (parsed JSON) data. Throws an Error naming the file and the
 * entry when the data is invalid: unknown kind, a parent that does not exist, a cycle.
 */
export function buildLexicon(actorFiles: Record<string, unknown>, stanceData: unknown, rolesData: unknown): Lexicon {
  const entries = new Map<string, LexiconEntry>();
  for (const [file, raw] of Object.entries(actorFiles)) {
    const parsed = ActorFile.safeParse(raw);
    if (!parsed.success) throw new Error(`lexicon: ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const e of parsed.data.entries) {
      if (entries.has(e.id)) throw new Error(`lexicon: ${file}: duplicate actor id "${e.id}"`);
      entries.set(e.id, e);
    }
  }
  const units = new Map<string, string[]>();
  const affiliates = new Map<string, string[]>();
  for (const e of entries.values()) {
    for (const [field, ref, index] of [['parent', e.parent, units], ['affiliate_of', e.affiliate_of, affiliates]] as const) {
      if (ref === null) continue;
      if (!entries.has(ref)) throw new Error(`lexicon: actor "${e.id}" has ${field} "${ref}", which is not in the lexicon`);
      index.set(ref, [...(index.get(ref) ?? []), e.id]);
    }
    const seen = new Set<string>([e.id]);
    for (let p = e.parent; p !== null; p = entries.get(p)?.parent ?? null) {
      if (seen.has(p)) throw new Error(`lexicon: actor "${e.id}" has a cycle of parents through "${p}"`);
      seen.add(p);
    }
  }
  const actors = new Map<string, Actor>();
  for (const e of entries.values()) {
    actors.set(e.id, {
      id: e.id,
      name: e.name,
      kind: e.kind,
      country: e.country,
      parent: e.parent,
      aliases: [...new Set([...e.names, ...e.acronyms, ...e.demonyms])],
    });
  }
  const stanceParsed = StanceFile.safeParse(stanceData);
  if (!stanceParsed.success) throw new Error(`lexicon: stance.json is invalid: ${stanceParsed.error.message}`);
  const rolesParsed = RolesFile.safeParse(rolesData);
  if (!rolesParsed.success) throw new Error(`lexicon: roles.json is invalid: ${rolesParsed.error.message}`);
  const { about: _a, ...stanceLists } = stanceParsed.data;
  const { about: _b, ...roleLists } = rolesParsed.data;
  const stance = Object.fromEntries(Object.entries(stanceLists).map(([k, v]) => [k, new PatternSet(v)])) as Record<StanceCueKind, PatternSet>;
  const roles = Object.fromEntries(Object.entries(roleLists).map(([k, v]) => [k, new PatternSet(v)])) as Record<RoleCueKind, PatternSet>;
  return { entries, actors, units, affiliates, matcher: new ActorMatcher([...entries.values()]), stance, roles };
}

/** The actor with this id, or null. */
export function actorById(id: string): Actor | null {
  return loadLexicon().actors.get(id) ?? null;
}

/** The raw lexicon entry (with names, acronyms and demonyms kept apart), or null. */
export function entryById(id: string): LexiconEntry | null {
  return loadLexicon().entries.get(id) ?? null;
}

/**
 * Every actor mentioned in `text` (or in `text[range[0], range[1])`), left to right, with
 * spans into `text`. Never throws on any string.
 */
export function findActors(text: string, range?: [number, number]): ActorMention[] {
  const tokens = tokenize(text, range?.[0] ?? 0, range?.[1] ?? text.length);
  return mentionsIn(tokens, text);
}

/** Actor mentions in an already tokenized text (token indexes refer to `tokens`). */
export function mentionsIn(tokens: Token[], text: string): ActorMention[] {
  const lex = loadLexicon();
  return lex.matcher.scan(tokens, text).map((h) => {
    const start = tokens[h.first].start;
    const end = tokens[h.end - 1].end;
    return { actor: lex.actors.get(h.entry.id) as Actor, span: [start, end], text: text.slice(start, end), via: h.via, tokens: [h.first, h.end] };
  });
}

/**
 * The id and every unit below it, recursively: expandUnits('AQIM') includes its brigades,
 * expandUnits('US') includes AFRICOM, the CIA... With `affiliates: true`, groups pledged to
 * it (and their units) too: al-Qaeda -> AQIM, AQAP, al-Shabaab, JNIM... Unknown id -> [id].
 */
export function expandUnits(id: string, opts: { affiliates?: boolean } = {}): string[] {
  const lex = loadLexicon();
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (x: string) => {
    if (seen.has(x)) return;
    seen.add(x);
    out.push(x);
    for (const u of lex.units.get(x) ?? []) visit(u);
    if (opts.affiliates) for (const a of lex.affiliates.get(x) ?? []) visit(a);
  };
  visit(id);
  return out;
}

/** The top of the parent chain: who carried out a strike when a unit or force is named (AFRICOM -> US). */
export function belligerentIdOf(id: string): string {
  const lex = loadLexicon();
  let cur = id;
  for (let p = lex.entries.get(cur)?.parent ?? null; p !== null; p = lex.entries.get(cur)?.parent ?? null) cur = p;
  return cur;
}

/** Up through units but never into a state: the organisation struck (a katiba -> its group; Quds Force -> IRGC). */
export function organisationIdOf(id: string): string {
  const lex = loadLexicon();
  let cur = id;
  for (;;) {
    const parent = lex.entries.get(cur)?.parent ?? null;
    if (parent === null || lex.entries.get(parent)?.kind === 'state') return cur;
    cur = parent;
  }
}

/** True when `ancestor` is `id` itself or above it through parents or affiliations. */
export function isWithin(id: string, ancestor: string): boolean {
  const lex = loadLexicon();
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const x = stack.pop() as string;
    if (x === ancestor) return true;
    if (seen.has(x)) continue;
    seen.add(x);
    const e = lex.entries.get(x);
    if (e?.parent) stack.push(e.parent);
    if (e?.affiliate_of) stack.push(e.affiliate_of);
  }
  return false;
}

/**
 * The actor a short phrase names, for queries: "AQMI" -> AQIM, "françaises" -> FR,
 * "Africom" -> US-AFRICOM. Null unless one mention covers the whole phrase.
 */
export function lookupActor(phrase: string): Actor | null {
  const tokens = tokenize(phrase);
  if (tokens.length === 0) return null;
  const ms = mentionsIn(tokens, phrase);
  if (ms.length === 1 && ms[0].tokens[0] === 0 && ms[0].tokens[1] === tokens.length) return ms[0].actor;
  return null;
}
