/**
 * The casualty patterns that findCasualties (casualties.ts) tries at each word: the regexes, the
 * start-word tests saying where each can begin, and the anchor words every match holds. Kept
 * apart from the scan because this is the linguistic part (what a figure of deaths looks like)
 * and grows with every shape learnt, while the scan only decides where to try. Pure data.
 *
 *
 * Shapes recognised (English and French):
 * - figure then participle: "At least six people were killed", "42 deaths", "une trentaine de morts";
 * - verb then figure: "killing seven fighters", "the strike killed 10 civilians", "tuant au moins 7 civils";
 * - tolls: "the death toll rose to 20", "le bilan s'élève à 12";
 * - explicit zeros: "no casualties", "no one was killed", "aucune victime", "neither killed nor
 *   wounded any civilians";
 * - parts summed in one clause: "killing nine staff and seven patients" -> 16;
 * - "including 5 civilians" after a death figure -> civilians killed;
 * - one person: "a top commander died", "killed a senior leader", "Abdullahi Nadir ... has died",
 *   "killed Ayman al-Zawahiri, the leader", "he was killed" (weak: yields to any real figure);
 *   "along with others" -> at least 2;
 * - denials of civilian harm ("rejected reports that civilians died") -> civilians 0;
 * - figures said to come on top ("the strike also killed three fighters") are added by combineRanges.
 * French "neutralisés / mis hors de combat" is not killing and is not matched.
 */
import {
  AUX,
  CIVILIAN_NOUNS,
  SINGULAR_NOUNS,
  INJURED_AFTER,
  INJURED_BEFORE,
  KILLED_AFTER,
  KILLED_BEFORE,
  NOT_MODIFIERS,
  PERSON_NOUNS,
  UNITS_AFTER,
} from './casualties-lexicon.ts';
import { NUMBER_WORDS, QUANTITY_RE, QUANTITY_START_WORDS, isQuantityStart } from './numbers.ts';
import { alternation } from './numbers-regex.ts';
import type { CasualtyMention } from './casualties-combine.ts';
import { lookupActor } from '../lexicon/index.ts';

const B0 = '(?<![\\p{L}\\p{N}])';
const B1 = '(?![\\p{L}\\p{N}])';

/** Regex alternation of a word list, as a trie (see numbers-regex.ts). */
function alt(words: Iterable<string>): string {
  return alternation(words);
}

const Q = `(${QUANTITY_RE})(?![\\p{N}]|\\s*-\\s*(?:years?|ans?)${B1})`;
const NOUN = `(${alt(PERSON_NOUNS)})`;
const MODIFIER = `(?!(?:${alt([...NOT_MODIFIERS, ...NUMBER_WORDS])})${B1})\\p{L}[\\p{L}\\p{N}'’.-]*`;
/** "of al Qaeda in the Arabian Peninsula": a short complement after the noun. */
const COMPLEMENT = `(?:\\s*(?:\\([^)\\n]{1,40}\\)\\s*)?\\s(?:of|in|from|with|belonging\\s+to|(?:thought|believed|said|suspected)\\s+to\\s+be|de|du|des|d['’]|appartenant\\s+à)\\s+(?:[\\p{L}'’-]+\\s+){0,6}?[\\p{L}'’-]+)?(?:\\s*\\([^)\\n]{1,40}\\))?`;
/** An appositive between commas: "10 civilians, seven of them children, had died". */
const APPOSITIVE = `(?:\\s*,[^,.;:\\n]{1,40},)?`;
const AUXS = `(?:\\s+(?:${alt(AUX)})){0,4}`;
/** "seven AQAP fighters", "dozens of people", "une trentaine de civils". */
/** After the noun: "and commanders", "présumés", "(SDF)". */
const NOUN_TAIL = `(?:\\s+(?:and|et)\\s+(?:${alt(PERSON_NOUNS)}))?(?:\\s+(?:présumés|présumées|presumed|suspected|armés|armed))?(?:\\s*\\([^)\\n]{1,40}\\))?`;
const COUNTED = `${Q}(?:(?:\\s+(?:of|de|d['’]))?\\s*(?:${MODIFIER}\\s+){0,3}${NOUN}${NOUN_TAIL})?`;
const COUNTED_NOUN = `${Q}(?:(?:\\s+(?:of|de|d['’]))?\\s*(?:${MODIFIER}\\s+){0,3}${NOUN}${NOUN_TAIL})`;
/** A time adverb between a verb and its figure: "ont tué dimanche au moins cinq cadres". */
const WHEN = `(?:\\s+(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|yesterday|today|hier|aujourd['’]hui)(?:\\s+(?:soir|matin|night|morning|evening|afternoon))?)?`;
/** Several counted groups summed: "nine staff and seven patients". */
const CHAIN = `${COUNTED_NOUN}(?:\\s*(?:,|and|et|as\\s+well\\s+as|ainsi\\s+que)\\s+${COUNTED_NOUN})*`;
const NOT_UNIT = `(?!\\s*${UNITS_AFTER}${B1})`;
/** After a figure, up to its word of death or injury: "... were reportedly killed". */
const FIGURE_DEATH = `${NOT_UNIT}${APPOSITIVE}${AUXS}\\s*(?:(?:of|de|d['’])\\s+)?(${alt(KILLED_AFTER)}|${alt(INJURED_AFTER)})`;
/** A verb before a figure: "killing", "a tué", "wounding". */
const VERB = `${alt(KILLED_BEFORE)}|${alt(INJURED_BEFORE)}`;

