/**
 * Words the casualty finder keys on, English and French (with a few Dutch and Arabic forms):
 * who can be a casualty, which verbs and nouns mean killed or injured, and which words
 * between a number and its verb show the number counts something else ("14 drone strikes").
 * Data only; the patterns are assembled in casualties.ts.
 */

/** Nouns for people that a casualty figure may count. */
export const PERSON_NOUNS = [
  'people', 'persons', 'person', 'individuals', 'civilians', 'civilian', 'militants', 'militant', 'fighters', 'fighter',
  'terrorists', 'terrorist', 'jihadists', 'jihadist', 'insurgents', 'insurgent', 'members', 'member', 'operatives',
  'operative', 'soldiers', 'soldier', 'troops', 'servicemen', 'children', 'child', 'kids', 'women', 'woman', 'men', 'man',
  'villagers', 'migrants', 'refugees', 'students', 'staff', 'patients', 'doctors', 'nurses', 'aid workers', 'journalists', 'guards', 'bodyguards', 'policemen',
  'police officers', 'officers', 'officials', 'commanders', 'commander', 'leaders', 'leader', 'figures', 'suspects', 'rebels',
  'gunmen', 'combatants', 'extremists', 'islamists', 'relatives', 'passengers', 'workers', 'others', 'residents',
  'worshippers', 'guests', 'family members', 'victims', 'taliban', 'idps', 'displaced', 'déplacés', 'shabaab', 'insurgents',
  'employees', 'employés', 'agents', 'shebab', 'shebabs', 'shabab', 'talibans', 'houthis',
  'personnes', 'civils', 'civiles', 'combattants', 'terroristes', 'jihadistes', 'djihadistes', 'islamistes', 'soldats',
  'militaires', 'enfants', 'femmes', 'hommes', 'villageois', 'membres', 'éléments', 'assaillants', 'insurgés', 'rebelles',
  'individus', 'victimes', 'habitants', 'cadres', 'chefs', 'policiers', 'gendarmes', 'migrants', 'réfugiés', 'autres',
  'élèves', 'étudiants', 'fidèles', 'mensen', 'burgers', 'strijders',
];

/** Person nouns that make a figure a civilian figure. */
export const CIVILIAN_NOUNS = new Set([
  'civilians', 'civilian', 'children', 'child', 'kids', 'women', 'woman', 'villagers', 'migrants', 'refugees', 'students',
  'patients', 'idps', 'displaced', 'déplacés', 'staff', 'doctors', 'nurses', 'aid workers', 'journalists', 'worshippers', 'guests', 'residents', 'passengers', 'civils', 'civiles', 'enfants', 'femmes', 'villageois',
  'réfugiés', 'habitants', 'élèves', 'étudiants', 'fidèles', 'burgers',
]);

/** Participles, adjectives and nouns after a figure that mean dead: "7 killed", "42 deaths", "une trentaine de morts". */
export const KILLED_AFTER = [
  'killed', 'dead', 'died', 'die', 'bodies', 'perished', 'slain', 'lost their lives', 'lost their life', 'deaths', 'fatalities',
  'feared killed', 'tués', 'tuées', 'tué', 'tuée', 'morts', 'mortes', 'mort', 'péri', 'décédés', 'décédées', 'trouvé la mort', 'perdu la vie',
  // military French: "éliminés" is killed (unlike "neutralisés" or "mis hors de combat", which may be captured or wounded)
  'éliminés', 'éliminées', 'éliminé', 'éliminée',
  'doden', 'gedood', 'omgekomen', 'om het leven',
];

/** The same for injured. */
export const INJURED_AFTER = [
  'wounded', 'injured', 'hurt', 'blessés', 'blessées', 'blessé', 'blessée', 'gewonden', 'gewond',
];

