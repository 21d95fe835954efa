/**
 * The role an actor mention plays, read from the words around it: agent of a strike, speaker
 * of a statement, place, or target, and the official or military noun next to it. These are
 * the linguistic rules of the actor analysis; actors-window.ts holds how the words are looked
 * at, actors-context.ts when (lazily, once per mention).
 */
import { loadLexicon, type ActorMention, type Token } from '../lexicon/index.ts';
import type { DocMention } from './actors-context.ts';
import {
  CLAUSE_BREAK,
  DASH,
  FILLER,
  NOUN_BREAK,
  PAREN,
  PHRASE_BREAK,
  SPEECH_BREAK,
  after,
  cueEndingAt,
  marksBetween,
  rightBefore,
  wordEndBefore,
  type RoleWindow,
} from './actors-window.ts';

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

export function rolesOf(text: string, tokens: Token[], gaps: Uint8Array, m: ActorMention, [s0, s1]: [number, number], prevEnd: number, nextFirst: number): MentionRoles {
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
  // "frappes françaises": the noun first; but after an English verb of striking the demonym is
  // its object's ("jets bombed Cambodian positions"), not the striker's
  const verbBefore = nounEnd > 0 && /(?:ed|ing)$/.test(tokens[nounEnd - 1].norm);
  const strikeBefore = demonym && samePhrase && !verbBefore ? cueEndingAt(w, roles.strike_nouns, nounEnd) : -1;
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
  // "the Rapid Support Forces (RSF) attacked": a name in brackets of its own does not end the clause there
  const enclosed = (gaps[first] & PAREN) !== 0 && end < gaps.length && (gaps[end] & PAREN) !== 0;
  const gapAt = (i: number) => (enclosed && i === end ? gaps[i] & ~PAREN : gaps[i]);
  for (let i = end; i < Math.min(right, end + 5) && !verbAgent; i++) {
    if (gapAt(i) & CLAUSE_BREAK) break;
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
    if (gapAt(i) & SPEECH_BREAK) break;
    if (stance.speech.matchesAt(tokens, i, s1) > i && !PASSIVE.has(tokens[i - 1]?.norm ?? '')) says = true;
  }
  // "..., said the Pentagon." / "a indiqué l'armée": inverted only when the clause ends there
  let nameEnd = end;
  while (nameEnd < right && roles.official_nouns.matchesAt(tokens, nameEnd, s1) > nameEnd) nameEnd = roles.official_nouns.matchesAt(tokens, nameEnd, s1);
  // ("a indiqué l'état-major des armées à Paris.": the speaker's seat may close the clause)
  const afterName = text.slice(tokens[nameEnd - 1].end, tokens[nameEnd - 1].end + 40);
  // Arabic puts the verb first: "قال متحدث باسم الجيش الأمريكي إن ..." (said ... that)
  const clauseEnds =
    nameEnd >= s1 || /^\s*[,.;:!?)"”»]/.test(afterName) || SEAT_THEN_END.test(afterName) || tokens[nameEnd]?.norm === 'ان';
  // in Arabic the name right after a verb of saying is its subject, whatever follows: "أعلنت
  // القيادة ... مقتل أربعة" (announced the command the killing of four)
  const arabicName = /[\u0600-\u06ff]/.test(tokens[head]?.raw ?? '');
  // "a indiqué samedi l'état-major", "said on Monday the ministry": a day between verb and name
  let speechEnd = prevWordEnd;
  for (let k = 0; k < 3 && speechEnd > 0 && DAY_WORDS.has(tokens[speechEnd - 1].norm); k++) speechEnd = wordEndBefore(w, speechEnd - 1);
  const speaker = says || voices || accordingTo(w, head) || (rightBefore(w, stance.speech, speechEnd, head) && (clauseEnds || arabicName));
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
export function passPossessives(mentions: DocMention[], tokens: Token[]): void {
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

const BY = new Set(['by', 'par', 'door']);
const PEOPLE = new Set(['official', 'officials', 'officer', 'officers', 'sources', 'source', 'responsables', 'responsable', 'officiels', 'officiel', 'intelligence', 'security']);
/** Participles before "by" whose agent holds, uses or owns something rather than strikes it. */
const NOT_STRIKE_BY = new Set([
  'held', 'controlled', 'run', 'planted', 'used', 'owned', 'occupied', 'seized', 'captured', 'built', 'laid', 'placed', 'manned',
  'supported', 'backed', 'sponsored', 'financed', 'funded', 'armed', 'trained', 'founded', 'formed', 'kidnapped', 'abducted', 'infiltrated', 'surrounded', 'besieged', 'threatened',
  'tenu', 'tenue', 'tenus', 'tenues', 'controle', 'controlee', 'controles', 'controlees', 'occupe', 'occupee', 'pose', 'posee', 'utilise', 'utilisee', 'enleve', 'enleves',
]);
const ARTICLE = new Set(['the', 'l', 'la', 'le', 'les', 'its', 'their']);
const GENITIVE = new Set(['de', 'du', 'des', 'd', 'of']);

/** Days and times that may stand between a verb of saying and its inverted subject. */
const DAY_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'on',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', 'soir', 'matin']);

/** The seat of an inverted speaker, then the clause's end: " à Paris.", " in Washington,". */
const SEAT_THEN_END = /^\s+(?:à|au|in|at|from|depuis)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s*[,.;:!?)"”»]/u;

/** "is said to", "were reported": reporting in the passive names no speaker. */
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'est', 'sont', 'ete']);
