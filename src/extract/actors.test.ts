import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findTargets } from './actors.ts';
import { splitSentences } from './sentences.ts';

/** Targets of a text whose sentences matching `event` (default: all) tell the strike. */
function targets(text: string, event: RegExp | null = null, title: string | null = null) {
  const full = title ? `${title}\n\n${text}` : text;
  const spans = splitSentences(full, title)
    .filter((s) => (event === null ? !s.headline : event.test(s.text)))
    .map((s) => s.span);
  return findTargets(full, spans, { title, language: null });
}
const ids = (text: string, event: RegExp | null = null, title: string | null = null) => targets(text, event, title).targets.map((t) => t.id);

describe('targets, sentence by sentence', () => {
  it.each([
    ['A US drone strike targeted a convoy of al-Shabaab fighters near Jilib.', ['al-Shabaab']],
    ['The airstrike killed six AQAP militants in Shabwa province.', ['AQAP']],
    ['Kenyan jets bombed Shabaab positions in Gedo.', ['al-Shabaab']],
    ['A drone strike killed a senior commander of the Haqqani network in North Waziristan.', ['Haqqani Network']],
    ['The strike hit a gathering of Tehreek-e-Taliban Pakistan fighters.', ['TTP']],
    ['The Pentagon said the strike killed an Islamic State Khorasan planner.', ['IS-K']],
    ['A US strike near Baghdad airport killed the head of the Quds Force and a leader of the Hashd al-Shaabi.', ['IRGC', 'PMF']],
    ['Nigerian Air Force jets bombed a Boko Haram enclave near Sambisa.', ['Boko Haram']],
    ['Des frappes aériennes ont visé des positions du GSIM dans le centre du Mali.', ['JNIM']],
    ["Un drone de l'armée malienne a frappé des cadres du CSP-DPA à Tinzaouaten.", ['CSP-DPA']],
    ['Barkhane a neutralisé plusieurs combattants de la katiba Serma.', ['JNIM']],
    ["Une frappe a tué un chef de l'État islamique au Grand Sahara.", ['ISGS']],
    ['Une frappe de drone a visé des shebabs près de Kismayo.', ['al-Shabaab']],
    ['A Houthi drone attack hit a Saudi oil facility.', []],
    ['A drone strike killed four suspected militants in the tribal area.', []],
    ['Turkish drones struck SDF positions near Qamishli, the Kurdish-led forces said.', ['SDF']],
    ['Russian jets struck a Wagner-held... no, strikes on Wagner positions near Kidal were reported.', ['Wagner']],
    ['The strike targeted members of the Yahya Abou al-Hammam brigade, a unit of al-Qaeda in the Islamic Maghreb.', ['AQIM']],
    ['A surprise missile strike killed seven al-Qaeda terrorists.', ['al-Qaeda']],
    ['Une frappe aérienne a tué des membres de Hayat Tahrir al-Cham à Idleb.', ['HTS']],
    ['Two men thought to be al-Qaeda militants died in central Yemen in a suspected US drone strike.', ['AQAP']],
    // the PKK in Iraq is the PKK: a local militia close to it (the Sinjar units) is no regional branch
    ['A Turkish drone strike killed four PKK members in the Qandil mountains of northern Iraq.', ['PKK']],
    ['The strike hit a stronghold of militants linked to the Taliban.', []],
    ['A vehicle carrying senior figures of an al-Qaeda-affiliated insurgent group was struck by the U.S. military.', []],
    ["A commander of Iran's Islamic Revolutionary Guard Corps died when a US drone struck his car.", ['IRGC']],
    ['The drone hit a Taliban compound, killing Hakimullah Mehsud, chief of the Pakistani Taliban.', ['TTP']],
    ["La frappe visait un groupe proche d'AQMI dans le nord.", []],
    // "pro-X" describes another group's allegiance
    ['Helicopters struck members of a pro-Islamic State rebel group as they fled, the military said.', []],
    ['Helicopters struck fleeing members of the pro-Islamic State Bangsamoro Islamic Freedom Fighters.', ['BIFF']],
    ['Kenyan jets struck training camps held by al-Shabaab in Gedo.', ['al-Shabaab']],
    ["A drone attack by Sudan's Rapid Support Forces (RSF) killed 15 people at a market.", []],
    ['The airstrike set off explosives planted by ISIS, and killed ISIS snipers.', ['Islamic State']],
    ["The jet hit a camp in Rann, a town in the heartland of Boko Haram's armed insurgency.", []],
    ['A drone strike hit a market in the south, the cradle of the Taliban insurgency.', []],
    ["Une frappe a touché un village au cœur de l'insurrection de Boko Haram.", []],
    ["The jets bombed Boko Haram fighters in Borno, heartland of the group's insurgency.", ['Boko Haram']],
    // a group said to be present somewhere describes the area
    ['Five militants were killed when the US carried out an airstrike in North Waziristan, where al Qaeda and other foreign groups are known to shelter.', []],
    ["Une frappe aérienne a tué des jihadistes dans la zone, où les combattants de l'EIGS sont très actifs.", []],
    ['A drone strike hit the district, where IS militants are entrenched.', []],
    // ... but those said to be at the site when it was hit were struck
    ['A drone strike hit a building where al-Shabaab fighters were present.', ['al-Shabaab']],
    // the second name of a "linked to X and Y" phrase describes the militants too
    ['The strike hit a stronghold of militants linked to the Taliban and al-Qaeda.', []],
    ["La frappe a visé un camp de combattants liés à AQMI et à l'État islamique.", []],
    // a group that governs a place is not struck by being named
    ['The strike was the last of a war that ended with the Taliban ruling Kabul.', []],
    ["La frappe fut la dernière d'une guerre achevée avec les talibans contrôlant Kaboul.", []],
    // a force named for its people; a state's force for its leader
    ["The strike killed a deputy leader of Iraq's Hashd al-Shaabi.", ['PMF']],
    ["La frappe a tué un commandant adjoint du Hashd al-Shaabi irakien.", ['PMF']],
    ["Among the dead was the commander of Iran's Quds Force.", ['IRGC']],
    ["Parmi les morts figure le chef de l'unité d'élite Al-Qods.", ['IRGC']],
    // the intended target, not those hit by mistake
    ['A partner force had wrongly identified the target as an IS position, and the strike instead killed fighters of the Syrian Democratic Forces.', ['Islamic State']],
    ["Les militaires avaient pris le convoi pour une colonne de l'État islamique, mais la frappe a tué des combattants des FDS.", ['Islamic State']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('targets, document rules', () => {
  it('keeps the unit name under the organisation id', () => {
    const r = targets('A mystery airstrike targeted a convoy of the Yahya About al Hammam Brigade, a unit of al Qaeda in the Islamic Maghreb.');
    expect(r.targets).toEqual([{ id: 'AQIM', name: 'Yahya About al Hammam Brigade' }]);
    expect(r.spans).toHaveLength(1);
  });

  it('falls back to the neighbouring sentences, then to the headline', () => {
    expect(ids('A drone strike hit a vehicle near Jilib on Friday. Officials said the dead were al-Shabaab members.', /drone strike/)).toEqual(['al-Shabaab']);
    // the headline is told by the article's first strike, which holds it
    expect(ids('A drone strike hit a vehicle on Friday. Nobody was named.', /drone strike|US strike/, 'US strike hits AQAP suspects in Yemen')).toEqual(['AQAP']);
    expect(ids('A drone strike hit a vehicle on Friday. Nobody was named.', /drone strike/, 'Yemen: AQAP suspects killed')).toEqual(['AQAP']);
  });

  it('reads neither a neighbour telling another strike nor the first strike\'s headline for a later strike', () => {
    const text = 'A drone struck four SDF fighters in Qamishlo. Residents said one SDF leader died in the strike. A house near Amude was hit today in a second drone attack. Nobody was hurt.';
    expect(ids(text, /Amude/, 'Turkish drone kills four SDF fighters in Qamishlo')).toEqual([]);
    expect(ids(text, /Qamishlo/, 'Turkish drone kills four SDF fighters in Qamishlo')).toEqual(['SDF']);
    const fr = "Un drone a tué quatre combattants des FDS à Qamichli. Un commandant des FDS est mort dans la frappe. Une maison près d'Amouda a été touchée aujourd'hui par une deuxième attaque de drone. Personne n'a été blessé.";
    expect(ids(fr, /Amouda/, 'Un drone turc tue quatre combattants des FDS à Qamichli')).toEqual([]);
    // a headline on the strike's own place still gives it its targets
    expect(ids('French aircraft struck a group of armed men near Aguelhok in Mali on Saturday.', /Aguelhok/, 'AQIM suspect died in French strike in Mali')).toEqual(['AQIM']);
  });

  it('prefers the event sentence over a group named nearby', () => {
    expect(ids('Ansar Dine controls the town. An airstrike killed AQIM fighters near Gao. MNLA gunmen watched.', /airstrike/)).toEqual(['AQIM']);
  });

  it('reads a force named on its own as a party, not as struck', () => {
    expect(ids('An airstrike hit a town hall meeting in Murzuq. The GNA called on the UN to investigate the crimes.')).toEqual([]);
    expect(ids("Une frappe a touché une réunion à Mourzouk. Le GNA a appelé l'ONU à enquêter.")).toEqual([]);
    // its people struck are struck
    expect(ids('An airstrike hit a checkpoint in Murzuq, killing GNA fighters.')).toEqual(['GNA']);
  });

  it('does not take a group that claims another attack for a target', () => {
    expect(ids('A drone strike killed 17 civilians at a market. Last month IS claimed an attack on the airport.', /drone strike/)).toEqual([]);
    expect(ids("Une frappe de drone a tué 17 civils sur un marché. Le mois dernier, l'État islamique a revendiqué une attaque contre l'aéroport.", /frappe/)).toEqual([]);
    // a group claiming what the strike did is not claiming an attack of its own
    expect(ids('A US drone strike hit a vehicle near Jilib. Al-Shabaab claimed that five civilians died.')).toEqual(['al-Shabaab']);
    expect(ids('A US drone strike hit a vehicle near Jilib. Al-Shabaab claimed the strike killed five civilians.')).toEqual(['al-Shabaab']);
  });

  it('reads the side a war is fought against, in a sentence around the strike, as the war', () => {
    expect(ids('A drone strike hit a house outside Mogadishu. Turkey supports the Somali government\'s campaign against al-Shabab.', /drone strike/)).toEqual([]);
    expect(ids('Une frappe aérienne a touché un centre funéraire de Sanaa. La coalition combat les rebelles Houthis.', /frappe/)).toEqual([]);
    // told in the strike's own sentence, the group is struck
    expect(ids('In the war against al-Shabaab, a drone strike killed ten al-Shabaab fighters.', /drone strike/)).toEqual(['al-Shabaab']);
  });

  it('reads a group speaking through its spokesman as a party, not as struck', () => {
    expect(ids("A drone hit a camp for displaced people. Tigray People's Liberation Front (TPLF) spokesman Getachew Reda said 56 civilians died.")).toEqual([]);
    expect(ids("Une frappe de drone a touché un camp de déplacés, a déclaré le porte-parole du Front de libération du peuple du Tigray.")).toEqual([]);
  });

  it('reads a group fighting or making a move of the war, around the strike, as the war', () => {
    const lead = /drone hit|drone a touché/;
    expect(ids('A drone hit a camp for displaced people. The TPLF has fought the government since 2020.', lead)).toEqual([]);
    expect(ids('A drone hit a camp for displaced people. In December, TPLF fighters pulled back to their stronghold.', lead)).toEqual([]);
    expect(ids("Un drone a touché un camp de déplacés. Les shebab combattent le gouvernement fédéral depuis 2007.", lead)).toEqual([]);
    expect(ids("Un drone a touché un camp de déplacés. En décembre, les combattants du TPLF se sont retirés vers leur bastion.", lead)).toEqual([]);
  });

  it('reads a group vowing to retaliate as answering the strikes, not as struck', () => {
    expect(ids('A drone hit a house near Amude. The SDF vowed to retaliate against the Turkish attacks.')).toEqual([]);
    expect(ids("Un drone a touché une maison près d'Amouda. Les FDS ont promis de riposter aux attaques turques.")).toEqual([]);
  });

  it('reads a presence statement next to the strike as the area, not the target', () => {
    expect(ids('Local officials say a strike hit a vehicle. The Taliban are also active in the province.', /strike/)).toEqual([]);
  });

  it('gives generic words when no group is named', () => {
    const r = targets('Des frappes aériennes ont neutralisé des terroristes dans la zone de Djibo.');
    expect(r.targets).toEqual([]);
    expect(r.generic?.name).toMatch(/terroristes/);
  });

  it('finds nothing without an event', () => {
    expect(findTargets('AQIM fighters were killed.', [], { title: null, language: 'en' }).targets).toEqual([]);
  });
});

describe('the seed article', () => {
  it('reports AQIM, named after its brigade, and not the groups of the comments or background', () => {
    const text = readFileSync(new URL('../../../shared/seed/000_f697bc08346bf57f.txt', import.meta.url), 'utf8');
    const title = text.split('\n')[0];
    const spans = splitSentences(text, title)
      .filter((s) => /mystery airstrike|surprise missile strike|came under an air attack|raid targeted/.test(s.text))
      .map((s) => s.span);
    const r = findTargets(text, spans, { title, language: 'en' });
    expect(r.targets.map((t) => t.id)).toEqual(['AQIM']);
    for (const [a, b] of r.spans) expect(text.slice(a, b).length).toBe(b - a);
  });
});
