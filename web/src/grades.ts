/**
 * Grades: their order, words and colours. The colours are a colour-blind-safe set (Okabe-Ito)
 * dark enough for white text (contrast >= 4.5:1 on each) so a marker's count stays legible.
 */
export const GRADES = ['confirmed', 'fair', 'weak', 'contested', 'discounted'] as const;
export type GradeName = (typeof GRADES)[number];

export const GRADE_COLOUR: Record<GradeName, string> = {
  confirmed: '#8a3b00',
  fair: '#00607a',
  weak: '#5e5e5e',
  contested: '#8b1a5c',
  discounted: '#2f4f2f',
};

export const GRADE_TEXT: Record<GradeName, string> = {
  confirmed: 'a belligerent acknowledged it',
  fair: 'two or more independent sources agree',
  weak: 'a single source',
  contested: 'sources conflict on whether it happened or who did it',
  discounted: 'an analyst ruled it out',
};

export function gradeColour(g: string): string {
  return (GRADE_COLOUR as Record<string, string>)[g] ?? '#444';
}

/** A qualitative palette for belligerents and other stacks (Okabe-Ito, then greys). */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#b8a800', '#000000', '#777777', '#aaaaaa'];

export function stackColour(stack: 'grade' | 'belligerent' | string, key: string, index: number): string {
  if (stack === 'grade') return gradeColour(key);
  return PALETTE[index % PALETTE.length];
}
