import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  actorById,
  belligerentIdOf,
  buildLexicon,
  expandUnits,
  findActors,
  isWithin,
  loadLexicon,
  lookupActor,
  organisationIdOf,
} from './index.ts';
import statesJson from './data/states.json' with { type: 'json' };
import stanceJson from './data/stance.json' with { type: 'json' };
import rolesJson from './data/roles.json' with { type: 'json' };

const ids = (text: string) => findActors(text).map((m) => m.actor.id);

describe('aliases resolve to their canonical id', () => {
  it.each([
    ['AQMI', 'AQIM'],
    ['Al-Qaïda au Maghreb islamique', 'AQIM'],
    ['al Qaeda in the Islamic Maghreb', 'AQIM'],
    ['AQAP', 'AQAP'],
    ['al-Chabab', 'al-Shabaab'],
    ['Shabab', 'al-Shabaab'],
    ['shebabs', 'al-Shabaab'],
    ['الشباب', 'al-Shabaab'],
    ['Daech', 'Islamic State'],
    ['État islamique', 'Islamic State'],
    ['Etat Islamique', 'Islamic State'],
    ['EI', 'Islamic State'],
    ['داعش', 'Islamic State'],
    ['ISWAP', 'ISWAP'],
    ['EIGS', 'ISGS'],
    ['ISIS-K', 'IS-K'],
    ['GSIM', 'JNIM'],
    ['Ansar Eddine', 'Ansar Dine'],
    ['Katiba Macina', 'JNIM-Macina'],
    ['Tehreek-e-Taliban Pakistan', 'TTP'],
    ['Pakistani Taliban', 'TTP'],
    ['Ansar Allah', 'Houthis'],
    ['Hashd al-Shaabi', 'PMF'],
    ['Quds Force', 'IRGC-Quds'],
    ['Kataib Hezbollah', 'Kataib Hezbollah'],
    ['Armée nationale libyenne', 'LNA'],
    ['Africa Corps', 'Wagner'],
    ['Hayat Tahrir al-Sham', 'HTS'],
    ['Jabhat al-Nusra', 'al-Nusra'],
    ['Tatmadaw', 'MM-Tatmadaw'],
    ['Royal Thai Air Force', 'TH-RTAF'],
    ['Rwanda Defence Force', 'RW-RDF'],
    ['Burma', 'MM'],
    ['Philippine Air Force', 'PH-AFP'],
    ['Colombian Air Force', 'CO-FF'],
    ['Democratic Republic of Congo', 'CD'],
    ['Bangsamoro Islamic Freedom Fighters', 'BIFF'],
    ['PDKI', 'KDPI'],
    ['Kurdistan Democratic Party of Iran', 'KDPI'],
    ['Estado Mayor Central', 'FARC dissidents'],
    ['New People\'s Army', 'NPA'],
    ['Kachin Independence Army', 'KIA'],
    ['CSP-DPA', 'CSP-DPA'],
    ['AFRICOM', 'US-AFRICOM'],
    ['Pentagone', 'US-DoD'],
    ['Opération Barkhane', 'FR-Barkhane'],
    ['Royal Air Force', 'GB-RAF'],
    ['FAMa', 'ML-FAMa'],
    ['U.S.', 'US'],
    ['États-Unis', 'US'],
    ['américaines', 'US'],
    ['françaises', 'FR'],
    ['burkinabè', 'BF'],
    ['nigérienne', 'NE'],
    ['Nigerian', 'NG'],
  ])('%s -> %s', (alias, id) => {
    expect(lookupActor(alias)?.id).toBe(id);
  });

  it('every alias in the data resolves to its own entry when written alone', () => {
    const wrong: string[] = [];
    for (const e of loadLexicon().entries.values()) {
      for (const a of [...e.names, ...e.acronyms, ...e.demonyms]) if (lookupActor(a)?.id !== e.id) wrong.push(`${e.id}: ${a}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('armed groups of Chad, the Central African Republic and Sinjar', () => {
  it('knows them by name in French and English and by acronym', () => {
    expect(ids("Le Front pour l'alternance et la concorde au Tchad (FACT) avance vers le sud.")).toEqual(['FACT', 'FACT']);
    expect(ids("une colonne de l'Union des forces de la résistance")).toEqual(['UFR']);
    expect(ids('la Coalition des patriotes pour le changement (CPC) dément')).toEqual(['CPC', 'CPC']);
    expect(ids('un commandant des Unités de résistance du Sinjar (YBS)')).toEqual(['YBS', 'YBS']);
  });
});

describe('case and matching rules', () => {
  it('acronyms are case-sensitive, names are not', () => {
    expect(ids('they told us about it')).toEqual([]);
    expect(ids('the US military')).toEqual(['US']);
    expect(ids('an aqim cell')).toEqual([]);
    expect(ids('an AQIM cell')).toEqual(['AQIM']);
    expect(ids('HEZBOLLAH and hezbollah')).toEqual(['Hezbollah', 'Hezbollah']);
  });

  it('does not read "IS" in an all-capitals headline as the Islamic State', () => {
    expect(ids('WHAT IS NEXT FOR MALI')).toEqual(['ML']);
    expect(ids('IS fighters fled')).toEqual(['Islamic State']);
  });

  it('prefers the longest alias', () => {
    expect(ids('Islamic State West Africa Province fighters')).toEqual(['ISWAP']);
    expect(ids('the Pakistani Taliban')).toEqual(['TTP']);
    expect(ids('the US-led coalition')).toEqual(['US-coalition']);
  });

  it('ignores accents, hyphens and apostrophe styles', () => {
    expect(ids('Al Qaida au Maghreb Islamique')).toEqual(['AQIM']);
    expect(ids('l’Etat islamique')).toEqual(['Islamic State']);
    expect(ids("d'AQMI")).toEqual(['AQIM']);
  });

  it('reads an Arabic name behind a glued conjunction', () => {
    expect(ids('وداعش')).toEqual(['Islamic State']);
    // "لل": "ل" before the article, whose alef is dropped ("للجيش" = "ل" + "الجيش")
    expect(ids('الطيران الحربي التابع للجيش السوداني')).toEqual(['SD-SAF']);
    expect(ids('وللجيش السوداني')).toEqual(['SD-SAF']);
  });

  it('marks how a name was written', () => {
    const [m] = findActors('a French jet');
    expect(m.via).toBe('demonym');
    expect(findActors('the US')[0].via).toBe('acronym');
    expect(findActors('Mali')[0].via).toBe('name');
  });

  it('searches only the given range, with spans into the whole text', () => {
    const text = 'AQIM here. Hamas there.';
    const ms = findActors(text, [11, text.length]);
    expect(ms.map((m) => m.actor.id)).toEqual(['Hamas']);
    expect(text.slice(ms[0].span[0], ms[0].span[1])).toBe('Hamas');
  });
});

describe('units and hierarchy', () => {
  it('expands a group to its units', () => {
    const units = expandUnits('AQIM');
    expect(units[0]).toBe('AQIM');
    expect(units).toContain('AQIM-Hammam');
    expect(units).not.toContain('JNIM');
    expect(expandUnits('JNIM')).toEqual(expect.arrayContaining(['JNIM', 'JNIM-Serma', 'JNIM-Macina']));
    expect(expandUnits('US')).toEqual(expect.arrayContaining(['US-AFRICOM', 'US-CIA', 'US-DoD']));
  });

  it('expands affiliates only when asked', () => {
    expect(expandUnits('al-Qaeda')).not.toContain('AQIM');
    expect(expandUnits('al-Qaeda', { affiliates: true })).toEqual(expect.arrayContaining(['AQIM', 'AQIM-Hammam', 'AQAP', 'al-Shabaab', 'JNIM-Serma']));
    expect(expandUnits('nobody')).toEqual(['nobody']);
  });

  it('finds the Yahya Abou al-Hammam brigade as a unit of AQIM', () => {
    const [m] = findActors('the Yahya Abou al-Hammam brigade came under an air attack');
    expect(m.actor.id).toBe('AQIM-Hammam');
    expect(m.actor.parent).toBe('AQIM');
    expect(organisationIdOf(m.actor.id)).toBe('AQIM');
  });

  it('walks forces up to their state, and targets up to their organisation only', () => {
    expect(belligerentIdOf('US-AFRICOM')).toBe('US');
    expect(belligerentIdOf('FR-Barkhane')).toBe('FR');
    expect(belligerentIdOf('IRGC-Quds')).toBe('IR');
    expect(organisationIdOf('IRGC-Quds')).toBe('IRGC');
    expect(organisationIdOf('JNIM-Serma')).toBe('JNIM');
    expect(organisationIdOf('AQIM')).toBe('AQIM');
    expect(isWithin('AQIM-Hammam', 'al-Qaeda')).toBe(true);
    expect(isWithin('AQIM', 'Islamic State')).toBe(false);
  });

  it('gives domain Actors with their aliases', () => {
    const a = actorById('FR');
    expect(a?.kind).toBe('state');
    expect(a?.aliases).toContain('française');
    expect(actorById('nope')).toBeNull();
  });
});

describe('data validation', () => {
  it('names the file and the entry when the data is wrong', () => {
    const bad = { entries: [{ id: 'X', name: 'X', kind: 'militia', names: ['x'] }] };
    expect(() => buildLexicon({ 'bad.json': bad }, stanceJson, rolesJson)).toThrow(/bad\.json.*kind/);
    const orphan = { entries: [{ id: 'X', name: 'X', kind: 'armed_group', parent: 'Y', names: ['x'] }] };
    expect(() => buildLexicon({ 'o.json': orphan }, stanceJson, rolesJson)).toThrow(/"X" has parent "Y"/);
    const cycle = { entries: [{ id: 'A', name: 'A', kind: 'armed_group', parent: 'B' }, { id: 'B', name: 'B', kind: 'armed_group', parent: 'A' }] };
    expect(() => buildLexicon({ 'c.json': cycle }, stanceJson, rolesJson)).toThrow(/cycle/);
    expect(() => buildLexicon({ 's.json': statesJson, 't.json': statesJson }, stanceJson, rolesJson)).toThrow(/duplicate actor id/);
    expect(() => buildLexicon({ 's.json': statesJson }, { ...stanceJson, deny: [] }, rolesJson)).toThrow(/stance\.json/);
  });
});

describe('properties', () => {
  it('findActors never throws and its spans lie in the text and match it', () => {
    const word = fc.constantFrom('AQIM', 'US', 'us', 'al-Qaeda', 'Daech', 'française', 'IS', 'داعش', ' ', '.', '-', "'", 'Shabaab', 'x', 'É', '\n');
    const text = fc.oneof(fc.string(), fc.array(word, { maxLength: 40 }).map((ws) => ws.join(' ')), fc.array(word, { maxLength: 40 }).map((ws) => ws.join('')));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        for (const ms of [findActors(t), findActors(t, [Math.min(a, b), Math.max(a, b)])]) {
          for (const m of ms) {
            expect(m.span[0]).toBeGreaterThanOrEqual(0);
            expect(m.span[1]).toBeLessThanOrEqual(t.length);
            expect(m.span[0]).toBeLessThan(m.span[1]);
            expect(t.slice(m.span[0], m.span[1])).toBe(m.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
