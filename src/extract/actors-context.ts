/**
 * What targets and attribution both need from a document: its words, the actors it names,
 * its sentences, where the article proper ends (reader comments are hypotheses, not
 * sources), and for every actor mention the role the words around it give it: agent of a
 * strike, speaker of a statement, place, or target. Computed once per text.
 */
import { actorById, belligerentIdOf, loadLexicon, mentionsIn, tokenize, type ActorMention, type PatternSet, type Token } from '../lexicon/index.ts';
import { splitSentences, type Sentence } from './sentences.ts';

/** The role words around one actor mention. */
export interface MentionRoles {
  /** Next to a military or official noun: "US officials", "l'armée française", "Niger's military". */
  official: boolean;
  /** The official noun is only people ("officials", "responsables"), not an institution. */
  officialsOnly: boolean;
  /** Next to a military noun: "the Pakistani military", "l'armée burkinabè", not "Pakistani officials". */
  military: boolean;
  /** Next to a strike or platform noun: "US drone", "frappe française", "Houthi missile". */
  strike: boolean;
  /** The platform or strike noun right after the name: "Houthi drone". */
  strikeNext: boolean;
  /** After "by"/"par" or before an agent verb: "carried out by the US", "Turkey launched". */
  agent: boolean;
  /** Before a speech verb, or after "according to"/"selon": "AFRICOM said", "selon l'armée". */
  speaker: boolean;
  /** After a strike word and "by"/"par": "a drone attack by", "carried out by", "frappe menée par". */
  by: boolean;
  /** Followed by its own stance: "Russia denied", "the Houthis claimed", "AFRICOM declined to comment". */
  voices: boolean;
  /** Followed by a claim of responsibility: "the Houthis claimed responsibility". */
  claims: boolean;
  /** Right after a place preposition: "in Somalia", "au Mali". */
  place: boolean;
  /** After a target word: "strikes on Hezbollah", "contre les shebab", "targeting Wagner". */
  target: boolean;
}

export interface DocMention extends ActorMention {
  /** Index of the sentence it sits in (-1 when none). */
  sentence: number;
  roles: MentionRoles;
  /** "the army", "l'état-major": a force named without its country, read as the home state's. */
  generic: boolean;
}

export interface ActorDoc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Token range [first, end) of each sentence. */
  sentenceTokens: [number, number][];
  mentions: DocMention[];
  /** Offset where the article ends and comments, tags or links begin (text.length if none). */
  bodyEnd: number;
}

/**
 * Where the article proper ends: a comment count ("9 Comments"), a reader's "X says:" line,
 * tags, "related" or "read more" links. Tested line by line, anchored at the line start: the
 * "says:" form backtracks over up to 80 characters, so it is only tried on lines holding "says:".
 * The other forms are tried on the text itself (sticky at the line start), as "9\nComments" counts.
 */
const TAIL_AT =
  /[\t •*·-]*(?:\d+\s+(?:comments?|responses?|replies|commentaires?|réactions?)\b|(?:leave a (?:comment|reply)|laisser un commentaire|related (?:articles|posts|stories)|read more|lire aussi|à lire aussi|tags\s*:|mots-clés\s*:))/iuy;
const SAYS_LINE = /^[\t •*·-]*.{1,80}\bsays:\s*$/iu;
const SAYS = /says:/iu;
/** What ends a line for `^`, `$` and `.` in a JavaScript regular expression. */
const LINE_BREAK = /[\n\r\u2028\u2029]/gu;

/** Offset of the first line that starts the tail, or text.length. */
function tailStart(text: string): number {
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const brk = LINE_BREAK.exec(text);
    const stop = brk ? brk.index : text.length;
    const line = text.slice(start, stop);
    TAIL_AT.lastIndex = start;
    if (TAIL_AT.test(text) || (SAYS.test(line) && SAYS_LINE.test(line))) return start;
    if (!brk) return text.length;
    start = stop + 1;
  }
}

let last: { text: string; title: string | null; doc: ActorDoc } | null = null;

/** The analysis of `text`, cached for the last text seen (targets and attribution share it). */
export function analyseActors(text: string, title: string | null): ActorDoc {
  if (last && last.text === text && last.title === title) return last.doc;
  const doc = build(text, title);
  last = { text, title, doc };
  return doc;
}