type Category = CasualtyMention['category'];

export interface Pattern {
  /** Sticky: tried only at the start of a word that `starts` accepts (given the next word and the raw first letter). */
  re: RegExp;
  /**
   * Tried at the same place when `re` fails: the second branch of an alternation, kept apart so
   * that each regex stays under 20 KB of source, past which V8 stops optimising it (5x slower).
   */
  orElse?: RegExp;
  starts: (word: string, next: string, first: string) => boolean;
  category: Category | ((m: RegExpExecArray) => Category | null);
  /** Group index of the counted part, or a fixed range for zero and one-person patterns. */
  counted: number | { min: number; max: number };
  /** Group index of the noun saying who, for fixed-range patterns. */
  who?: number;
  /** Group index of "along with others": one person and more -> at least 2. */
  more?: number;
  /** One-person patterns: yield to any figure they overlap. */
  weak?: boolean;
}

/** A person's name: two to five capitalised words, Arabic particles allowed ("Ayman al-Zawahiri", "Baye ag Bakabo"). */
const PERSON_NAME = `\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:al|el|bin|ben|ibn|abu|abou|ould|ag|(?:al-|el-)?\\p{Lu}[\\p{L}'’-]+)){1,4}`;

/** What may follow a name that is the whole object of a verb of killing: a comma, a bracket, the end, a preposition or time word. */
const AFTER_OBJECT_NAME = `(?=\\s*(?:[,;(]|\\.(?:\\s|$)|$)|\\s+(?:on|in|at|near|along|together|as|while|last|this|early|late|after|before|when|during|le|à|au|dans|près|lors|avec|ainsi|alors|samedi|dimanche|lundi|mardi|mercredi|jeudi|vendredi)\\b)`;

function re(src: string): RegExp {
  return new RegExp(`(?:${src})${B1}`, 'yiu');
}

/** Every match holds one of these words (a verb or noun of death, injury or harm, a toll, civilians). */
export const LINE_ANCHORS = new Set<string>(
  [...KILLED_AFTER, ...INJURED_AFTER, ...KILLED_BEFORE, ...INJURED_BEFORE, ...CIVILIAN_NOUNS]
    .flatMap((p) => p.split(' '))
    .filter((w) => w.length >= 3 && !['the', 'their', 'het', 'lost', 'took', 'claimed', 'claiming', 'coûté', 'coûtant', 'avoir', 'perdu', 'trouvé', 'les', 'found'].includes(w))
    .concat(['toll', 'bilan', 'casualties', 'casualty', 'victime', 'victimes', 'victims', 'harmed', 'civil', 'civilian', 'civile',
      'مقتل', 'قتل', 'قتلت', 'قتلوا', 'ومقتل', 'وقتل', 'وقتلت', 'قتيلا', 'قتيلاً', 'قتلى']),
);

/** The longest match spans about this many words before its anchor word. */
export const MAX_WORDS = 30;

/** Arabic verb and noun forms of killing that start a figure. */
const ARABIC_KILL = new Set(['مقتل', 'قتل', 'قتلت', 'قتلوا', 'ومقتل', 'وقتل', 'وقتلت', 'وقتلوا']);

/** Every word some pattern can start with (digits apart): words outside it are skipped at once. */
export const START_WORDS = new Set<string>(['مقتل', 'قتل', 'قتلت', 'قتلوا', 'ومقتل', 'وقتل', 'وقتلت', 'وقتلوا', ...QUANTITY_START_WORDS]);

