import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './index.ts';
import { inOrganisation, spanInOrganisation } from './organisation.ts';
import { scanMentions, tokenize } from './scan.ts';

const g = loadGazetteer();

/** The written forms the geocoder returns for a text. */
function written(text: string, hints?: string[]): string[] {
  return g.geocode(text, hints ? { countryHints: hints } : undefined).map((r) => text.slice(r.place.span![0], r.place.span![1]));
}

/** Sentences naming an outlet or an organisation after a place: the place inside is no place of the text. */
const ORGANISATIONS: { text: string; inside: string; place?: string; cc?: string; hints?: string[] }[] = [
  { text: 'A drone destroyed a pickup near Gao, The Washington Post reported on Friday.', inside: 'Washington', place: 'near Gao', cc: 'ML' },
  { text: 'Reporters for The New York Times saw the crater in Gao.', inside: 'New York', place: 'Gao', cc: 'ML' },
  { text: 'The Jerusalem Post said the jets struck a depot in Deir ez-Zor.', inside: 'Jerusalem', place: 'Deir ez-Zor', cc: 'SY' },
  { text: 'Witnesses told the Kabul Times the drone hit a compound in Khost.', inside: 'Kabul', place: 'Khost', cc: 'AF' },
  { text: 'According to Gulf News, the raid on Marib, Yemen, killed four.', inside: 'Gulf', place: 'Marib', cc: 'YE' },
  { text: 'The Libya Herald said the strike hit a farm outside Sirte.', inside: 'Libya', place: 'outside Sirte', cc: 'LY' },
  { text: 'The Times of India said a drone struck a house in Miranshah, Pakistan.', inside: 'India', place: 'Miranshah', cc: 'PK' },
  { text: 'Radio France Internationale reported a strike in Kidal.', inside: 'France', place: 'Kidal', cc: 'ML' },
  { text: 'The Kenya Broadcasting Corporation said the strike hit Jilib in Somalia.', inside: 'Kenya', place: 'Jilib', cc: 'SO' },
  { text: 'Une frappe a touché Gao, au Mali, selon le Journal de Montréal.', inside: 'Montréal', place: 'Gao', cc: 'ML' },
  { text: "Une frappe a touché Gao, au Mali, selon l'Agence France-Presse.", inside: 'France', place: 'Gao', cc: 'ML' },
  { text: "D'après le Journal d'Abidjan, le drone a frappé Ménaka, au Mali.", inside: 'Abidjan', place: 'Ménaka', cc: 'ML' },
  { text: 'Footage aired by Tigray TV showed the camp after the strike in Dedebit, Ethiopia.', inside: 'Tigray' },
  { text: 'Garowe Online said a drone strike hit Jilib in southern Somalia.', inside: 'Garowe', place: 'Jilib', cc: 'SO' },
  { text: 'Radio Shabelle reported a strike in Jilib, Somalia.', inside: 'Shabelle', place: 'Jilib', cc: 'SO' },
  { text: 'The Anadolu Agency said jets struck a village in Iraq.', inside: 'Anadolu' },
  { text: 'Sources quoted by the Somalia Daily Monitor said Jilib was hit.', inside: 'Somalia', place: 'Jilib', cc: 'SO', hints: ['SO'] },
  // a channel number after the name, or a head that ends the outlet's name
  { text: 'A French drone struck a pickup near Gao, Mali, on Friday, killing two men, France 24 reported.', inside: 'France', place: 'near Gao', cc: 'ML' },
  { text: 'Une frappe de drone a touché un pick-up près de Gao, au Mali, vendredi, selon France 24.', inside: 'France', place: 'près de Gao', cc: 'ML' },
  { text: "France 24's correspondent said a drone hit a house in Gao, in northern Mali.", inside: 'France' },
  { text: 'According to France 2 television, a drone struck a truck near Kidal in northern Mali.', inside: 'France' },
  { text: 'An Israeli air strike hit a weapons depot near Damascus, Syria, on Friday, killing two people, Russia Today reported.', inside: 'Russia', place: 'near Damascus', cc: 'SY' },
  { text: 'Iran International reported that jets struck a depot in Deir ez-Zor, Syria.', inside: 'Iran', place: 'Deir ez-Zor', cc: 'SY' },
  { text: 'Pakistan Today said a drone struck a house in Miranshah, in North Waziristan.', inside: 'Pakistan' },
  { text: "Selon Le Matin d'Algérie, une frappe a touché un camp près de Gao, au Mali.", inside: 'Algérie' },
  { text: 'Une frappe a touché un camp près de Gao, au Mali, a rapporté France Info.', inside: 'France' },
  { text: 'France Inter said a drone struck a pickup near Gao, in Mali.', inside: 'France' },
];

describe('places inside the name of an outlet or an organisation', () => {
  it.each(ORGANISATIONS)('$text', ({ text, inside, place, cc, hints }) => {
    const found = written(text, hints);
    expect(found).not.toContain(inside);
    if (place) {
      expect(found).toContain(place);
      const r = g.geocode(text, hints ? { countryHints: hints } : undefined).find((x) => text.slice(x.place.span![0], x.place.span![1]) === place)!;
      expect(r.place.country).toBe(cc);
    }
  });
});

