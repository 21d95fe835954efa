/**
 * The seams to the colleagues' extractors (dates, casualties, actors, attribution).
 * Everything the assembly needs from them goes through here, so the assembly reads as one
 * list of dependencies and a replacement is a one-line change in this file.
 */
export { findDates, type DateContext, type DateMention } from './dates.ts';
export { findCasualties } from './casualties.ts';
export { combineRanges, type CasualtyMention } from './casualties-combine.ts';
export { findTargets, type TargetResult } from './actors.ts';
export { findAttributions } from './attribution.ts';
