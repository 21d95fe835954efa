import { CAP, tokenize, type RawMention, type TokenList } from './scan.ts';

/**
 * A place name inside the name of an outlet or an organisation ("The Washington Post",
 * "the Libya Herald", "The Times of India", "Radio France Internationale", "le Journal de
 * Montréal", "Kenya Broadcasting Corporation") names the organisation, not a place of the
 * story. The rule: one capitalised sequence (capitalised words joined by a space or a
 * hyphen, and by "of", "for", "de", "du", "des", "d'" between two of them) that holds, outside
 * the name, a head noun of a medium or an organisation. English puts the head after the
 * name ("Kabul Times") or before it with "of" ("Times of India"); French before it
 * ("Journal de Montréal", "Agence France-Presse").
 */

/** Heads of a publication or a news service: never where a strike happened. */
const PUBLICATION = new Set([
  'post', 'times', 'herald', 'tribune', 'journal', 'gazette', 'observer', 'chronicle', 'guardian', 'telegraph',
  'express', 'standard', 'news', 'press', 'monitor', 'courier', 'inquirer', 'newspaper', 'daily', 'weekly', 'mail',
  'presse', 'quotidien', 'hebdomadaire', 'courrier', 'agency', 'agence', 'newswire', 'wire', 'magazine', 'online',
  'review', 'media', 'info', 'infos', 'actu', 'actualite', 'actualites', 'inter', 'matin', 'soir', 'hebdo', 'insider',
  'reporter', 'dispatch', 'digest', 'voice', 'televisions',
]);

/**
 * Heads that name an outlet only as the last word of its name and after the place ("Russia
 * Today", "Pakistan Today", "Iran International"), outside headlines, where "Strikes Hit Syria
 * Today" is the day and "Kabul International Airport" goes on to the building.
 */
const FINAL_HEAD = new Set(['today', 'international', 'internationale', 'live']);

/**
 * A place name followed by a channel number is a broadcaster ("France 24", "France 2
 * television", "Kurdistan 24 said", "selon France 24."): a number of one to three digits, then
 * the end of the clause, a capitalised word, a medium or a verb of reporting. A count
 * ("bombed Idlib 20 times", "in Syria 24 people died") goes on with a lower-case noun.
 */
const CHANNEL_NUMBER =
  /^[ \u00a0]\d{1,3}(?:['’]s)?(?![\p{L}\d])(?:\s*$|\s*[,.;:!?)»”"'’\]—–]|[ \u00a0]+(?:\p{Lu}|(?:reported|reports|said|says|quoted|cited|showed|aired|broadcast|television|tv|channel|correspondent|reporter|journalist|website|rapporte|rapportait|indique|écrit|affirme|annonce|montre|télévision|chaîne|correspondante?|journaliste|site|a (?:rapporté|indiqué|annoncé|affirmé|montré|diffusé))(?![\p{L}])))/u;

/**
 * Heads of an institution that has a building ("Radio Mogadishu", "Kabul University"): an
 * organisation mention as well, except right after a locative preposition ("a strike on
 * the Radio Mogadishu building", "at Kabul University"), where the building stands in the place.
 */
const INSTITUTION = new Set([
  'radio', 'television', 'tv', 'broadcasting', 'broadcaster', 'observatory', 'university', 'channel', 'network',
  'observatoire', 'universite', 'reseau', 'chaine', 'institute', 'institut',
]);

/** Lower-case words that may join two capitalised words of one name. */
const LINKS = new Set(['of', 'for', 'de', 'du', 'des', 'd', 'pour']);

