import { h } from '../dom.ts';
import { GRADE_TEXT, gradeColour, type GradeName } from '../grades.ts';

/** A grade as a coloured label with its meaning as a tooltip (the colour is never the only cue). */
export function gradeBadge(grade: string): HTMLElement {
  return h('span', { class: `badge grade-${grade}`, style: `background:${gradeColour(grade)}`, title: GRADE_TEXT[grade as GradeName] ?? grade }, grade);
}
