/**
 * What targets and attribution both need from a document: its words, the actors it names,
 * its sentences, where the article proper ends (reader comments are hypotheses, not
 * sources), and for every actor mention the role the words around it give it: agent of a
 * strike, speaker of a statement, place, or target. Computed once per text. This file builds
 * the analysis and holds its shape; the role rules, the look at the words, the end of the
 * article and the forces named without a country are each in their own actors-*.ts file.
 */
import { spanInOrganisation } from '../gazetteer/organisation.ts';
import { mentionsIn, tokenize, type ActorMention, type Token } from '../lexicon/index.ts';
import { tailStart } from './actors-body-end.ts';
import { genericForces } from './actors-generic.ts';
import { passPossessives, rolesOf, type MentionRoles } from './actors-roles.ts';
import { gapMarks } from './actors-window.ts';
import { splitSentences, type Sentence } from './sentences.ts';

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
  // a state named inside an outlet's or an organisation's name ("Radio France
  // Internationale", "the Kabul Times") or inside a city's name ("Port Sudan", "Kuwait City")
  // is not that state speaking or striking
  const named = withRoles(mentionsIn(tokens, text).filter((m) => m.actor.kind !== 'state' || !(spanInOrganisation(text, m.span) || insideCityName(text, m))));
  const generic = genericForces(text, tokens, named, bodyEnd, tokenSentence);
  const mentions = generic.length === 0 ? named : withRoles([...named, ...generic].sort((a, b) => a.tokens[0] - b.tokens[0]));
  passPossessives(mentions, tokens);
  return { text, tokens, sentences, sentenceTokens, mentions, bodyEnd };
}

/**
 * A country's name that is part of a city's, "Port Sudan", "Kuwait City", "Djibouti-ville": a head
 * word of place names glued before it, or "City"/"ville" after it.
 */
function insideCityName(text: string, m: ActorMention): boolean {
  if (m.via === 'demonym') return false;
  const before = text.slice(Math.max(0, m.span[0] - 12), m.span[0]);
  const after = text.slice(m.span[1], m.span[1] + 8);
  return /\b(?:Port|Fort|Cape|Lake|Mount|San|Santa|Saint|St\.?)[ -]$/u.test(before) || /^[ -](?:City|ville)\b/u.test(after);
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
