/**
 * Names that only describe: a group named to qualify another ("an al-Qaeda-affiliated
 * group"), to place a war ("the Taliban insurgency"), to say where it is present ("IS
 * militants are active in the province") or whom a war is fought against. Such a mention
 * does not say who was struck; targets (actors.ts) leave it out.
 */
import type { ActorDoc, DocMention } from './actors-context.ts';

/**
 * A name that only describes someone else: "an al-Qaeda-affiliated group", "Taliban-held
 * territory", "militants linked to the Taliban", "un groupe proche d'AQMI".
 */
export function describesAnother(doc: ActorDoc, m: DocMention): boolean {
  if (namesAConflict(doc, m) || namesAPresence(doc, m)) return true;
  if (/^[-‐\s]?(?:affiliated|linked|allied|aligned|inspired|backed|loyal|held|controlled|dominated|run|proche|lié|affilié)/iu.test(doc.text.slice(m.span[1], m.span[1] + 12))) return true;
  // "a pro-Islamic State rebel group", "pro-Houthi forces": the allegiance of another group
  if (/(?<![\p{L}])pro[-‐]\s?$/iu.test(doc.text.slice(Math.max(0, m.span[0] - 5), m.span[0]))) return true;
  // "with the Taliban ruling Kabul": the group governs a place
  if (/^\s+(?:(?:now|still|already)\s+)?(?:ruling|governing|controlling|in control of|in power|running|holding|tenant|contrôlant|dirigeant)\b/iu.test(doc.text.slice(m.span[1], m.span[1] + 30))) return true;
  if (/\b(?:linked|affiliated|allied|aligned|close|loyal|tied|ties|pledged allegiance|lié|liés|liée|liées|affilié|affiliés|proche|proches|allié|alliés)\s+(?:to|with|à|a|au|aux|de|d['’])\s*(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?$/iu.test(
    doc.text.slice(Math.max(0, m.span[0] - 40), m.span[0]),
  )) return true;
  // "militants linked to the Taliban and al-Qaeda": the second name shares the first one's phrase
  const prev = previousMention(doc, m);
  return prev !== null && /^\s*(?:,|and|or|et|ou|as well as|ainsi que)\s*(?:to\s+|with\s+|à\s+|au\s+|aux\s+|de\s+|d['’]\s*)?(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?$/iu.test(doc.text.slice(prev.span[1], m.span[0])) && describesAnother(doc, prev);
}

/** The mention right before `m` in the same sentence, or null. */
function previousMention(doc: ActorDoc, m: DocMention): DocMention | null {
  let best: DocMention | null = null;
  for (const o of doc.mentions) if (o.sentence === m.sentence && o.span[1] <= m.span[0] && (!best || o.span[1] > best.span[1])) best = o;
  return best;
}

/**
 * A group said to be present somewhere: "The Taliban are also active in the province", "IS
 * militants are entrenched in several districts", "where al-Qaeda and other groups are known
 * to shelter", "où opèrent...": such a sentence describes the area, not who was struck there.
 */
function namesAPresence(doc: ActorDoc, m: DocMention): boolean {
  const after = doc.text.slice(m.span[1], m.span[1] + 80);
  return PRESENCE.test(after);
}

const PRESENCE = new RegExp(
  String.raw`^(?:['’]s?)?(?:\s+(?:and|or|et|ou)\s+(?:other\s+|d['’]autres\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)?(?:\s+(?:militants|fighters|members|jihadists|insurgents|combattants|jihadistes|djihadistes|éléments))?\s+(?:` +
    String.raw`(?:are|is|remain|remains|have been|has been|have long been|has long been)\s+(?:also\s+|still\s+|now\s+|widely\s+|heavily\s+|firmly\s+|very\s+)?(?:active|present|entrenched|based|deeply rooted|operating|known to (?:operate|shelter|hide|be active|be present|have bases))` +
    String.raw`|(?:operate|operates|hold sway|holds sway|have a presence|has a presence|have bases|has bases|are known to|is known to)` +
    String.raw`|(?:sont|est|restent|reste)\s+(?:aussi\s+|également\s+|très\s+|bien\s+|fortement\s+)?(?:actifs?|actives?|présents?|présentes?|implantés?|implantées?|basés?|basées?|installés?)` +
    String.raw`|(?:opèrent|opère|sévissent|sévit|prolifèrent))\b`,
  'iu',
);

/**
 * In a sentence around the strike (not one telling it), a group named as the side a war is
 * fought against describes the war: "the Somali government's campaign against al-Shabab",
 * "la coalition combat les rebelles Houthis", "in the war against al-Shabab".
 */
export function namesAnAdversary(doc: ActorDoc, m: DocMention): boolean {
  const before = doc.text.slice(Math.max(0, m.span[0] - 60), m.span[0]);
  const after = doc.text.slice(m.span[1], m.span[1] + 60);
  return ADVERSARY.test(before) || FIGHTS.test(after) || WAR_MOVE.test(after);
}

/**
 * A group making a move of the war: "TPLF fighters pulled back to their stronghold", "les
 * jihadistes ont pris le contrôle de la ville". Said around the strike, it tells the war.
 */
const WAR_MOVE =
  /^(?:\s*\([^)]{1,20}\))?(?:\s+(?:fighters|militants|forces|members|rebels|troops|combattants|jihadistes|djihadistes|éléments))?\s+(?:(?:have|has|had|then|later|also|ont|a|avaient|avait)\s+)?(?:pulled back|pulled out|withdrew|withdrawn|retreated|advanced|seized|captured|overran|stormed|ambushed|took control|taken control|launched an? (?:attack|offensive)|se sont retirés|s'est retiré|se sont repliés|pris le contrôle|ont attaqué|a attaqué|ont lancé une offensive)\b/iu;

/** The other side of the same sentence: "The TPLF has fought the government's forces since 2020", "les shebab combattent le gouvernement". */
const FIGHTS =
  /^(?:\s*\([^)]{1,20}\))?\s+(?:(?:has|have|had)\s+(?:been\s+)?|is\s+|are\s+|was\s+|were\s+)?(?:(?:long|also|still)\s+)?(?:fought|fighting|fights|fight|battled|battling|waged|waging|combat|combattent|combattait|combattaient|a combattu|ont combattu|affronte|affrontent|mène une (?:guerre|insurrection)|mènent une (?:guerre|insurrection))\b/iu;

const ADVERSARY = new RegExp(
  String.raw`(?:\b(?:war|wars|campaign|campaigns|fight|struggle|battle|insurgency|counter-?insurgency|guerre|lutte|campagne|combat)\s+(?:against|on|contre)` +
    String.raw`|\b(?:fights|fighting|fought|battles|battling|combats|combat|combattent|combattait|combattaient|affronte|affrontent|affrontait|affrontaient|at war with|en guerre contre|is fighting|are fighting|luttent contre|lutte contre))` +
    String.raw`\s+(?:the\s+|les\s+|l['’]\s*|la\s+|le\s+|des\s+)?(?:(?:rebel|rebels|militant|jihadist|Islamist|rebelles|jihadistes|djihadistes|islamistes|groupes?)\s+)?$`,
  'iu',
);

/**
 * A name that only labels a conflict or the region it grips: "the heartland of Boko Haram's
 * armed insurgency", "the Taliban insurgency", "le berceau de l'insurrection de Boko Haram".
 * Such a phrase places the strike in a war; it does not say who was struck there.
 */
function namesAConflict(doc: ActorDoc, m: DocMention): boolean {
  const after = doc.text.slice(m.span[1], m.span[1] + 40);
  if (/^(?:['’]s?)?\s+(?:(?:armed|Islamist|jihadist|militant|violent|bloody|long-running|decade-long|deadly)\s+){0,2}(?:insurgency|insurgencies|rebellion|uprising|insurrection)\b/iu.test(after)) return true;
  const before = doc.text.slice(Math.max(0, m.span[0] - 50), m.span[0]);
  return /\b(?:(?:insurgency|rebellion|uprising|insurrection|insurrection armée|rébellion)\s+(?:of|de|d['’]|du)|(?:heartland|birthplace|cradle|berceau)\s+of\s+(?:the\s+)?(?:(?:armed|Islamist|jihadist)\s+)?(?:insurgency|rebellion|uprising)?\s*(?:of|by)?)\s*(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)?$/iu.test(before);
}