/** Verbs before a figure: "killing seven", "the strike killed 10 civilians", "tuant au moins 7". */
export const KILLED_BEFORE = [
  'killing', 'killed', 'kills', 'kill', 'claimed the lives of', 'took the lives of', 'claiming the lives of',
  'tuant', 'a tué', 'ont tué', 'avoir tué', 'tuer', 'tué', 'tués', 'auraient tué', 'aurait tué', 'tue', 'tuent', 'coûté la vie à', 'coûtant la vie à',
  'éliminant', 'a éliminé', 'ont éliminé',
  // bodies found after a strike are its dead: "found the bodies of five militants", "retrouvé les corps de six combattants"
  'found the bodies of', 'recovered the bodies of', 'discovered the bodies of', 'retrieved the bodies of',
  'retrouvé les corps de', 'découvert les corps de', 'récupéré les corps de',
];

export const INJURED_BEFORE = ['wounding', 'wounded', 'wounds', 'injuring', 'injured', 'injures', 'blessant', 'a blessé', 'ont blessé'];

/** Auxiliaries and adverbs allowed between a figure's noun and its participle: "were reportedly killed". */
export const AUX = [
  'were', 'was', 'have', 'has', 'had', 'been', 'are', 'is', 'be', 'being', 'reportedly', 'also', 'all', 'believed', 'thought',
  'said', 'confirmed', 'feared', 'presumed', 'reported', 'to', 'later', 'ont', 'a', 'été', 'sont', 'auraient', 'aurait', 'avaient', 'avait', 'également', 'aussi',
  'tous', 'toutes', 'y', 'étaient', 'seraient', 'été', 'zijn', 'werden', 'raakten',
];

/** Words that cannot sit between a figure and the people it counts. */
export const NOT_MODIFIERS = [
  'strike', 'strikes', 'airstrike', 'airstrikes', 'raid', 'raids', 'attack', 'attacks', 'missile', 'missiles', 'bomb',
  'bombs', 'rocket', 'rockets', 'drone', 'drones', 'shell', 'shells', 'frappe', 'frappes', 'bombardement',
  'bombardements', 'year', 'years', 'day', 'days', 'hour', 'hours', 'week', 'weeks', 'month', 'months', 'times',
  'ans', 'jours', 'heures', 'semaines', 'mois', 'fois', 'of', 'in', 'on', 'at', 'by', 'from', 'against', 'with', 'and',
  'or', 'were', 'was', 'the', 'de', 'du', 'des', 'sur', 'contre', 'par', 'et', 'ou', 'les', 'la', 'le', 'who', 'qui',
  'that', 'when', 'after', 'before', 'since', 'depuis', 'than', 'them', 'whom', 'which', 'eux', 'lesquels',
];

/** Units after a figure that show it is not a head count: "10 km", "two days", "25-year-old". */
export const UNITS_AFTER =
  '(?:km|kilomet\\w*|miles?|metres?|meters?|m|years?|ans?|days?|jours?|hours?|heures?|weeks?|semaines?|months?|mois|percent|per\\s+cent|%|am|pm|a\\.m\\.?|p\\.m\\.?|h|minutes?|times|fois|-year|-old)';

/** Singular nouns for one person: "a top figure ... died", "killed a senior leader" count one death. */
export const SINGULAR_NOUNS = [
  'figure', 'leader', 'commander', 'chief', 'emir', 'member', 'militant', 'fighter', 'operative', 'civilian', 'child',
  'woman', 'man', 'boy', 'girl', 'official', 'soldier', 'officer', 'bomb-maker', 'bombmaker', 'spokesman', 'deputy',
  'general', 'cleric', 'journalist', 'extremist', 'terrorist', 'jihadist', 'insurgent', 'suspect', 'person', 'mastermind',
  'chef', 'commandant', 'civil', 'enfant', 'femme', 'homme', 'soldat', 'militaire', 'jihadiste', 'djihadiste', 'terroriste',
  'cadre', 'dirigeant', 'membre', 'responsable', 'émir', 'lieutenant', 'adjoint', 'artificier',
  'combattant', 'insurgé', 'rebelle', 'islamiste', 'assaillant',
];

/** Singular nouns that make the one death a civilian one. */
export const CIVILIAN_SINGULAR = new Set(['civilian', 'child', 'woman', 'boy', 'girl', 'journalist', 'civil', 'enfant', 'femme']);