function build(text: string, title: string | null): ActorDoc {
  const bodyEnd = tailStart(text);
  const tokens = tokenize(text);
  const sentences = splitSentences(text, title);
  const sentenceTokens: [number, number][] = [];
  let ti = 0;
  const tokenSentence = new Array<number>(tokens.length).fill(-1);
  for (const s of sentences) {
    while (ti < tokens.length && tokens[ti].start < s.span[0]) ti++;
    const first = ti;
    while (ti < tokens.length && tokens[ti].end <= s.span[1]) tokenSentence[ti++] = s.index;
    sentenceTokens.push([first, ti]);
  }
  const gaps = gapMarks(text, tokens);
  const withRoles = (found: ActorMention[]): DocMention[] =>
    found.map((m, k) => {
      const sentence = tokenSentence[m.tokens[0]] ?? -1;
      const bounds: [number, number] = sentence >= 0 ? sentenceTokens[sentence] : [0, tokens.length];
      const prevEnd = k > 0 ? found[k - 1].tokens[1] : 0;
      const nextFirst = k + 1 < found.length ? found[k + 1].tokens[0] : tokens.length;
      return new LazyMention(m, sentence, (m as DocMention).generic === true, { text, tokens, gaps, bounds, prevEnd, nextFirst });
    });
  const named = withRoles(mentionsIn(tokens, text));
  const generic = genericForces(text, tokens, named, bodyEnd, tokenSentence);
  const mentions = generic.length === 0 ? named : withRoles([...named, ...generic].sort((a, b) => a.tokens[0] - b.tokens[0]));
  passPossessives(mentions, tokens);
  return { text, tokens, sentences, sentenceTokens, mentions, bodyEnd };
}

/** What `rolesOf` reads for one mention, kept until its roles are first asked for. */
interface RoleInputs {
  text: string;
  tokens: Token[];
  gaps: Uint8Array;
  bounds: [number, number];
  prevEnd: number;
  nextFirst: number;
}

/**
 * A mention whose roles are read from its words only when first asked for: most mentions of
 * an article sit in sentences no strike is told in and that voice nothing, and nobody asks
 * for theirs. The roles are a function of the mention's own window, so when they are worked
 * out does not change them.
 */
class LazyMention implements DocMention {
  readonly actor: ActorMention['actor'];
  readonly span: [number, number];
  readonly text: string;
  readonly via: ActorMention['via'];
  readonly tokens: [number, number];
  private known: MentionRoles | null = null;
  private inputs: RoleInputs | null;

  constructor(m: ActorMention, readonly sentence: number, readonly generic: boolean, inputs: RoleInputs) {
    this.actor = m.actor;
    this.span = m.span;
    this.text = m.text;
    this.via = m.via;
    this.tokens = m.tokens;
    this.inputs = inputs;
  }

  get roles(): MentionRoles {
    if (this.known === null) {
      const w = this.inputs!;
      const roles = rolesOf(w.text, w.tokens, w.gaps, this, w.bounds, w.prevEnd, w.nextFirst);
      if (this.generic) roles.official = roles.military = true;
      this.known = roles;
      this.inputs = null;
    }
    return this.known;
  }

  set roles(roles: MentionRoles) {
    this.known = roles;
    this.inputs = null;
  }
}

/** Articles and possessive leftovers skipped when looking at the word before or after a name. */
const FILLER = new Set([
  'the', 'a', 'an', 'l', 'la', 'le', 'les', 'un', 'une', 's', 'de', 'its', 'their', 'al', 'el', 'des', 'du', 'd', 'het', 'ال', 'باسم',
  // directions and the like between a preposition and a country: "in northern Mali", "dans le nord du Mali"
  'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'far', 'remote', 'rural',
  'nord', 'sud', 'est', 'ouest', 'centre', 'extreme', 'neighbouring', 'neighboring', 'voisin', 'voisine',
]);

/**
 * The punctuation between two words, as bits: role checks ask "is there a comma (or a colon, a
 * bracket...) between these words?" hundreds of times per article; each gap is read once.
 */
const COMMA = 1;
const SEMI = 2;
const COLON = 4;
const PAREN = 8;
const BRACKET = 16;
const QUOTE = 32;
const DOT = 64;
const DASH = 128;
const MARK_BITS = new Map<number, number>([
  [0x2c, COMMA], [0x3b, SEMI], [0x3a, COLON], [0x28, PAREN], [0x29, PAREN], [0x5b, BRACKET], [0x5d, BRACKET],
  [0x22, QUOTE], [0x201c, QUOTE], [0x201d, QUOTE], [0xab, QUOTE], [0xbb, QUOTE], [0x2e, DOT], [0x2014, DASH], [0x2013, DASH],
]);
/** , ; : ( ) [ ] and quotes: what ends a phrase. */
const PHRASE_BREAK = COMMA | SEMI | COLON | PAREN | BRACKET | QUOTE;
/** , ; : . ( ) and quotes (not brackets). */
const NOUN_BREAK = COMMA | SEMI | COLON | DOT | PAREN | QUOTE;
/** , ; : ( ) */
const CLAUSE_BREAK = COMMA | SEMI | COLON | PAREN;
/** ; : ( ) */
const SPEECH_BREAK = SEMI | COLON | PAREN;

