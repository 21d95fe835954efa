/**
 * From triggers to event sentences: which sentences report a strike (and are not
 * background), with the triggers they hold.
 */
import { findTriggers, platformCues, type Trigger } from './triggers.ts';
import { hasEventCue, isBackground } from './background.ts';
import { sentenceAt, type Sentence } from './sentences.ts';
import type { EventSentence } from './grouping.ts';

/**
 * A determiner + strike noun ("the strike", "Saturday's raid", "la frappe"): a weak trigger
 * that refers back to a strike already told. It may add sentences to a strike, never start one
 * on its own (unless it says "a second strike").
 */
const ANAPHORA =
  /\b(?:the|this|that|its|their|saturday['’]s|sunday['’]s|monday['’]s|tuesday['’]s|wednesday['’]s|thursday['’]s|friday['’]s|yesterday['’]s|today['’]s|(?:a|the) (?:second|third|later|latter|subsequent|other|separate)|another|a (?:US|U\.S\.|American|Turkish|Russian|French|Israeli|Kenyan|coalition|Saudi|Nigerian|military|army))\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:,\s+\d{4})?\s+|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:[\p{L}-]+\s+)?(?:strikes?|raids?|attacks?|bombings?|bombardment)(?![\p{L}])|(?<![\p{L}])(?:la|cette|une|le|ce|du|de la|les|ces|des) (?:[\p{L}-]+ )?(?:frappes?|raids?|bombardements?|attaques?)(?![\p{L}])/iu;

/**
 * Where the article proper ends: comment threads, tag lists, "related" links and donation
 * appeals follow it and are never reports.
 */
const TAIL = /^\s*(?:\d+\s+)?(?:comments?|responses?|replies|commentaires?|réactions?|related(?: articles| posts| stories)?|read more|lire aussi|à lire aussi|tags\s*:|mots-clés\s*:|share this)\b/im;

export interface EventAnalysis {
  sentences: Sentence[];
  events: EventSentence[];
  /** Background sentences that hold a trigger, with their reasons (for explanations and tests). */
  background: { sentence: number; reasons: string[] }[];
  triggersBySentence: Map<number, Trigger[]>;
  /** Offset where the article's tail (comments, tags) begins; text.length when none. */
  tailStart: number;
}

export function findEventSentences(text: string, sentences: Sentence[]): EventAnalysis {
  const tail = TAIL.exec(text);
  const tailStart = tail ? tail.index : text.length;
  const triggersBySentence = new Map<number, Trigger[]>();
  for (const t of findTriggers(text)) {
    const i = sentenceAt(sentences, t.span[0]);
    if (i < 0) continue;
    const list = triggersBySentence.get(i);
    if (list) list.push(t);
    else triggersBySentence.set(i, [t]);
  }
  const events: EventSentence[] = [];
  const background: { sentence: number; reasons: string[] }[] = [];
  for (const [i, trigs] of [...triggersBySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const s = sentences[i];
    if (s.span[0] >= tailStart) continue;
    const strong = trigs.filter((t) => t.strength === 'strong');
    let kept: Trigger[] = strong;
    if (kept.length === 0) {
      const cues = platformCues(text, s.span);
      if (cues.drone || cues.aircraft || cues.missile) kept = trigs;
      else if (ANAPHORA.test(s.text)) kept = trigs.filter((t) => /^(?:strikes?|raids?|attacks?|bombings?|bombardements?|bombardment|frappes?|attaques?)$/i.test(t.text));
      if (kept.length === 0) continue;
    }
    const verdict = isBackground(s.text, { isHeadline: s.headline, isListItem: s.listItem });
    if (!verdict.background && !s.headline && kept.every((t) => isBarePlural(text, t)) && !hasEventCue(s.text)) {
      verdict.background = true;
      verdict.reasons.push('generic-plural');
    }
    if (verdict.background) {
      background.push({ sentence: i, reasons: verdict.reasons });
      continue;
    }
    const isStrong = strong.length > 0 || hasPlatformCue(text, s);
    // "It says the strikes killed 2,372 combatants" after a tally: a weak back-reference whose
    // nearest trigger sentence before it is background refers to that background.
    const prevTriggered = [...triggersBySentence.keys()].filter((k) => k < i && !sentences[k].headline).sort((a, b) => b - a)[0];
    if (!isStrong && !s.headline && prevTriggered !== undefined && background.some((b) => b.sentence === prevTriggered) && ANAPHORA.test(s.text)) {
      background.push({ sentence: i, reasons: ['refers-to-background'] });
      continue;
    }
    events.push({ sentence: i, text: s.text, headline: s.headline, triggers: kept.map((t) => t.span), strong: isStrong });
  }
  return { sentences, events, background, triggersBySentence, tailStart };
}

function hasPlatformCue(text: string, s: Sentence): boolean {
  const c = platformCues(text, s.span);
  return c.drone !== null || c.aircraft !== null || c.missile !== null;
}

/**
 * A plural trigger with no determiner or number before it ("drone strikes are no exception",
 * "critics worry that airstrikes...") speaks of strikes in general.
 */
function isBarePlural(text: string, t: Trigger): boolean {
  if (!/s$/i.test(t.text)) return false;
  const before = text.slice(Math.max(0, t.span[0] - 40), t.span[0]);
  return !/\b(?:the|these|those|two|three|four|five|several|both|its|their|our|his|her|recent|latest|first|les|des|ces|deux|trois|plusieurs|\d+)\s+(?:[\p{L}.-]+\s+){0,2}$/iu.test(before);
}