function words(...ws: string[]): (w: string) => boolean {
  const set = new Set(ws);
  for (const w of ws) START_WORDS.add(w);
  return (w) => set.has(w);
}

/** First words of the verbs that precede a figure ("killing", "a" of "a tué", "claimed" of "claimed the lives of"). */
const VERB_FIRST = verbStart([...KILLED_BEFORE, ...INJURED_BEFORE]);

/**
 * Start test for the verb-then-figure patterns. A verb of one word starts them alone; the first
 * word of a longer verb ("a" of "a tué", "ont" of "ont blessé", "claimed" of "claimed the lives
 * of") only when the next word begins the verb's second word: "a" is tried before "tué", not
 * before every noun. The patterns join the verb's words with white space, so this never loses
 * a match; it only saves failing attempts.
 */
function verbStart(verbs: string[]): (w: string, next: string) => boolean {
  const single = new Set<string>();
  const second = new Map<string, string[]>();
  for (const v of verbs) {
    const [a, b] = v.split(' ');
    START_WORDS.add(a);
    if (b === undefined) single.add(a);
    else second.set(a, [...(second.get(a) ?? []), b]);
  }
  return (w, next) => {
    if (single.has(w)) return true;
    const bs = second.get(w);
    if (bs === undefined) return false;
    for (const b of bs) if (next.startsWith(b)) return true;
    return false;
  };
}

export const INCLUDING = re(`(?:including|among\\s+them|among\\s+whom|of\\s+whom|dont|parmi\\s+(?:eux|lesquels|lesquelles))\\s+(${Q}\\s+(?:${MODIFIER}\\s+){0,2}(${alt(CIVILIAN_NOUNS)}))`);

/** "no fewer than 18 of them civilians": the civilian share of a death figure just given. */
export const OF_THEM = re(`${Q}\\s+of\\s+(?:them|whom)\\s+(?:were\\s+)?(?:civilians|civils)|${Q}\\s+d['’]entre\\s+eux\\s+(?:des\\s+)?civils`);

