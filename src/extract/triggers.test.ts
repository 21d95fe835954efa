import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import { findTriggers } from './triggers.ts';

const typeOf = (text: string) =>
  extract({ id: 't', name: 't', title: null, text, published: '2020-01-10', published_precision: 'day', language: null }, { gazetteer: null })[0]?.event_type ?? null;

describe('findTriggers', () => {
  it('finds strong triggers in English, French, Dutch and Arabic', () => {
    const strong = (t: string) => findTriggers(t).filter((x) => x.strength === 'strong').map((x) => x.text);
    expect(strong('An air strike and a drone strike, then an air raid.')).toEqual(['air strike', 'drone strike', 'air raid']);
    expect(strong('Une frappe aérienne puis une frappe de drone et un raid aérien.')).toEqual(['frappe aérienne', 'frappe de drone', 'raid aérien']);
    expect(strong('Bij een luchtaanval vielen doden.')).toEqual(['luchtaanval']);
    expect(strong('غارة جوية على المدينة')).toEqual(['غارة جوية']);
  });

  it('reads a French strike named by the state that made it as a strike from the air', () => {
    const strong = (t: string) => findTriggers(t).filter((x) => x.strength === 'strong').map((x) => x.text);
    expect(strong('Des forces soutenues par une frappe américaine ont détruit un camp.')).toEqual(['frappe américaine']);
    expect(strong('Les frappes françaises ont visé un convoi.')).toEqual(['frappes françaises']);
    expect(strong("Une frappe de l'armée nigériane a touché un marché.")).toEqual(["frappe de l'armée nigériane"]);
    // a bare "frappe" and a ground "attaque" stay weak
    expect(strong('La frappe a tué trois personnes. Une attaque américaine au sol.')).toEqual([]);
  });

  it('reads a drone or an aircraft dropping a bomb in French as a strike', () => {
    expect(typeOf("Un drone a largué un engin explosif sur la base dans la nuit de dimanche à lundi.")).toBe('drone_strike');
    expect(typeOf('Deux avions ont largué des bombes sur le camp samedi.')).toBe('airstrike');
    // dropping leaflets or aid is no strike
    expect(findTriggers("Les avions ont largué des tracts et de l'aide.").map((x) => x.text)).toEqual([]);
  });

  it('keeps weak verbs apart from strong phrases', () => {
    const t = findTriggers('A drone hit the car after the airstrike.');
    expect(t.map((x) => [x.text, x.strength])).toEqual([
      ['hit', 'weak'],
      ['airstrike', 'strong'],
    ]);
  });
});

describe('event types', () => {
  it('drone_strike only when a drone is named', () => {
    expect(typeOf('A US drone strike killed two militants on Monday.')).toBe('drone_strike');
    expect(typeOf('Unmanned Predators fired missiles that struck a car on Monday.')).toBe('drone_strike');
    expect(typeOf("Une frappe de drone a tué trois personnes lundi.")).toBe('drone_strike');
  });

  it('airstrike for jets, helicopters and plain air strikes', () => {
    expect(typeOf('Warplanes hit a market on Monday, killing 17.')).toBe('airstrike');
    expect(typeOf('An air strike killed five fighters on Monday.')).toBe('airstrike');
    expect(typeOf("L'aviation a bombardé un camp lundi.")).toBe('airstrike');
  });

  it('missile_strike when only missiles are said', () => {
    expect(typeOf('Missiles struck a convoy near the airport on Thursday, killing ten.')).toBe('missile_strike');
  });

  it('a car bomb is not an air strike', () => {
    expect(typeOf('A car bomb hit a checkpoint on Monday, killing four.')).toBeNull();
  });
});
