/**
 * A follow-up article: the news is what came after a strike (an inquiry, a memorial, a
 * diplomatic row), and the strike itself is only recalled with its date.
 *
 * "France presses Congo for answers a week after aid worker's death in Goma" ... "she died
 * when drones hit a residential building in the city on March 11" (published March 18): the
 * headline tells no strike, and every strike the body tells carries a calendar date days
 * before publication.
 * Such an article reports no strike of its own. An article whose headline tells the strike
 * (an NGO's findings published weeks later: "apparent army drone strike killed 17 civilians,
 * HRW says") keeps it.
 */
import type { DocContext } from './assemble.ts';
import { isStatementDate } from './date-choice.ts';

const DAY_MS = 86_400_000;
/** A strike dated this many days or more before publication is not the day's news. */
const FOLLOW_UP_DAYS = 5;

export function isFollowUp(ctx: DocContext): boolean {
  const { analysis, sentences, dates, dateCtx, text } = ctx;
  const published = dateCtx.published;
  if (!published || published.length !== 10 || !sentences.some((s) => s.headline)) return false;
  // the headline tells a strike: the article is about it, however late
  if (sentences.some((s) => s.headline && analysis.triggersBySentence.has(s.index))) return false;
  const strong = analysis.events.filter((e) => !e.headline && e.strong);
  if (strong.length === 0) return false;
  const limit = Date.parse(published) - FOLLOW_UP_DAYS * DAY_MS;
  return strong.every((e) => {
    const [s, end] = sentences[e.sentence].span;
    // a calendar date ("on March 11"); a weekday is this week's news by its very form
    const own = dates.filter((d) => d.kind === 'absolute' && d.window && d.window.precision === 'day' && d.span[0] >= s && d.span[1] <= end && !isStatementDate(text, d));
    return own.length > 0 && own.every((d) => Date.parse(d.window!.end) < limit);
  });
}