/** gaps[i]: the marks between word i-1 and word i (for i = 0, from the start of the text). */
function gapMarks(text: string, tokens: Token[]): Uint8Array {
  const gaps = new Uint8Array(tokens.length);
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    let bits = 0;
    for (let c = from; c < tokens[i].start; c++) bits |= MARK_BITS.get(text.charCodeAt(c)) ?? 0;
    gaps[i] = bits;
    from = tokens[i].end;
  }
  return gaps;
}

/** The marks between the end of word a-1 and the start of word b (words hold none). */
function marksBetween(gaps: Uint8Array, a: number, b: number): number {
  let bits = 0;
  for (let k = a; k <= b; k++) bits |= gaps[k];
  return bits;
}

/**
 * The words one mention's roles are read from: its sentence, bounded by the actors named just
 * before and after it. The helpers below are plain functions of it, not closures made afresh
 * for every mention (this runs for every actor named in every article).
 */
interface RoleWindow {
  tokens: Token[];
  gaps: Uint8Array;
  /** First word after the name. */
  end: number;
  /** Look left back to here (the previous actor or the sentence start)... */
  left: number;
  /** ...and right up to here (the next actor or the sentence end). */
  right: number;
  /** End of the sentence. */
  s1: number;
}

/** A cue starting within a few words after the name; nouns must sit in the same phrase (no comma). */
function after(w: RoleWindow, set: PatternSet, within: number, commaStops = true): boolean {
  const stops = commaStops ? PHRASE_BREAK : SEMI | COLON;
  for (let i = w.end; i < Math.min(w.right, w.end + within); i++) {
    if (w.gaps[i] & stops) return false;
    if (set.matchesAt(w.tokens, i, w.s1) > i) return true;
  }
  return false;
}

/** The last word before token `at`, articles and directions aside (its end index, or -1). */
function wordEndBefore(w: RoleWindow, at: number): number {
  let p = at - 1;
  while (p >= w.left && FILLER.has(w.tokens[p].norm)) p--;
  return p >= w.left ? p + 1 : -1;
}

/** The first word of a cue of `set` ending right before word `e` (within six words, not left of the window), or -1. */
function cueEndingAt(w: RoleWindow, set: PatternSet, e: number): number {
  return e > 0 ? set.startOfMatchEndingAt(w.tokens, e, Math.max(w.left, e - 6)) : -1;
}

/** A cue ending right before the phrase, or before the articles in front of it ("imputable à l'"). */
function rightBefore(w: RoleWindow, set: PatternSet, prevWordEnd: number, head: number): boolean {
  if (prevWordEnd < 0) return false;
  for (let e = prevWordEnd; e <= head; e++) if (cueEndingAt(w, set, e) >= 0) return true;
  return false;
}

/** "frappes de drone de l'armée malienne", "the strikes of the army": the strike is its own. */
function isGenitive(w: RoleWindow, head: number): boolean {
  const { tokens, left } = w;
  const { roles } = loadLexicon();
  let p = head - 1;
  while (p >= left && ARTICLE.has(tokens[p].norm)) p--;
  if (p < left || !GENITIVE.has(tokens[p].norm)) return false;
  for (let e = p; e >= Math.max(left, p - 1); e--) {
    if (w.gaps[e] & CLAUSE_BREAK) return false;
    if (roles.target_preps.matchesAt(tokens, e, p) > e) return false;
    if (cueEndingAt(w, roles.strike_nouns, e) >= 0) return true;
  }
  return false;
}

/** "according to the US military", "selon un communiqué de l'armée nigérienne": within the clause. */
function accordingTo(w: RoleWindow, head: number): boolean {
  const { stance } = loadLexicon();
  for (let e = head; e >= Math.max(w.left, head - 8); e--) {
    if (e < head && w.gaps[e + 1] & PHRASE_BREAK) return false;
    if (cueEndingAt(w, stance.according, e) >= 0) return true;
  }
  return false;
}

