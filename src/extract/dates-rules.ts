/**
 * The date expressions the finder knows, one rule each: a regular expression and how its
 * match becomes a window. English and French first; Dutch and Arabic weekdays and
 * "today"/"yesterday" where they cost one word. Written by hand rather than taken from
 * chrono-node: chrono resolves bare weekdays forward, gives "last week" as one certain day,
 * misses "Saturday, Oct. 1" and garbles "dans la nuit du jeudi 2 au vendredi 3 janvier".
 * The calendar reasoning that turns a match into a window is in dates-rule-windows.ts.
 */
import { dayNumber, mondayOf, weekdayOnOrBefore, windowOf, type Published } from './dates-calendar.ts';
import { B1, DAY_RE, MONTH_RE, WEEKDAY_RE, YEAR_RE, isWeakMonth, monthOf, weekdayOf } from './dates-lexicon.ts';
import { monthStart, monthWindow, previousMonth, widened, yearForMonth, yearWindow } from './dates-resolve.ts';
import {
  SMALL_RE,
  absolute,
  day,
  dayOf,
  night,
  numericDay,
  part,
  range,
  small,
  span,
  weekdayRule,
  yearOf,
  type RuleResult,
} from './dates-rule-windows.ts';

/** Kinds of anchor word that can sit inside a rule's match (see anchorKinds). */
export type AnchorKind =
  | 'weekday' | 'month' | 'year' | 'numeric' | 'today' | 'yesterday' | 'night' | 'ago' | 'week' | 'days' | 'hours'
  | 'monthword' | 'yearword' | 'dayrel' | 'holiday';

export interface Rule {
  name: string;
  /** The rule is only tried around these anchor words: every match contains one. */
  anchors: AnchorKind[];
  re: RegExp;
  resolve(m: RegExpExecArray, pub: Published | null): RuleResult | null;
}

const G = 'giu';
const WD = `(${WEEKDAY_RE})`;
const MON = `(${MONTH_RE})`;
const DAYG = `(${DAY_RE})`;
const YEAR = `(${YEAR_RE})`;
const S = '\\s+';
const APOS = "['’]";
const TOD_EN = '(?:night|morning|evening|afternoon|noon|midday)';
const TOD_FR = '(?:soir|matin|soirée|après-midi|midi|nuit|vers\\s+minuit)';
const TOD_NL = '(?:avond|ochtend|middag|nacht|morgen)';

/**
 * A rule's regex. No leading word-boundary lookbehind: it is costly on every position, so the
 * finder checks the character before a match instead (see dates.ts, collect).
 */
function re(src: string): RegExp {
  return new RegExp(`(?:${src})${END}`, G);
}

/**
 * The end of a match: no letter or digit follows, except that a figure may run into a capital
 * ("19 February 2016Image source"), where a caption or credit was glued to the text.
 */
const END = `(?:(?<=\\d)(?=\\p{Lu})|${B1})`;

