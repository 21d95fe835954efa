import { describe, expect, it } from 'vitest';
import { mergeProfiles } from './profile.ts';
import { clusterItems } from './cluster.ts';
import { linked } from './pair.ts';
import type { ClusterItem } from './item.ts';

const base: ClusterItem = {
  id: 'a:0', doc: 'a', day0: 16000, day1: 16000, lat: 10, lon: 20, radius: 8, country: 'ZZ', event: 'drone_strike',
  targets: [], belligerents: [], killedMin: null, killedMax: null, details: [],
};

describe('mergeProfiles', () => {
  it('keeps what the two say together at its most precise', () => {
    const town = { ...base, targets: ['G'], killedMin: 7, killedMax: 7 };
    const region: ClusterItem = {
      ...base, id: 'b:0', doc: 'b', day0: 15990, day1: 16019, lat: 10.5, lon: 20.4, radius: 120, targets: ['H'], belligerents: ['US'], killedMin: 9, killedMax: null, details: ['convoy'],
    };
    const p = mergeProfiles(region, town, 'drone_strike');
    expect([p.day0, p.day1]).toEqual([16000, 16000]); // the week and the day meet on the day
    expect([p.lat, p.lon, p.radius]).toEqual([10, 20, 8]); // the town, not the region
    expect(p.targets).toEqual(['G', 'H']);
    expect(p.belligerents).toEqual(['US']);
    expect(p.details).toEqual(['convoy']);
    expect([p.killedMin, p.killedMax]).toEqual([9, null]); // 'at least 9' is above '7 killed': no upper bound left
  });

  it('takes the days between two windows that only meet within the tolerance', () => {
    const later = { ...base, id: 'b:0', doc: 'b', day0: 16002, day1: 16003 };
    const p = mergeProfiles(base, later, 'drone_strike');
    expect([p.day0, p.day1]).toEqual([16000, 16002]);
  });

  it('lets an undated report take the dated one\'s window', () => {
    const p = mergeProfiles({ ...base, day0: null, day1: null }, { ...base, id: 'b:0', doc: 'b', day0: 16005, day1: 16006 }, 'airstrike');
    expect([p.day0, p.day1, p.event]).toEqual([16005, 16006, 'airstrike']);
  });
});

describe('clustering against the incident, not its vaguest member', () => {
  // A strike on a town on day D, told by a dated report and a report of that week; a strike on
  // the same town two days later links to the week-wide report, not to the dated one.
  const strike = base;
  const week: ClusterItem = { ...base, id: 'week:0', doc: 'week', day0: 15996, day1: 16002 };
  const later: ClusterItem = { ...base, id: 'later:0', doc: 'later', day0: 16002, day1: 16002 };

  it('the premise: the later strike links to the week-wide report only', () => {
    expect(linked(strike, week)).toBe(true);
    expect(linked(later, week)).toBe(true);
    expect(linked(later, strike)).toBe(false);
  });

  it('keeps the later strike out of the incident the week-wide report joined', () => {
    expect(clusterItems([strike, week, later])).toEqual([['a:0', 'week:0'], ['later:0']]);
  });
});

describe('an undated report against incidents of several reports', () => {
  // Two strikes on one town three weeks apart against one group. The first is told by two
  // reports, one naming the group, the other the striker; an undated report names both. Against
  // single reports it fits the two strikes alike; against what the first strike's reports say
  // together, it fits the first clearly better.
  const named: ClusterItem = { ...base, targets: ['G'] };
  const striker: ClusterItem = { ...base, id: 'b:0', doc: 'b', belligerents: ['US'] };
  const later: ClusterItem = { ...base, id: 'later:0', doc: 'later', day0: 16021, day1: 16021, targets: ['G'] };
  const undated: ClusterItem = { ...base, id: 'u:0', doc: 'u', day0: null, day1: null, targets: ['G'], belligerents: ['US'] };

  it('joins the strike whose reports together fit it best', () => {
    expect(clusterItems([named, striker, later, undated])).toEqual([['a:0', 'b:0', 'u:0'], ['later:0']]);
  });

  it('stays alone when the first strike has only the report naming the group', () => {
    expect(clusterItems([named, later, undated])).toEqual([['a:0'], ['later:0'], ['u:0']]);
  });
});
