import { describe, expect, it } from 'vitest';
import { sourceGroups } from './sources.ts';

const wire =
  'A drone strike killed seven fighters in a compound in the town of Datta Khel in North Waziristan on Wednesday, ' +
  'intelligence officials said, speaking on condition of anonymity because they were not authorised to talk to reporters. ' +
  'The attack was the latest in a series of strikes during a military offensive in the tribal district.';

describe('independent sources', () => {
  it('counts syndicated copies of one wire story once, even cut short or retitled', () => {
    const copy = 'Seven killed in Pakistan drone strike\n\n' + wire.slice(0, 230);
    const own = 'Local residents in Datta Khel said the drone fired two missiles at a house late on Wednesday; seven people died, among them fighters from the area.';
    expect(sourceGroups([
      { id: 'b', text: copy },
      { id: 'a', text: wire },
      { id: 'c', text: own },
    ])).toEqual([['a', 'b'], ['c']]);
  });

  it('works on any script (Arabic)', () => {
    const ar = 'قتل سبعة مسلحين في غارة لطائرة مسيرة على مجمع في بلدة داتا خيل بشمال وزيرستان يوم الأربعاء حسبما قال مسؤولون';
    expect(sourceGroups([{ id: 'x', text: ar }, { id: 'y', text: ar + ' أمس' }])).toEqual([['x', 'y']]);
  });
});