/** Sentences where the same words are places: a common noun, a building after a preposition, no head noun. */
const PLACES: { text: string; place: string; cc: string; hints?: string[] }[] = [
  { text: 'Militants overran a military post in Gao, Mali.', place: 'Gao', cc: 'ML' },
  { text: 'The news from Kidal, Mali, was grim.', place: 'Kidal', cc: 'ML' },
  { text: 'The radio station in Mogadishu, Somalia, went off the air.', place: 'Mogadishu', cc: 'SO' },
  { text: 'Officials in Washington said nothing about the strike.', place: 'Washington', cc: 'US' },
  { text: 'Le poste militaire de Tessalit, au Mali, a été attaqué.', place: 'Tessalit', cc: 'ML' },
  { text: 'Les journaux de Bamako, au Mali, en parlent.', place: 'Bamako', cc: 'ML' },
  { text: 'The Post reported that jets struck Idlib in Syria.', place: 'Idlib', cc: 'SY' },
  { text: 'In Libya, times are hard since the strike on Sirte.', place: 'Libya', cc: 'LY' },
  // a count after the name is no channel number; a head followed by more of the name is a building
  { text: 'Jets bombed Idlib 20 times in a week, Syria said.', place: 'Idlib', cc: 'SY' },
  { text: 'In Syria 24 people died when jets struck a market in Idlib.', place: 'Syria', cc: 'SY' },
  { text: 'A rocket hit Kabul International Airport in Afghanistan on Monday.', place: 'Kabul', cc: 'AF' },
];

/** Outlets with no head noun: other rules (a capitalised neighbour, "Al", no such place) keep them out. */
const NO_HEAD: { text: string; expected: string[] }[] = [
  { text: 'Al Jazeera said jets hit Idlib in Syria.', expected: ['Idlib', 'Syria'] },
  { text: 'Le Monde rapporte une frappe à Gao, au Mali.', expected: ['Gao', 'Mali'] },
  { text: 'Jeune Afrique rapporte une frappe à Kidal, au Mali.', expected: ['Kidal', 'Mali'] },
  { text: 'The Somali Guardian said a strike hit Jilib, Somalia.', expected: ['Jilib', 'Somalia'] },
  // an organisation naming a country by its demonym does not make the story that country's
  { text: "L'Observatoire syrien des droits de l'homme a signalé une frappe.", expected: [] },
  { text: 'The Syrian Observatory for Human Rights said a drone struck a car.', expected: [] },
];

describe('outlets named without a head noun', () => {
  it.each(NO_HEAD)('$text', ({ text, expected }) => {
    expect(written(text)).toEqual(expected);
  });
});

describe('the same words where a place is meant', () => {
  it.each(PLACES)('$text', ({ text, place, cc, hints }) => {
    const r = g.geocode(text, hints ? { countryHints: hints } : undefined).find((x) => text.slice(x.place.span![0], x.place.span![1]) === place);
    expect(r?.place.country).toBe(cc);
  });
});

describe('inOrganisation', () => {
  /** The scanner's mention of `name` in `text`, and whether it is read as an organisation's. */
  const flag = (text: string, name: string, headline = false) => {
    const tokens = tokenize(text);
    const m = scanMentions(text, tokens, g.data.index).find((x) => text.slice(x.start, x.end) === name);
    if (!m) throw new Error(`no mention of ${name} in ${text}`);
    return inOrganisation(text, tokens, m, headline);
  };
  it.each([
    ['The Washington Post said so.', 'Washington', true],
    ['The Times of India said so.', 'India', true],
    ['le Journal de Montréal', 'Montréal', true],
    ['Radio Mogadishu said so.', 'Mogadishu', true],
    // a building after a preposition stands in its place
    ['A strike on Radio Mogadishu cut the signal.', 'Mogadishu', false],
    ['A lecturer at Kabul University', 'Kabul', false],
    // a lower-case common noun is no part of a name
    ['a military post in Gao', 'Gao', false],
    ['news of the strike in Gao', 'Gao', false],
    // "of the" does not join: "News of the Gao strike"
    ['News of the Gao strike spread.', 'Gao', false],
  ] as const)('%s: %s -> %s', (text, name, expected) => {
    expect(flag(text, name)).toBe(expected);
  });

  it('in a headline only a head right next to the name counts', () => {
    expect(flag('Jets Hit Gao Depot As Times Reporters Watch', 'Gao', true)).toBe(false);
    expect(flag('Kabul Times Says Drone Hit Khost', 'Kabul', true)).toBe(true);
    // a head that is also a common word names no outlet in a headline
    expect(flag('Jets Strike Syria Today', 'Syria', true)).toBe(false);
  });
});

describe('spanInOrganisation (words found by another tokenizer)', () => {
  // (a title line first: the first line is read as a headline)
  const at = (body: string, word: string) => {
    const text = `News\n\n${body}`;
    return spanInOrganisation(text, [text.indexOf(word), text.indexOf(word) + word.length]);
  };
  it.each([
    ['Five were killed, according to Radio France Internationale.', 'France', true],
    ['Five were killed, the Kabul Times reported.', 'Kabul', true],
    ['Five were killed, selon le Journal de Montréal.', 'Montréal', true],
    ['France said its aircraft struck the convoy.', 'France', false],
    ['A strike near Kabul killed five.', 'Kabul', false],
    ['Five were killed, France 24 reported.', 'France', true],
    ['Cinq personnes ont été tuées, selon France 24.', 'France', true],
    ['Five were killed, Russia Today reported.', 'Russia', true],
    ['France 2 television said five were killed.', 'France', true],
    ['Jets hit Idlib 20 times, killing five.', 'Idlib', false],
    ['In Syria 24 people were killed.', 'Syria', false],
  ])('%s (%s)', (text, word, expected) => {
    expect(at(text, word)).toBe(expected);
  });
});
