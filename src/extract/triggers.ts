/**
 * Trigger detection: the words that say an air or drone strike happened, and the words
 * that name the platform (drone, jet, missile) which decide the event type.
 *
 * Two strengths:
 * - strong triggers name an attack from the air by themselves ("air strike", "drone
 *   strike", "frappe aérienne", "raid aérien", "غارة");
 * - weak triggers ("strike", "struck", "hit", "bombed", "raid", "frappe", "bombardement")
 *   count only when a platform word sits in the same sentence ("a US drone hit a vehicle")
 *   or, as anaphora, to attach more sentences to a strike already found ("the strike killed").
 */
import type { EventType } from '../domain/index.ts';

export type TriggerStrength = 'strong' | 'weak';

export interface Trigger {
  span: [number, number];
  text: string;
  strength: TriggerStrength;
  /** Platform named inside the trigger phrase itself, if any. */
  platform: Platform | null;
}

export type Platform = 'drone' | 'aircraft' | 'missile';

const E = '(?![\\p{L}\\p{N}])';

/**
 * A unicode, case-insensitive, global regex of alternatives that ends at a non-letter. It has
 * no leading look-behind (which V8 runs at every position): `scan` checks the character
 * before a match instead, about twice as fast.
 */
function wordsFast(alts: string[]): RegExp {
  return new RegExp(`(?:${alts.join('|')})${E}`, 'giu');
}

const LETTER = /[\p{L}\p{N}]/u;

