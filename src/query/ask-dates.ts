/**
 * Date phrases of a question -> a window: years, months, days, ranges ("between 2019 and
 * 2021", "entre 2019 et 2021"), open ranges ("since 2020", "avant 2015") and the relative
 * "last year" / "l'an dernier" (resolved against `today`, which the caller passes: the parser
 * reads no clock).
 */
export interface DateWindowHit {
  from?: string;
  to?: string;
  /** Where the phrase is in the question, so other parsers skip it. */
  span: [number, number];
  text: string;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, february: 2, feb: 2, fevrier: 2, février: 2, march: 3, mar: 3, mars: 3,
  april: 4, apr: 4, avril: 4, may: 5, mai: 5, june: 6, jun: 6, juin: 6, july: 7, jul: 7, juillet: 7,
  august: 8, aug: 8, aout: 8, août: 8, september: 9, sep: 9, sept: 9, septembre: 9, october: 10, oct: 10,
  octobre: 10, november: 11, nov: 11, novembre: 11, december: 12, dec: 12, decembre: 12, décembre: 12,
};
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const YEAR = '((?:19|20)\\d{2})';
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Rule {
  re: RegExp;
  window: (m: RegExpExecArray, today: string) => { from?: string; to?: string } | null;
}

const RULES: Rule[] = [
  {
    // 2012-06-26
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    window: (m) => ({ from: `${m[1]}-${m[2]}-${m[3]}`, to: `${m[1]}-${m[2]}-${m[3]}` }),
  },
  {
    // between 2019 and 2021 / from 2019 to 2021 / entre 2019 et 2021 / de 2019 à 2021 / 2019-2021
    re: new RegExp(`\\b(?:between|from|entre|de)\\s+${YEAR}\\s+(?:and|to|et|à|a|-)\\s+${YEAR}\\b|\\b${YEAR}\\s*[-–]\\s*${YEAR}\\b`, 'gi'),
    window: (m) => {
      const a = m[1] ?? m[3];
      const b = m[2] ?? m[4];
      return a <= b ? { from: `${a}-01-01`, to: `${b}-12-31` } : null;
    },
  },
  {
    // 26 June 2012 / le 3 janvier 2020 / June 26, 2012
    re: new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_RE})\\.?\\s+${YEAR}\\b|\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'giu'),
    window: (m) => {
      const d = Number(m[1] ?? m[5]);
      const mo = MONTHS[(m[2] ?? m[4]).toLowerCase()];
      const y = Number(m[3] ?? m[6]);
      if (!mo || d < 1 || d > lastDay(y, mo)) return null;
      const day = `${y}-${pad(mo)}-${pad(d)}`;
      return { from: day, to: day };
    },
  },
  {
    // since / depuis / after 2020 (since June 2012)
    re: new RegExp(`\\b(?:since|after|depuis|après|apres)\\s+(?:(${MONTH_RE})\\s+)?${YEAR}\\b`, 'giu'),
    window: (m) => {
      const mo = m[1] ? MONTHS[m[1].toLowerCase()] : 1;
      const y = Number(m[2]);
      return m[0].toLowerCase().startsWith('after') || /^apr/i.test(m[0])
        ? { from: m[1] ? `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` : `${y + 1}-01-01` }
        : { from: `${y}-${pad(mo)}-01` };
    },
  },
  {
    // before / avant 2015
    re: new RegExp(`\\b(?:before|avant|until|jusqu'en)\\s+(?:(${MONTH_RE})\\s+)?${YEAR}\\b`, 'giu'),
    window: (m) => {
      const y = Number(m[2]);
      if (m[1]) {
        const mo = MONTHS[m[1].toLowerCase()];
        return /until|jusqu/i.test(m[0]) ? { to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` } : { to: new Date(Date.UTC(y, mo - 1, 0)).toISOString().slice(0, 10) };
      }
      return /until|jusqu/i.test(m[0]) ? { to: `${y}-12-31` } : { to: `${y - 1}-12-31` };
    },
  },
  {
    // June 2012 / en juin 2012
    re: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(?:of\\s+)?${YEAR}\\b`, 'giu'),
    window: (m) => {
      const mo = MONTHS[m[1].toLowerCase()];
      const y = Number(m[2]);
      return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}` };
    },
  },
  {
    re: new RegExp(`\\b${YEAR}\\b`, 'g'),
    window: (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }),
  },
  {
    re: /\b(last year|l'an dernier|l’an dernier|l'année dernière|l’année dernière|this year|cette année|en cours d'année)\b/giu,
    window: (m, today) => {
      const y = Number(today.slice(0, 4)) - (/last|dernier|dernière/i.test(m[1]) ? 1 : 0);
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    },
  },
];

/** All date phrases, most specific rules first; a phrase inside an earlier one is skipped. */
export function findDates(question: string, today: string): DateWindowHit[] {
  const hits: DateWindowHit[] = [];
  const taken = (s: number, e: number) => hits.some((h) => s < h.span[1] && e > h.span[0]);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of question.matchAll(rule.re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (taken(s, e)) continue;
      const w = rule.window(m as unknown as RegExpExecArray, today);
      if (w) hits.push({ ...w, span: [s, e], text: m[0] });
    }
  }
  return hits;
}

/** The window the date phrases describe together: the latest start and the earliest end. */
export function dateWindow(hits: DateWindowHit[]): { from?: string; to?: string } {
  let from: string | undefined;
  let to: string | undefined;
  for (const h of hits) {
    if (h.from && (!from || h.from > from)) from = h.from;
    if (h.to && (!to || h.to < to)) to = h.to;
  }
  return { from, to };
}