export const PATTERNS: Pattern[] = [
  // zeros -----------------------------------------------------------------------------------
  {
    re: re(`neither\\s+killed\\s+nor\\s+(?:wounded|injured)\\s+any\\s+civilians|(?:killed|harmed|hurt)\\s+no\\s+civilians|no\\s+civilian\\s+(?:casualties|deaths|fatalities|victims)|no\\s+civilians\\s+(?:(?:were|had\\s+been|have\\s+been)\\s+)?(?:killed|harmed|hurt|injured|died)|(?:killed|kills|killing)\\s+[^.;\\n]{1,60}?\\s+and\\s+no\\s+civilians|` +
      `(?:rejects?|rejected|denie[sd]|deny|dismisse[sd]|dément|démenti|nie|rejette)\\s+(?:[^.;\\n]{0,40}?\\s)?(?:claims?|reports?|assertions?|allegations?|accusations?|informations?)\\s+(?:[^.;\\n]{0,50}?\\s)?(?:civilians?\\s+(?:deaths|casualties|died|were\\s+killed)|killed\\s+(?:\\p{L}+\\s+)?civilians|(?:tué|tués)\\s+des\\s+civils)|` +
      `(?:nothing\\s+indicated|no\\s+(?:indication|sign|evidence))\\s+(?:that\\s+|of\\s+)?(?:any\\s+)?civilian(?:s|\\s+casualties|\\s+deaths)|` +
      `(?:no|nil|zero)\\s+chance[^.;\\n]{0,20}?of\\s+civilian\\s+casualties|chance\\s+of\\s+civilian\\s+casualties\\s+was\\s+(?:\\p{L}+\\s+)?(?:nil|zero)|` +
      `did\\s+not\\s+kill\\s+any\\s+civilians|aucune\\s+victime\\s+civile|pas\\s+de\\s+victimes?\\s+civiles?|aucun\\s+civil\\s+(?:n['’]a\\s+été\\s+)?(?:tué|touché|blessé)`),
    starts: words('neither', 'killed', 'kills', 'killing', 'harmed', 'hurt', 'no', 'did', 'aucune', 'pas', 'aucun', 'reject',
      'rejects', 'rejected', 'denies', 'denied', 'deny', 'dismisses', 'dismissed', 'dément', 'démenti', 'nie', 'rejette',
      'nothing', 'nil', 'zero', 'chance'),
    category: 'civilians_killed',
    counted: { min: 0, max: 0 },
  },
  {
    re: re(`no\\s+(?:one|body|people)\\s+(?:was|were|had\\s+been|has\\s+been)\\s+(?:killed|hurt|injured|wounded)|nobody\\s+(?:was|had\\s+been|has\\s+been)\\s+(?:killed|hurt|injured|wounded)|no\\s+(?:casualties|deaths|fatalities|one\\s+died)|(?:there\\s+were\\s+)?no\\s+reports?\\s+of\\s+casualties|aucune\\s+victime(?!\\s+civile)|pas\\s+de\\s+victimes?(?!\\s+civile)|sans\\s+faire\\s+de\\s+victimes?(?!\\s+civile)|personne\\s+n['’]a\\s+été\\s+(?:tué|blessé)`),
    starts: words('no', 'nobody', 'there', 'aucune', 'pas', 'sans', 'personne'),
    category: (m) => (/hurt|injured|wounded|blessé/i.test(m[0]) ? 'injured' : 'killed'),
    counted: { min: 0, max: 0 },
  },
  // figure then participle / death noun ------------------------------------------------------
  {
    starts: isQuantityStart,
    // one regex "(CHAIN COMPLEMENT|Q) ..." split in two at its first alternation (same matches)
    re: re(`(${CHAIN}${COMPLEMENT})${FIGURE_DEATH}`),
    orElse: re(`(${Q})${FIGURE_DEATH}`),
    category: (m) => (isInjured(m[m.length - 1]) ? 'injured' : 'killed'),
    counted: 1,
  },
  // verb then figure -----------------------------------------------------------------------------
  {
    // one regex "VERB WHEN (CHAIN|COUNTED)" split in two: a verb and its time adverb fix where
    // the figure starts, so trying every chain first and then every single figure finds the
    // same match as the single regex did
    re: re(`(${VERB})${WHEN}\\s+(${CHAIN})${NOT_UNIT}`),
    orElse: re(`(${VERB})${WHEN}\\s+(${COUNTED})${NOT_UNIT}`),
    starts: VERB_FIRST,
    category: (m) => (isInjured(m[1]) ? 'injured' : 'killed'),
    counted: 2,
  },
  // tolls --------------------------------------------------------------------------------------
  {
    re: re(`(?:death\\s+toll|toll|number\\s+of\\s+(?:dead|deaths|victims)|bilan(?:\\s+humain|\\s+provisoire)?)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:rose|has\\s+risen|had\\s+risen|risen|climbed|reached|stood|stands|rises|is|was|of|at|to|à|de|s['’]élève|s['’]établit|est|atteint|passé)(?:\\s+(?:to|at|à|de))?\\s+(${COUNTED})${NOT_UNIT}`),
    starts: words('death', 'toll', 'number', 'bilan'),
    category: 'killed',
    counted: 1,
  },
  // "including 5 civilians" (after a death figure) -------------------------------------------------
  {
    re: OF_THEM,
    starts: isQuantityStart,
    category: 'civilians_killed',
    counted: 1,
  },
  {
    re: INCLUDING,
    starts: words('including', 'among', 'of', 'dont', 'parmi'),
    category: 'civilians_killed',
    counted: 1,
  },
  // one person: "a top figure in the group died", "killed a senior leader", "Abdullahi Nadir ... has died"
  {
    re: re(`(?:(?:a|an|one|the|un|une|le|la)\\s+|l['’]\\s*)(?:${MODIFIER}\\s+){0,3}(${alt(SINGULAR_NOUNS)})${COMPLEMENT}${APPOSITIVE}${AUXS}\\s*(?:${alt(KILLED_AFTER.filter((w) => !/s$/.test(w) || w === 'lost their lives'))})`),
    starts: words('a', 'an', 'one', 'the', 'un', 'une', 'le', 'la', 'l'),
    category: 'killed',
    counted: { min: 1, max: 1 },
    who: 1,
    weak: true,
  },
  {
    // "he died", "he was killed", "il a été tué" (not "elle aurait tué des civils")
    re: re(`(?:he|she)\\s+(?:(?:was|has\\s+been|had\\s+been|is\\s+(?:believed|thought|said)\\s+to\\s+have\\s+been)\\s+killed|(?:has\\s+|had\\s+|reportedly\\s+)?died)|(?:il|elle)\\s+(?:(?:a|aurait)\\s+été\\s+tuée?|est\\s+morte?|(?:a|aurait)\\s+péri)`),
    starts: words('he', 'she', 'il', 'elle'),
    category: 'killed',
    counted: { min: 1, max: 1 },
    weak: true,
  },
  {
    re: re(`(${alt(KILLED_BEFORE)}|${alt(INJURED_BEFORE)})\\s+(?:(?:a|an|one|the|un|une|le|la)\\s+|l['’]\\s*)?(?:${MODIFIER}\\s+){0,3}(${alt(SINGULAR_NOUNS)})${B1}(?:${COMPLEMENT}(\\s+(?:along|together)\\s+with\\s+(?:several\\s+|many\\s+|some\\s+)?others|\\s+(?:and|et)\\s+(?:several\\s+|d['’])?(?:others|autres)))?`),
    starts: VERB_FIRST,
    // without an article only after a verb: "kills senior leader", not "an injured Afghan man"
    category: (m) => (isInjured(m[1]) ? (ARTICLE_AFTER_VERB.test(m[0]) ? 'injured' : null) : 'killed'),
    counted: { min: 1, max: 1 },
    who: 2,
    more: 3,
    weak: true,
  },
  {
    // a name (two or more capitalised words) then "was killed" / "has died" / "tué": case-sensitive
    re: new RegExp(
      `(?!(?:The|A|An|In|On|At|As|According|After|Before|When|While|Le|La|Les|Un|Une|Selon|Après|Avant)\\s)${PERSON_NAME}(?:\\s*,\\s*(?:who|whom|whose|the|a|an|qui|que|dont|le|la|l['’])\\s[^.;:\\n\\d"“”«»]{1,90},)?\\s+(?:(?:was|has\\s+been|had\\s+been|has|had|a\\s+été|est|a|aurait\\s+été)\\s+)?(?:killed|died|tué|mort|péri)${B1}`,
      'yu',
    ),
    starts: (_w, _n, first) => first !== first.toLowerCase(),
    category: 'killed',
    counted: { min: 1, max: 1 },
    weak: true,
  },
  {
    // a verb then a name as its whole object: "killed Ayman al-Zawahiri, the leader of al-Qaeda",
    // "a tué Baye ag Bakabo samedi"; not a group ("killed Boko Haram fighters" has no name
    // object; "killed Al Shabaab, ..." names a group, checked against the lexicon)
    re: new RegExp(`(?:${alt(KILLED_BEFORE)})\\s+(${PERSON_NAME})${AFTER_OBJECT_NAME}`, 'yu'),
    starts: VERB_FIRST,
    category: (m) => (lookupActor(m[1]) ? null : 'killed'),
    counted: { min: 1, max: 1 },
    weak: true,
  },
  // Arabic: "مقتل 7", "7 قتلى"
  {
    re: new RegExp(`و?(?:مقتل|قتل|قتلت|قتلوا)\\s+(?:[\\p{L}]+\\s+)?(?:ما\\s+لا\\s+يقل\\s+عن\\s+)?(\\d+)|(\\d+)\\s+(?:قتيلا|قتيلاً|قتلى)`, 'yu'),
    starts: (w) => ARABIC_KILL.has(w) || (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57),
    category: 'killed',
    counted: 1,
  },
];

/** Source length of every pattern: V8 optimises a regex only below 20 KB (see numbers-regex.test.ts). */
export const PATTERN_SOURCE_LENGTHS: readonly number[] = PATTERNS.flatMap((p) => (p.orElse ? [p.re, p.orElse] : [p.re])).map((r) => r.source.length);

function isInjured(word: string): boolean {
  return INJURED_WORD.test(word.trim());
}

const ARTICLE_AFTER_VERB = /^\S+\s+(?:a|an|one|the|un|une|le|la|l['’])(?![\p{L}])/iu;

const INJURED_WORD = new RegExp(`^(?:${alt(INJURED_AFTER)}|${alt(INJURED_BEFORE)})$`, 'iu');
export const QUANTITY_G = new RegExp(`${B0}${Q}${B1}`, 'giu');
export const NOUN_G = new RegExp(`${B0}${NOUN}${B1}`, 'giu');
export const KILLED_ANY = new RegExp(`${B0}(?:${alt(KILLED_AFTER)}|${alt(KILLED_BEFORE)})${B1}`, 'giu');
export const INJURED_ANY = new RegExp(`${B0}(?:${alt(INJURED_AFTER)}|${alt(INJURED_BEFORE)})${B1}`, 'giu');
