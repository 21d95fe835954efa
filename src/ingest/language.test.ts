import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeLanguageTag } from './language.ts';

const EN = 'The army said on Tuesday that the strike hit a vehicle carrying two commanders of the group, and that no civilians were killed.';
const FR = "L'armée a indiqué mardi que la frappe a touché un véhicule qui transportait deux chefs du groupe, selon un communiqué publié dans la soirée.";
const AR = 'أعلن الجيش يوم الثلاثاء أن الغارة أصابت سيارة تقل قياديين في الجماعة ولم يقتل أي مدني.';
const NL = 'Volgens het leger werd bij de aanval een voertuig geraakt en zijn er geen burgers gedood, aldus een woordvoerder van de regering.';

describe('detectLanguage', () => {
  it('tells English, French and Arabic apart', () => {
    expect(detectLanguage(EN)).toBe('en');
    expect(detectLanguage(FR)).toBe('fr');
    expect(detectLanguage(AR)).toBe('ar');
  });

  it('answers only within the configured set', () => {
    expect(detectLanguage(NL)).not.toBe('nl');
    expect(detectLanguage(NL, ['en', 'fr', 'nl'])).toBe('nl');
    expect(detectLanguage(AR, ['en', 'fr'])).toBeNull();
  });

  it('keeps the article language when a few foreign words are quoted', () => {
    expect(detectLanguage(`${FR} A witness said "the drone came at night".`)).toBe('fr');
    expect(detectLanguage(`${AR} The statement said the strike was precise.`)).toBe('ar');
  });

  it('returns null when there is too little to go on', () => {
    expect(detectLanguage('Kidal, 12/03')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});

describe('normalizeLanguageTag', () => {
  it('reduces locale tags to the language', () => {
    expect(normalizeLanguageTag('fr-FR')).toBe('fr');
    expect(normalizeLanguageTag('en_US')).toBe('en');
    expect(normalizeLanguageTag('AR')).toBe('ar');
    expect(normalizeLanguageTag('not a tag')).toBeNull();
    expect(normalizeLanguageTag(null)).toBeNull();
  });
});