function rolesOf(text: string, tokens: Token[], gaps: Uint8Array, m: ActorMention, [s0, s1]: [number, number], prevEnd: number, nextFirst: number): MentionRoles {
  const { roles, stance } = loadLexicon();
  const [first, end] = m.tokens;
  // look right up to the next actor named, left back to the previous one
  const right = Math.min(s1, nextFirst);
  const left = Math.max(s0, prevEnd);
  const w: RoleWindow = { tokens, gaps, end, left, right, s1 };
  const demonym = m.via === 'demonym';
  // French puts the noun first: "l'armée française", "armée du Niger", "drone américain";
  // the phrase then starts at that noun, and prepositions are looked for before it.
  const nounEnd = wordEndBefore(w, first);
  // the noun must belong to this phrase: "the strike, Pakistani officials said" does not count
  const samePhrase = nounEnd > 0 && (marksBetween(gaps, nounEnd, first) & NOUN_BREAK) === 0;
  const officialBefore = samePhrase ? cueEndingAt(w, roles.official_nouns, nounEnd) : -1;
  const strikeBefore = demonym && samePhrase ? cueEndingAt(w, roles.strike_nouns, nounEnd) : -1;
  const head = Math.min(first, officialBefore >= 0 ? officialBefore : first, strikeBefore >= 0 ? strikeBefore : first);
  const prevWordEnd = wordEndBefore(w, head);
  // "US officials", "Niger's military"
  const official = after(w, roles.official_nouns, 3) || officialBefore >= 0;
  // "Pakistani officials", "des responsables maliens": people of that side, not its institutions
  const nounAfter = end < tokens.length && !FILLER.has(tokens[end].norm) ? tokens[end].norm : end + 1 < tokens.length && !FILLER.has(tokens[end + 1].norm) ? tokens[end + 1].norm : undefined;
  const nounBefore = officialBefore >= 0 ? tokens[officialBefore].norm : undefined;
  const officialsOnly = official && (PEOPLE.has(nounAfter ?? '') || PEOPLE.has(nounBefore ?? ''));
  const military = after(w, roles.military_nouns, 3) || (officialBefore >= 0 && cueEndingAt(w, roles.military_nouns, nounEnd) >= 0);
  // "US drone", "Houthi missile"; "frappes aériennes françaises"
  const strike = after(w, roles.strike_nouns, 3) || strikeBefore >= 0;
  // "Houthi drone", "Hezbollah rockets": the platform right after the name
  const strikeNext = (end < right && roles.strike_nouns.matchesAt(tokens, end, s1) > end) || strikeBefore >= 0;
  // "frappes de drone de l'armée malienne", "the strikes of the army": the strike is its own
  const genitive = isGenitive(w, head);
  // "camps held by al-Shabaab", "explosives planted by ISIS": a "by" that names no striker
  const byWord = prevWordEnd > 0 ? prevWordEnd - 1 : -1;
  const notStrikeBy = byWord > left && BY.has(tokens[byWord].norm) && NOT_STRIKE_BY.has(tokens[byWord - 1].norm);
  const byAgent = (rightBefore(w, roles.agent_preps, prevWordEnd, head) && !notStrikeBy) || genitive;
  // "a drone attack by", "carried out by", "frappe menée par": a "by" right after a strike word
  let strikeBy = genitive;
  if (byAgent && !genitive && byWord > left) {
    for (let e = byWord; e >= Math.max(left + 1, byWord - 3) && !strikeBy; e--) {
      if (cueEndingAt(w, roles.strike_nouns, e) >= 0 || cueEndingAt(w, roles.agent_verbs, e) >= 0 || cueEndingAt(w, roles.target_verbs, e) >= 0) strikeBy = true;
    }
  }
  // "Turkey launched", "the army has carried out"; not "urged the authorities to conduct"
  let verbAgent = false;
  for (let i = end; i < Math.min(right, end + 5) && !verbAgent; i++) {
    if (gaps[i] & CLAUSE_BREAK) break;
    if (stance.speech.matchesAt(tokens, i, s1) > i) break; // "officials said the strike killed": another subject
    const e = roles.agent_verbs.matchesAt(tokens, i, s1);
    // not "to conduct", not "were killed", not "killed by a US drone"
    if (e > i && tokens[i - 1].norm !== 'to' && !PASSIVE.has(tokens[i - 1].norm) && !BY.has(tokens[e]?.norm ?? '')) verbAgent = true;
  }
  const claims = after(w, stance.claim, 4, false);
  // "Russia denied", "the Pentagon backtracks, admits"
  const voices = after(w, stance.deny, 3, false) || after(w, stance.confirm, 3, false) || claims || after(w, stance.no_comment, 5, false);
  // an office speaks a few words on ("AFRICOM, in a statement, said"); a bare name must be the
  // subject ("France said", "la Russie a annoncé"); "are said to have died" is no speaker
  const speaksWithin = m.actor.kind === 'force' || official ? 6 : 3;
  let says = false;
  for (let i = end; i < Math.min(right, end + speaksWithin) && !says; i++) {
    if (gaps[i] & SPEECH_BREAK) break;
    if (stance.speech.matchesAt(tokens, i, s1) > i && !PASSIVE.has(tokens[i - 1]?.norm ?? '')) says = true;
  }
  // "..., said the Pentagon." / "a indiqué l'armée": inverted only when the clause ends there
  let nameEnd = end;
  while (nameEnd < right && roles.official_nouns.matchesAt(tokens, nameEnd, s1) > nameEnd) nameEnd = roles.official_nouns.matchesAt(tokens, nameEnd, s1);
  // Arabic puts the verb first: "قال متحدث باسم الجيش الأمريكي إن ..." (said ... that)
  const clauseEnds =
    nameEnd >= s1 || /^\s*[,.;:!?)"”»]/.test(text.slice(tokens[nameEnd - 1].end, tokens[nameEnd - 1].end + 3)) || tokens[nameEnd]?.norm === 'ان';
  const speaker = says || voices || accordingTo(w, head) || (rightBefore(w, stance.speech, prevWordEnd, head) && clauseEnds);
  // "strikes on Hezbollah", "contre les shebab"; or a verb of striking up to six words back,
  // within the clause: "killed the head of the Quds Force"
  let target = rightBefore(w, roles.target_preps, prevWordEnd, head) || after(w, roles.victim_verbs, 6, false);
  for (let i = head - 1; i >= Math.max(left, head - 6) && !target; i--) {
    if (gaps[i + 1] & (PHRASE_BREAK | DASH)) break;
    if (roles.agent_preps.matchesAt(tokens, i, head) > i) break;
    if (roles.target_verbs.matchesAt(tokens, i, head) > i) target = true;
  }
  return {
    official,
    officialsOnly,
    military,
    strike,
    strikeNext,
    agent: byAgent || verbAgent,
    by: strikeBy,
    speaker,
    voices,
    claims,
    // "in Somalia", "au Mali"; a dateline or a headline tag: "SOMALIA: Drone strike kills..."
    place: !demonym && ((rightBefore(w, roles.locative_preps, prevWordEnd, head) && !byAgent) || /^\s*[:—–]/.test(text.slice(m.span[1], m.span[1] + 3))),
    target: target && !byAgent,
  };
}