/** Matches of a `wordsFast` regex that start at a word boundary, as [start, end, text]. */
function scan(text: string, re: RegExp): [number, number, string][] {
  const out: [number, number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && LETTER.test(text[m.index - 1])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push([m.index, m.index + m[0].length, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const STRONG: { re: RegExp; platform: Platform | null }[] = [
  {
    re: wordsFast([
      'drone[- ]?strikes?', 'drone attacks?', 'drone raids?', 'drone bombing', 'UAV strikes?', 'frappes? (?:de|par) drones?',
      'frappes? de drone', 'attaques? (?:de|par) drones?', 'droneaanvall?(?:en)?', 'ضرب(?:ة|ات) (?:بطائرة|بطائرات) (?:مسيرة|مسيّرة|بدون طيار)',
      'غار(?:ة|ات) (?:لطائرة|لطائرات|بطائرة|بطائرات) (?:مسيرة|مسيّرة|بدون طيار)',
      'shambulio la (?:ndege isiyo na rubani|droni)', 'mashambulizi ya (?:ndege zisizo na rubani|droni)',
    ]),
    platform: 'drone',
  },
  {
    re: wordsFast(['missile strikes?', 'missile attacks?', 'frappes? de missiles?', 'tirs? de missiles?']),
    platform: 'missile',
  },
  {
    re: wordsFast([
      'air[- ]?strikes?', 'air raids?', 'air attacks?', 'aerial (?:attacks?|bombardments?|bombings?|strikes?)', 'air bombardments?',
      'bombing raids?', 'bombed from the air', 'attacked from the air', 'precision strikes?', 'counter-?terrorism strikes?',
      'kinetic strikes?',
      'frappes? aériennes?', 'raids? aériens?',
      // A strike named by the state that made it ("une frappe américaine", "la frappe française"):
      // in French, states strike from the air or with missiles; ground assaults are "attaques".
      'frappes? (?:américaines?|françaises?|turques?|russes?|israéliennes?|britanniques?|kényanes?|saoudiennes?|émiraties?|nigérianes?|de la coalition|de l[’\'](?:armée|aviation)(?: \\p{L}+)?)', 'attaques? aériennes?', 'bombardements? aériens?', 'opérations? aériennes?',
      'luchtaanvall?(?:en)?', 'luchtbombardement(?:en)?', 'bombardement(?:en)? vanuit de lucht',
      'غار(?:ة|ات)(?: جوية)?', 'ضرب(?:ة|ات) جوي(?:ة|ات)', 'قصف جوي', 'shambulio la anga', 'mashambulizi ya anga',
    ]),
    platform: 'aircraft',
  },
];

const WEAK = wordsFast([
  'strikes?', 'struck', 'striking', 'hit', 'hits', 'bombs', 'bombed', 'dropped', 'bombing', 'bombings', 'bombardments?', 'raids?', 'attacks?',
  'attacked', 'targeted', 'fired', 'pounded', 'destroyed',
  'frappes?', 'frappé(?:e|s|es)?', 'bombardé(?:e|s|es)?', 'bombardements?', 'bombarder', 'ciblé(?:e|s|es)?', 'touchée?s?', 'visée?s?',
  // a munition dropped ("a largué un engin explosif", "larguant des bombes"); not leaflets or aid
  '(?:largué(?:e|s|es)?|larguant|larguer) (?:un |une |des |deux |trois |plusieurs |\\d+ )?(?:engins? explosifs?|bombes?|explosifs?|projectiles?|obus|charges? explosives?)',
  'bombardement(?:en)?', 'aanval(?:len)?', 'getroffen',
  'قصف', 'استهدف(?:ت)?', 'ضرب(?:ة|ات)',
]);

/** Platform words: drones and their models, aircraft, missiles. */
const DRONE = wordsFast([
  'drones?', 'UAVs?', 'UCAVs?', 'unmanned', 'remotely[- ]piloted', 'Predators?', 'Reapers?', 'MQ-?1', 'MQ-?9', 'Bayraktars?', 'TB-?2',
  'Akinci', 'Wing Loong', 'ndege (?:isiyo|zisizo) na rubani', 'droni', 'مسير(?:ة|ات)', 'مسيّر(?:ة|ات)', 'بدون طيار',
]);
const AIRCRAFT = wordsFast([
  'aircraft', 'warplanes?', 'war planes?', '(?:fighter )?jets?', 'fighter planes?', 'bombers?', 'helicopters?', 'gunships?',
  'F-?1[56]s?', 'B-?52s?', 'B-?1B?', 'AC-?130s?', 'Mirage', 'Rafales?', 'Sukhoi', 'Su-?\\d\\ds?', 'air force', 'planes?',
  'avions?(?: de chasse| de combat)?', 'hélicoptères?', 'aviation', "armée de l['’]air", 'chasseurs?', 'appareils?',
  'vliegtuigen', 'gevechtsvliegtuigen', 'طائرات? حربية', 'الطيران', 'سلاح الجو', 'ndege za kivita',
  // air-dropped munitions name the platform too ("a massive bomb", "GBU-43"), but not car or roadside bombs
  '(?<!(?:car|roadside|suicide|truck|nail|pipe|letter|parcel|dirty) )bombs?', 'GBU-?\\d+\\w*', 'MOAB', 'bombes?(?! artisanales?)',
]);
const MISSILE = wordsFast(['missiles?', 'rockets?', 'Hellfires?', 'roquettes?', 'صواريخ', 'صاروخ']);

/** Every trigger in the text, in order. Weak triggers are returned too; callers decide. */
export function findTriggers(text: string): Trigger[] {
  const found: Trigger[] = [];
  const taken: [number, number][] = [];
  for (const { re, platform } of STRONG) {
    for (const [a, b, w] of scan(text, re)) {
      const span: [number, number] = [a, b];
      if (overlaps(taken, span)) continue;
      taken.push(span);
      found.push({ span, text: w, strength: 'strong', platform });
    }
  }
  for (const [a, b, w] of scan(text, WEAK)) {
    const span: [number, number] = [a, b];
    if (overlaps(taken, span)) continue;
    found.push({ span, text: w, strength: 'weak', platform: null });
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

function overlaps(taken: [number, number][], [s, e]: [number, number]): boolean {
  return taken.some(([a, b]) => s < b && a < e);
}

/** Which platforms a stretch of text names. */
export interface PlatformCues {
  drone: [number, number] | null;
  aircraft: [number, number] | null;
  missile: [number, number] | null;
}

export function platformCues(text: string, range: [number, number]): PlatformCues {
  const ix = platformIndex(text);
  return { drone: firstWithin(ix.drone, range), aircraft: firstWithin(ix.aircraft, range), missile: firstWithin(ix.missile, range) };
}

/**
 * The first span lying within `range`. A module function, not a closure made at each call:
 * this runs for every sentence, and tsx names every closure it makes (a property write).
 */
function firstWithin(spans: [number, number][], range: [number, number]): [number, number] | null {
  for (const sp of spans) if (sp[0] >= range[0] && sp[1] <= range[1]) return sp;
  return null;
}

interface PlatformIndex {
  text: string;
  drone: [number, number][];
  aircraft: [number, number][];
  missile: [number, number][];
}

/** Platform words of the last text seen: scanned once per document, then queried by range. */
let lastIndex: PlatformIndex | null = null;

function platformIndex(text: string): PlatformIndex {
  if (lastIndex && lastIndex.text === text) return lastIndex;
  const all = (re: RegExp): [number, number][] => scan(text, re).map(([a, b]) => [a, b]);
  lastIndex = { text, drone: all(DRONE), aircraft: all(AIRCRAFT), missile: all(MISSILE) };
  return lastIndex;
}

export function hasPlatform(c: PlatformCues): boolean {
  return c.drone !== null || c.aircraft !== null || c.missile !== null;
}

/**
 * The event type from the platform evidence gathered around one strike: a drone anywhere
 * near the event makes it a drone strike; an aircraft or an "air strike" phrase an airstrike;
 * missiles alone (no platform, no air-strike wording) a missile strike.
 */
export function eventTypeOf(ev: { drone: boolean; aircraft: boolean; missile: boolean; airWording: boolean }): EventType {
  if (ev.drone) return 'drone_strike';
  if (ev.aircraft || ev.airWording) return 'airstrike';
  if (ev.missile) return 'missile_strike';
  return 'air_raid_unspecified';
}