/** A preposition that puts the organisation's building at the place ("at", "on", "à", "sur"). */
const AT_BUILDING = /\b(?:at|on|in|inside|outside|near|hit|struck|targeted|à|a|sur|dans|près\s+de|contre)\s+(?:the\s+|la\s+|le\s+|l['’]\s*)?$/i;

/** How far (in capitalised words) the sequence is followed each way. */
const REACH = 4;

/** The word of token i folded plainly (lower case, no accents), for the head sets. */
function plain(text: string, ts: TokenList, i: number): string {
  return text
    .slice(ts.start[i], ts.end[i])
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Whether tokens a and a + 1 are joined inside one name: a space or a hyphen. */
function joined(text: string, ts: TokenList, a: number): boolean {
  // "Journal d'Abidjan": the elided "d'" stays in the gap (the tokenizer strips it)
  return /^(?:[ \t\u00a0]|[-‐‑]|[ \t\u00a0]d['’])$/i.test(text.slice(ts.end[a], ts.start[a + 1]));
}

const isCap = (ts: TokenList, i: number) => (ts.flags[i] & CAP) !== 0;

/**
 * The capitalised token next to `from` in direction `step` (±1) within one name, skipping
 * one link word, or -1.
 */
function nextInName(text: string, ts: TokenList, from: number, step: 1 | -1): number {
  const j = from + step;
  if (j < 0 || j >= ts.length) return -1;
  const [a, b] = step > 0 ? [from, j] : [j, from];
  if (b !== a + 1 || !joined(text, ts, a)) return -1;
  if (isCap(ts, j)) return j;
  // "Times of India", "Journal de Montréal": a link word between two capitalised words
  if (!LINKS.has(plain(text, ts, j))) return -1;
  const k = j + step;
  if (k < 0 || k >= ts.length || !isCap(ts, k)) return -1;
  const [c, e] = step > 0 ? [j, k] : [k, j];
  return joined(text, ts, c) && e === c + 1 ? k : -1;
}

/**
 * Whether a mention is part of an organisation's name. In a headline, where every word is
 * capitalised, only a head right next to the name counts.
 */
export function inOrganisation(text: string, ts: TokenList, m: Pick<RawMention, 'tokStart' | 'tokEnd'>, headline: boolean): boolean {
  if (!isCap(ts, m.tokStart) && !isCap(ts, m.tokEnd - 1)) return false;
  const reach = headline ? 1 : REACH;
  let head = '';
  for (const step of [-1, 1] as const) {
    let at = step < 0 ? m.tokStart : m.tokEnd - 1;
    for (let n = 0; n < reach && !head; n++) {
      const next = nextInName(text, ts, at, step);
      if (next < 0 || (headline && Math.abs(next - at) > 1)) break;
      const w = plain(text, ts, next);
      if (PUBLICATION.has(w) || INSTITUTION.has(w)) head = w;
      else if (step > 0 && !headline && FINAL_HEAD.has(w) && nextInName(text, ts, next, 1) < 0) head = w;
      at = next;
    }
    // the name ends here: a channel number after it makes it a broadcaster
    if (step > 0 && !head && CHANNEL_NUMBER.test(text.slice(ts.end[at], ts.end[at] + 40))) return true;
  }
  if (!head) return false;
  if (PUBLICATION.has(head) || FINAL_HEAD.has(head)) return true;
  // the start of the whole organisation name, to read the preposition before it
  let first = m.tokStart;
  for (let p = nextInName(text, ts, first, -1); p >= 0; p = nextInName(text, ts, p, -1)) first = p;
  return !AT_BUILDING.test(text.slice(Math.max(0, ts.start[first] - 24), ts.start[first]));
}

let lastText: string | null = null;
let lastTokens: TokenList | null = null;

/**
 * Whether the words at `span` are part of an organisation's name, for callers that found
 * them with another tokenizer (the actor lexicon: "Radio France Internationale" names no
 * French speaker). The first line of the text is read as a headline. Tokens are kept for the
 * last text seen, as one document asks for each of its mentions in turn.
 */
export function spanInOrganisation(text: string, span: readonly [number, number]): boolean {
  if (lastText !== text) {
    lastTokens = tokenize(text);
    lastText = text;
  }
  const ts = lastTokens!;
  let tokStart = -1;
  let tokEnd = -1;
  for (let i = 0; i < ts.length; i++) {
    if (ts.end[i] <= span[0]) continue;
    if (ts.start[i] >= span[1]) break;
    if (tokStart < 0) tokStart = i;
    tokEnd = i + 1;
  }
  if (tokStart < 0) return false;
  return inOrganisation(text, ts, { tokStart, tokEnd }, ts.line[tokStart] === 0);
}
