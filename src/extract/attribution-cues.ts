/**
 * The stance cues of a document (no comment, denial, confirmation, claim, hedge,
 * condemnation), read once per sentence and kept per document, since every strike of an
 * article asks again; and the sentences of the body where a possible belligerent voices one.
 * Apart from the rules weighing them (attribution.ts), which decide whose cue it is.
 */
import { loadLexicon, type PatternSet } from '../lexicon/index.ts';
import type { ActorDoc } from './actors-context.ts';
import { eligible } from './attribution-eligible.ts';
import { ASSERTED } from './attribution-strikers.ts';

/** Per document: what findAttributions and sentenceAttributions read the same way for every strike of it. */
interface DocCues {
  /** Body sentences where a possible belligerent comments, denies, confirms or claims. */
  voiced: number[];
  /** The stance cues of each sentence read so far. */
  cues: Map<number, SentenceCues>;
}

const docCues = new WeakMap<ActorDoc, DocCues>();

function cuesOfDoc(doc: ActorDoc): DocCues {
  let c = docCues.get(doc);
  if (c === undefined) {
    c = { voiced: findVoiced(doc), cues: new Map() };
    docCues.set(doc, c);
  }
  return c;
}

/** Sentences anywhere in the body where a possible belligerent comments, denies, confirms or claims. */
export function voicedSentences(doc: ActorDoc): number[] {
  return cuesOfDoc(doc).voiced;
}

function findVoiced(doc: ActorDoc): number[] {
  const { stance } = loadLexicon();
  const voiced = [stance.no_comment, stance.deny, stance.confirm, stance.claim];
  const named = new Set<number>();
  for (const m of doc.mentions) named.add(m.sentence);
  const out: number[] = [];
  for (const s of doc.sentences) {
    if (!named.has(s.index) || s.span[0] >= doc.bodyEnd || isComment(doc, s.index)) continue;
    const [t0, t1] = doc.sentenceTokens[s.index];
    // the cue first: it is cheaper than a mention's roles, and most sentences voice nothing
    if (!voiced.some((set) => set.find(doc.tokens, t0, t1).length > 0)) continue;
    if (doc.mentions.some((m) => m.sentence === s.index && eligible(m, doc))) out.push(s.index);
  }
  return out;
}

/** A reader's comment: a list item of the comment thread or a "X says:" line. */
export function isComment(doc: ActorDoc, i: number): boolean {
  return /\bsays:\s*$/.test(doc.sentences[i].text);
}

export interface Cue {
  first: number;
  end: number;
}

export function cues(set: PatternSet, doc: ActorDoc, t0: number, t1: number): Cue[] {
  return set.find(doc.tokens, t0, t1).map((c) => ({ first: c.first, end: c.end }));
}

const NEGATION = new Set(['not', 'no', 'never', 'neither', 'nor', 'cannot', 't', 'pas', 'ni', 'jamais', 'n', 'niet', 'geen', 'لم', 'لا']);
/** A condition before a cue ("if confirmed", "si elle est confirmée") voices nothing. */
const CONDITION = new Set(['if', 'unless', 'whether', 'si', 'once', 'als', 'indien', 'إذا']);

/** The stance cues of one sentence, as sentenceAttributions weighs them. */
interface SentenceCues {
  noComment: Cue[];
  /** Denials outside a "no comment" phrase. */
  denies: Cue[];
  /** Confirmations outside a "no comment" phrase and not negated or conditional. */
  confirms: Cue[];
  /** Claims, as confirmations, and not "claimed the strike killed...". */
  claims: Cue[];
  hedges: Cue[];
  /** A hedge over the whole sentence, or a headline question. */
  sentenceHedged: boolean;
  condemned: boolean;
}

/** The stance cues of sentence `si`, read once per document (every strike of it asks again). */
export function sentenceCues(doc: ActorDoc, si: number): SentenceCues {
  const memo = cuesOfDoc(doc).cues;
  let c = memo.get(si);
  if (c === undefined) {
    c = readSentenceCues(doc, si);
    memo.set(si, c);
  }
  return c;
}

function readSentenceCues(doc: ActorDoc, si: number): SentenceCues {
  const { stance } = loadLexicon();
  const sentence = doc.sentences[si];
  const [t0, t1] = doc.sentenceTokens[si];
  const noComment = cues(stance.no_comment, doc, t0, t1);
  const inside = (c: Cue) => noComment.some((n) => c.first >= n.first && c.end <= n.end);
  const negated = (c: Cue) => {
    for (let i = Math.max(t0, c.first - 3); i < c.first; i++) if (NEGATION.has(doc.tokens[i].norm) || CONDITION.has(doc.tokens[i].norm)) return true;
    return false;
  };
  return {
    noComment,
    denies: cues(stance.deny, doc, t0, t1).filter((c) => !inside(c)),
    confirms: cues(stance.confirm, doc, t0, t1).filter((c) => !inside(c) && !negated(c)),
    claims: cues(stance.claim, doc, t0, t1).filter((c) => !inside(c) && !negated(c) && !ASSERTED.has(doc.tokens[c.end]?.norm ?? '')),
    hedges: cues(stance.hedge, doc, t0, t1),
    sentenceHedged: cues(stance.hedge_sentence, doc, t0, t1).length > 0 || (sentence.headline && /\?\s*$/.test(sentence.text)),
    condemned: cues(stance.condemn, doc, t0, t1).length > 0,
  };
}

/** "denies targeting civilians", "a démenti toute victime civile": a denial of harm, not of the strike. */
export function aimedAtHarm(doc: ActorDoc, c: Cue, t1: number, harm: PatternSet): boolean {
  for (let i = c.end; i < Math.min(t1, c.end + 5); i++) if (harm.matchesAt(doc.tokens, i, t1) > i) return true;
  return false;
}