/**
 * "by Sudan's Rapid Support Forces", "Iran's Revolutionary Guards", "the Sudanese RSF": the
 * state only qualifies the group or force named right after it, which takes its role. A name
 * repeated right away ("Rapid Support Forces (RSF)") keeps the first one's role.
 */
function passPossessives(mentions: DocMention[], tokens: Token[]): void {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k];
    const b = mentions[k + 1];
    // "the Rapid Support Forces (RSF)": the acronym in brackets plays the name's part
    if (a.actor.id === b.actor.id && a.sentence === b.sentence && b.tokens[0] === a.tokens[1]) {
      const merged = { ...a.roles };
      for (const key of Object.keys(merged) as (keyof MentionRoles)[]) merged[key] = a.roles[key] || b.roles[key];
      a.roles = merged;
      b.roles = { ...merged };
      continue;
    }
    if (a.actor.kind !== 'state' || b.actor.kind === 'state' || a.sentence !== b.sentence) continue;
    const between = tokens.slice(a.tokens[1], b.tokens[0]).map((t) => t.norm);
    if (!(between.length === 0 || (between.length === 1 && between[0] === 's'))) continue;
    b.roles.agent ||= a.roles.agent;
    b.roles.by ||= a.roles.by;
    b.roles.target ||= a.roles.target;
    a.roles = { ...a.roles, agent: false, by: false, strike: false, strikeNext: false, speaker: false, voices: false, claims: false, place: true };
  }
}

/**
 * The state whose forces the article is about: the one most often named with a military or
 * official noun ("l'armée du Burkina", "Nigerian troops") or through its forces (FAMa, AFRICOM).
 * Null when none is, or when two tie.
 */