export const RULES: Rule[] = [
  // --- nights spanning two days -------------------------------------------------------
  {
    // "dans la nuit du jeudi 2 au vendredi 3 janvier (2020)", "dans la nuit de samedi à dimanche"
    name: 'nuit-fr',
    anchors: ['weekday', 'night'],
    re: re(`(?:dans${S})?la${S}nuit${S}(?:du|de)${S}${WD}(?:${S}${DAYG})?(?:${S}${MON})?${S}(?:au|à)${S}${WD}(?:${S}${DAYG})?(?:${S}${MON})?(?:${S}${YEAR})?`),
    resolve: (m, pub) => night(m[1], m[2], m[3], m[4], m[5], m[6], m[7], pub),
  },
  {
    // "(on) the night of Thursday to Friday", "overnight Saturday into Sunday"
    name: 'night-en',
    anchors: ['weekday', 'night'],
    re: re(`(?:(?:on${S})?the${S}night${S}(?:of|from)|overnight(?:${S}from)?)${S}${WD}(?:,?${S}${MON}${S}${DAYG})?${S}(?:to|into|and)${S}${WD}(?:,?${S}${MON}${S}${DAYG})?(?:,?${S}${YEAR})?`),
    resolve: (m, pub) => night(m[1], m[3], m[2], m[4], m[6], m[5], m[7], pub),
  },
  // --- ranges of days -------------------------------------------------------------------
  {
    // "between 2 and 5 January 2020", "du 2 au 5 janvier", "2-5 March"
    name: 'range-dm',
    anchors: ['month'],
    re: re(`(?:(?:between|from|du|entre(?:${S}le)?)${S})?${DAYG}(?:${S}${MON})?\\s*(?:-|–|to|and|au|et(?:${S}le)?)\\s*${DAYG}${S}${MON}(?:,?${S}${YEAR})?`),
    resolve: (m, pub) => range(dayOf(m[1]), m[2] ? monthOf(m[2]) : monthOf(m[4]), dayOf(m[3]), monthOf(m[4]), yearOf(m[5]), pub),
  },
  {
    // "March 2-5", "from Jan. 30 to Feb. 2, 2020"
    name: 'range-md',
    anchors: ['month'],
    re: re(`(?:(?:between|from)${S})?${MON}${S}${DAYG}\\s*(?:-|–|to|and|through)\\s*(?:${MON}${S})?${DAYG}(?:,?${S}${YEAR})?`),
    resolve: (m, pub) => range(dayOf(m[2]), monthOf(m[1]), dayOf(m[4]), m[3] ? monthOf(m[3]) : monthOf(m[1]), yearOf(m[5]), pub),
  },
  // --- one day, absolute --------------------------------------------------------------
  {
    // "Sunday 17 June 2012", "le 1er août dernier", "the 3rd of January", "dimanche 17 juin"
    name: 'dmy',
    anchors: ['month'],
    re: re(`(?:${WD},?${S})?(?:(?:the|le)${S})?${DAYG}(?:${S}of)?${S}${MON}(?:,?${S}${YEAR})?(?:${S}(?:dernier|passé))?`),
    resolve: (m, pub) => absolute(dayOf(m[2]), monthOf(m[3]), yearOf(m[4]), pub, m[1] ? weekdayOf(m[1]) : null),
  },
  {
    // "Saturday, Oct. 1", "August 29, 2021", "Sunday, Aug. 29, 2021"
    name: 'mdy',
    anchors: ['month'],
    re: re(`(?:${WD},?${S})?${MON}${S}${DAYG}(?!\\d)(?:,?${S}${YEAR})?`),
    resolve: (m, pub) => {
      if (m[2] === 'may' || m[2] === 'mar') return null;
      return absolute(dayOf(m[3]), monthOf(m[2]), yearOf(m[4]), pub, m[1] ? weekdayOf(m[1]) : null);
    },
  },
  {
    // "03/01/2020", "3.1.2020" (day first), "2020-01-03"
    name: 'numeric',
    anchors: ['numeric'],
    re: new RegExp(`(?<![\\d/.,-])(?:(\\d{1,2})[/.](\\d{1,2})[/.](${YEAR_RE})|(${YEAR_RE})-(\\d{2})-(\\d{2}))(?![\\d/.]\\d)`, 'g'),
    resolve: (m, pub) =>
      m[4] ? absolute(Number(m[6]), Number(m[5]), Number(m[4]), pub, null) : numericDay(Number(m[1]), Number(m[2]), Number(m[3]), pub),
  },
  // --- months and years -----------------------------------------------------------------
  {
    // "in June 2012", "late August 2019", "fin juin 2012", "June of 2012"
    name: 'month-year',
    anchors: ['month'],
    re: re(`(?:(early|mid|late|début|fin|mi)(?:-|${S}|${S}de${S}|${S}d${APOS}))?${MON}(?:${S}of)?${S}${YEAR}`),
    resolve: (m, pub) => {
      const month = monthOf(m[2]);
      if (month === null) return null;
      return { window: monthWindow(month, Number(m[3]), part(m[1]), pub), kind: 'month', year_printed: true };
    },
  },
  {
    // "in June", "since March", "early August", "en juin", "fin juin", "au mois de mai"
    name: 'month',
    anchors: ['month'],
    re: re(`(?:in|since|during|until|by|early|mid|late|en|depuis|durant|fin|début|mi|au${S}mois${S}de|the${S}month${S}of)(?:-|${S})(?:(?:early|mid|late)(?:-|${S}))?${MON}`),
    resolve: (m, pub) => {
      const name = m[1];
      if (isWeakMonth(name) || /^march$/i.test(name)) {
        if (name[0] !== name[0].toUpperCase()) return null; // "may", "march" as verbs
      }
      const month = monthOf(name);
      if (month === null) return null;
      const year = yearForMonth(month, pub);
      const p = /(?:^|\s|-)(early|début)/i.test(m[0]) ? 'early' : /(?:^|\s|-)(late|fin)/i.test(m[0]) ? 'late' : /(?:^|\s)mid|(?:^|\s)mi-/i.test(m[0]) ? 'mid' : null;
      return { window: year === null ? null : monthWindow(month, year, p, pub), kind: 'month', year_printed: false };
    },
  },
  {
    // "in 2012", "en 2019", "since 2015", "l'année 2012" (not "the 1990s")
    name: 'year',
    anchors: ['year'],
    re: re(`(?:in|since|during|of|en|depuis|durant|année|year|l${APOS}an)${S}${YEAR}(?!s)`),
    resolve: (m, pub) => ({ window: yearWindow(Number(m[1]), pub), kind: 'year', year_printed: true }),
  },
  // --- relative to publication ------------------------------------------------------------
  {
    name: 'today',
    anchors: ['today'],
    re: re(`(?:earlier${S})?today|(?:earlier${S})?this${S}(?:morning|afternoon|evening)|tonight|aujourd${APOS}hui|ce${S}matin|cet${S}après-midi|ce${S}soir|vandaag|اليوم`),
    resolve: (_m, pub) => day(pub, (d) => d),
  },
  {
    name: 'day-before-yesterday',
    anchors: ['yesterday'],
    re: re(`the${S}day${S}before${S}yesterday|avant-hier|eergisteren|أول${S}أمس`),
    resolve: (_m, pub) => day(pub, (d) => d - 2),
  },
  {
    name: 'yesterday',
    anchors: ['yesterday'],
    re: re(`yesterday(?:${S}${TOD_EN})?|hier(?:${S}${TOD_FR})?|gisteren(?:avond|ochtend|middag)?|أمس|امس|البارحة`),
    resolve: (_m, pub) => day(pub, (d) => d - 1),
  },
  {
    // "la veille", "the next day": relative to the date told just before (dates.ts), else to publication
    name: 'day-relative',
    anchors: ['dayrel'],
    re: re(`la${S}veille|the${S}(?:day${S}before|previous${S}day)|le${S}lendemain|the${S}(?:next|following)${S}day|le${S}jour${S}suivant`),
    resolve: (m, pub) => {
      const shift = /veille|before|previous/i.test(m[0]) ? -1 : 1;
      const fallback = shift < 0 ? day(pub, (d) => d - 1) : { window: null, kind: 'relative' as const, year_printed: false };
      return { ...fallback, shift };
    },
  },
  {
    name: 'last-night',
    anchors: ['night'],
    re: re(`last${S}night|overnight|cette${S}nuit|la${S}nuit${S}dernière|الليلة${S}الماضية`),
    resolve: (_m, pub) => span(pub, (d) => [d - 1, d], 'days'),
  },
  {
    name: 'days-ago',
    anchors: ['ago'],
    re: re(`${SMALL_RE_G()}${S}days${S}ago|il${S}y${S}a${S}${SMALL_RE_G()}${S}jours|(?:a|one)${S}week${S}ago|il${S}y${S}a${S}une${S}semaine`),
    resolve: (m, pub) => {
      const n = m[1] ?? m[2];
      const k = n ? small(n) : 7;
      return k === null ? null : day(pub, (d) => d - k);
    },
  },
  {
    // the previous Monday-Sunday week
    name: 'last-week',
    anchors: ['week'],
    re: re(`(?:earlier${S}|late${S})?last${S}week|the${S}previous${S}week|la${S}semaine${S}(?:dernière|passée)|vorige${S}week|الأسبوع${S}الماضي`),
    resolve: (_m, pub) => span(pub, (d) => [mondayOf(d) - 7, mondayOf(d) - 1], 'week'),
  },
  {
    // the seven days up to publication
    name: 'past-week',
    anchors: ['week', 'days'],
    re: re(`(?:in|over|during)${S}the${S}(?:past|last)${S}(?:week|seven${S}days|7${S}days)|la${S}semaine${S}écoulée|(?:au${S}cours${S}des|ces|durant${S}les)${S}(?:sept${S}|7${S})?derniers${S}jours`),
    resolve: (_m, pub) => span(pub, (d) => [d - 6, d], 'week'),
  },
  {
    name: 'this-week',
    anchors: ['week'],
    re: re(`(?:earlier${S})?this${S}week|cette${S}semaine|en${S}début${S}de${S}semaine|deze${S}week`),
    resolve: (_m, pub) => span(pub, (d) => [mondayOf(d), d]),
  },
  {
    name: 'weekend',
    anchors: ['week'],
    re: re(`(?:over|during|at)${S}the${S}(?:past${S}|last${S})?week-?end|(?:this|last)${S}week-?end|(?:ce|le)${S}week-?end(?:${S}dernier)?|(?:ce|le)${S}dernier${S}week-?end`),
    resolve: (_m, pub) =>
      span(pub, (d) => {
        const sat = weekdayOnOrBefore(d, 6);
        const sun = weekdayOnOrBefore(d, 0);
        return sun > sat ? [sat, sun] : [sat, d];
      }),
  },
  {
    // "in the past 24 hours", "au cours des dernières 48 heures", "ces dernières 24 heures"
    name: 'past-hours',
    anchors: ['hours'],
    re: re(`(?:in|over|during|within)${S}the${S}(?:past|last|previous)${S}(\\d{2,3})${S}hours|(?:au${S}cours${S}des|ces|dans${S}les|durant${S}les|en)${S}(?:dernières${S})?(\\d{2,3})${S}(?:dernières${S})?heures`),
    resolve: (m, pub) => {
      const h = Number(m[1] ?? m[2]);
      return span(pub, (d) => [d - Math.max(1, Math.ceil(h / 24)), d]);
    },
  },
  {
    name: 'past-days',
    anchors: ['days'],
    re: re(`(?:in|over|during|within)${S}the${S}(?:past|last|previous)${S}(few|several|two|three|four|five|six|\\d)${S}days|ces${S}derniers${S}jours|(?:au${S}cours${S}des|durant${S}les)${S}(deux|trois|quatre|cinq|six|\\d)${S}derniers${S}jours`),
    resolve: (m, pub) => {
      const k = small(m[1] ?? m[2] ?? 'few') ?? 3;
      return span(pub, (d) => [d - k, d]);
    },
  },
  {
    name: 'this-month',
    anchors: ['monthword'],
    re: re(`(?:earlier${S})?this${S}month|(?:plus${S}tôt${S})?ce${S}mois(?:-ci)?|(?:en${S})?début${S}de${S}mois|deze${S}maand`),
    resolve: (_m, pub) => span(pub, (d) => [monthStart(d), d]),
  },
  {
    name: 'last-month',
    anchors: ['monthword'],
    re: re(`last${S}month|the${S}previous${S}month|le${S}mois${S}(?:dernier|passé)|vorige${S}maand|الشهر${S}الماضي`),
    resolve: (_m, pub) => {
      if (!pub) return { window: null, kind: 'relative', year_printed: false };
      const [s, e] = previousMonth(pub.first);
      if (pub.precision === 'year') return { window: widened(pub), kind: 'relative', year_printed: false };
      return { window: windowOf(s, e, 'month'), kind: 'relative', year_printed: false };
    },
  },
  {
    name: 'this-year',
    anchors: ['yearword'],
    re: re(`(?:earlier${S}|so${S}far${S})?this${S}year|cette${S}année|dit${S}jaar`),
    resolve: (_m, pub) => {
      if (!pub) return { window: null, kind: 'year', year_printed: false };
      const jan1 = dayNumber(pub.year, 1, 1) as number;
      return { window: windowOf(jan1, pub.last, 'year'), kind: 'year', year_printed: false };
    },
  },
  {
    name: 'last-year',
    anchors: ['yearword'],
    re: re(`last${S}year|l${APOS}(?:année${S}(?:dernière|passée)|an${S}dernier)|vorig${S}jaar|العام${S}الماضي`),
    resolve: (_m, pub) => ({ window: pub ? yearWindow(pub.year - 1, null) : null, kind: 'year', year_printed: false }),
  },
  // --- weekdays -----------------------------------------------------------------------------
  {
    // "on Christmas night", "Christmas Day", "Christmas Eve", "le soir de Noël", "la veille de Noël":
    // a fixed day of the calendar, the most recent one on or before publication
    name: 'holiday',
    anchors: ['holiday'],
    re: re(`(?:la${S}veille${S}de${S}|le${S}réveillon${S}de${S})Noël|(?:le${S}(?:jour|soir)${S}de${S}|la${S}nuit${S}de${S})?Noël|Christmas(?:${S}(?:Eve|Day|night|morning|evening))?`),
    resolve: (m, pub) => absolute(/veille|réveillon|Eve/i.test(m[0]) ? 24 : 25, 12, null, pub, null),
  },
  {
    // "last Tuesday", "Tuesday night", "mardi dernier", "lundi soir", "zondagavond", "يوم الجمعة", "next Monday"
    name: 'weekday',
    anchors: ['weekday'],
    re: re(`(?:(last|this${S}past|past|next|this)${S})?(?:يوم${S})?${WD}(?:${TOD_NL})?(?:${S}(?:${TOD_EN}|${TOD_FR}))?(?:${S}(dernier|passé|prochain))?`),
    resolve: (m, pub) => {
      const wd = weekdayOf(m[2]);
      if (wd === null) return null;
      const q = (m[1] ?? m[3] ?? '').toLowerCase();
      const mode = q === 'next' || q === 'prochain' ? 'after' : q === 'last' || q === 'dernier' || q === 'passé' || /past/.test(q) ? 'before' : 'onOrBefore';
      return weekdayRule(wd, mode, pub);
    },
  },
];

function SMALL_RE_G(): string {
  return `(${SMALL_RE})`;
}
