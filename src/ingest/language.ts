/**
 * Language identification from function words and script, with no model to download.
 * Function words (articles, prepositions, pronouns, auxiliaries) are the most frequent
 * words of any text and nearly disjoint between languages, so counting them tells the
 * language of a news article reliably after a few sentences. Arabic is told by its script.
 */

/** The languages strikewatch reads by default. */
export const DEFAULT_LANGUAGES = ['en', 'fr', 'ar'] as const;

/**
 * Function words per language (ISO 639-1). Words shared between two lists ("a", "de", "in")
 * are left out of both, so every hit is evidence for one language only.
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'of', 'and', 'to', 'is', 'was', 'that', 'for', 'on', 'with', 'said', 'by', 'at', 'from', 'it', 'he', 'his', 'were', 'which', 'have', 'has', 'had', 'this', 'they', 'an', 'are', 'been', 'who', 'their', 'after', 'killed', 'not'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'un', 'une', 'est', 'dans', 'pour', 'qui', 'que', 'au', 'aux', 'sur', 'par', 'avec', 'ont', 'été', 'il', 'elle', 'ce', 'cette', 'selon', 'ses', 'leur', 'plus', 'pas', 'mais', 'ou', 'sont'],
  nl: ['het', 'een', 'van', 'en', 'op', 'dat', 'met', 'zijn', 'voor', 'niet', 'aan', 'ook', 'bij', 'werd', 'worden', 'naar', 'zich', 'deze', 'volgens', 'hij', 'wordt', 'heeft', 'door', 'uit'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'dem', 'den', 'ein', 'eine', 'auf', 'auch', 'wurde', 'von', 'bei', 'nach', 'sind', 'wie', 'einer', 'durch'],
  es: ['el', 'los', 'las', 'del', 'y', 'por', 'con', 'una', 'para', 'es', 'fue', 'como', 'pero', 'sus', 'según', 'al', 'lo', 'han'],
  sw: ['na', 'wa', 'ya', 'kwa', 'katika', 'ni', 'za', 'cha', 'hiyo', 'huo', 'kuwa', 'wakati', 'baada', 'watu', 'pia', 'lakini', 'hii', 'ambao', 'ambayo', 'alisema'],
};

/** Languages whose script identifies them on its own. */
const SCRIPTS: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/u,
};

/** The languages detectLanguage can recognise. */
export const KNOWN_LANGUAGES: readonly string[] = [...Object.keys(FUNCTION_WORDS), ...Object.keys(SCRIPTS)];

/**
 * Best language among `allowed` for the text, or null when the evidence is too thin
 * (fewer than 3 function-word hits and no script majority).
 *
 * @example detectLanguage('Le drone a frappé la ville.', ['en', 'fr']) // 'fr'
 */
export function detectLanguage(text: string, allowed: readonly string[] = DEFAULT_LANGUAGES): string | null {
  const sample = text.slice(0, 20000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  for (const lang of allowed) {
    const script = SCRIPTS[lang];
    if (!script || letters === 0) continue;
    const hits = sample.match(new RegExp(script.source, 'gu'))?.length ?? 0;
    if (hits / letters > 0.4) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: string | null = null;
  let bestScore = 0;
  for (const lang of allowed) {
    const list = FUNCTION_WORDS[lang];
    if (!list) continue;
    let score = 0;
    for (const w of list) score += counts.get(w) ?? 0;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return bestScore >= 3 ? best : null;
}

/** "fr-FR", "fr_FR", "FR" -> "fr"; null for anything that is not a language tag. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return m ? m[1].toLowerCase() : null;
}