function homeState(named: DocMention[], bodyEnd: number): string | null {
  const counts = new Map<string, number>();
  for (const m of named) {
    if (m.span[0] >= bodyEnd) continue;
    const lex = loadLexicon();
    const root = belligerentIdOf(m.actor.id);
    if (lex.entries.get(root)?.kind !== 'state') continue;
    if (m.actor.kind === 'force' || m.roles.official) counts.set(root, (counts.get(root) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
  return ranked[0][0];
}

/**
 * "the army", "l'état-major", "les FDS" not next to a country: a mention of the state whose
 * forces or officials were named last before it (in the same or the two previous sentences,
 * or later in the same sentence), else of the document's home state.
 */
function genericForces(text: string, tokens: Token[], named: DocMention[], bodyEnd: number, tokenSentence: number[]): ActorMention[] {
  const { roles, entries } = loadLexicon();
  const found = roles.generic_forces.find(tokens);
  // the states' roles (read lazily) that say whose "army" it is are only read for an "army"
  // that needs them
  let home: string | null = null;
  let official: DocMention[] | null = null;
  const out: ActorMention[] = [];
  for (const g of found) {
    if (tokens[g.first].start >= bodyEnd) break;
    if (named.some((m) => m.tokens[1] > g.first - 3 && m.tokens[0] < g.end + 3)) continue;
    if (official === null) {
      home = homeState(named, bodyEnd);
      official = named.filter((m) => entries.get(belligerentIdOf(m.actor.id))?.kind === 'state' && (m.actor.kind === 'force' || m.roles.official));
    }
    const sentence = tokenSentence[g.first];
    let near: DocMention | null = null;
    for (const m of official) {
      const before = m.tokens[1] <= g.first && m.sentence >= sentence - 2;
      const laterSame = m.tokens[0] >= g.end && m.sentence === sentence;
      if (before && (!near || near.tokens[0] > g.first || m.tokens[1] > near.tokens[1])) near = m;
      else if (laterSame && !near) near = m;
    }
    const id = near ? belligerentIdOf(near.actor.id) : home;
    const actor = id ? actorById(id) : null;
    if (!actor) continue;
    const span: [number, number] = [tokens[g.first].start, tokens[g.end - 1].end];
    out.push({ actor, span, text: text.slice(span[0], span[1]), via: 'name', tokens: [g.first, g.end], generic: true } as ActorMention);
  }
  return out;
}

const BY = new Set(['by', 'par', 'door']);
const PEOPLE = new Set(['official', 'officials', 'officer', 'officers', 'sources', 'source', 'responsables', 'responsable', 'officiels', 'officiel', 'intelligence', 'security']);
/** Participles before "by" whose agent holds, uses or owns something rather than strikes it. */
const NOT_STRIKE_BY = new Set([
  'held', 'controlled', 'run', 'planted', 'used', 'owned', 'occupied', 'seized', 'captured', 'built', 'laid', 'placed', 'manned',
  'supported', 'funded', 'armed', 'trained', 'founded', 'formed', 'kidnapped', 'abducted', 'infiltrated', 'surrounded', 'besieged', 'threatened',
  'tenu', 'tenue', 'tenus', 'tenues', 'controle', 'controlee', 'controles', 'controlees', 'occupe', 'occupee', 'pose', 'posee', 'utilise', 'utilisee', 'enleve', 'enleves',
]);
const ARTICLE = new Set(['the', 'l', 'la', 'le', 'les', 'its', 'their']);
const GENITIVE = new Set(['de', 'du', 'des', 'd', 'of']);

/** "is said to", "were reported": reporting in the passive names no speaker. */
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'est', 'sont', 'ete']);

/** Sentence indexes overlapping any of the spans. */
export function sentencesOf(doc: ActorDoc, spans: readonly [number, number][]): number[] {
  const out = new Set<number>();
  for (const [a, b] of spans) {
    for (const s of doc.sentences) if (s.span[0] < Math.max(b, a + 1) && s.span[1] > a) out.add(s.index);
  }
  return [...out].sort((x, y) => x - y);
}

/** The first two sentences of the body (after the headline and a dateline or byline line). */
export function ledeOf(doc: ActorDoc): number[] {
  return doc.sentences
    .filter((s) => !s.headline && s.span[0] < doc.bodyEnd && s.text.length > 60)
    .slice(0, 2)
    .map((s) => s.index);
}
