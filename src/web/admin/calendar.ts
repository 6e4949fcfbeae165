import { type Lang, localDateOf, type Zone } from "../../ui/format";
import { type HoursConfig, WEEKDAYS, type WorkInterval } from "./api";

/** Pure helpers of the calendar pages (holidays, working hours); the pages import them. */

/** The years the kernel ships holiday data for (src/kernel/calendar/data/holidays-id.json). */
export const SHIPPED_HOLIDAY_YEARS = [2025, 2026, 2027];

/** The calendar year in Jakarta (WIB) at `now` — 31 Dec 18:00 UTC is already the new year there. */
export function jakartaYear(now: Date = new Date()): number {
  return Number(localDateOf(now, "WIB").slice(0, 4));
}

/** Years offered in the selector: the shipped ones and the years around `current`, ascending. */
export function yearOptions(current: number, extra?: number): number[] {
  const years = new Set([...SHIPPED_HOLIDAY_YEARS, current - 1, current, current + 1]);
  if (extra !== undefined) years.add(extra);
  return [...years].filter((y) => y >= 2000 && y <= 2100).sort((a, b) => a - b);
}

/** `?tahun=2026` → 2026; anything else (missing, out of the API's range) → undefined. */
export function parseYear(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  const y = Number(value);
  return y >= 2000 && y <= 2100 ? y : undefined;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function isTime(value: string): boolean {
  return TIME_RE.test(value);
}

function minutes(time: string): number {
  const [h, m] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** '07:30' → '07.30' in Indonesian, unchanged in English (like `formatTime`). */
export function formatClock(time: string, lang: Lang): string {
  return lang === "id" ? time.replace(":", ".") : time;
}

/** A day's intervals as people read them: '07.30–12.00, 13.00–16.00 WIB'; '' for a day off. */
export function formatDayHours(
  intervals: readonly WorkInterval[] | undefined,
  zone: Zone,
  lang: Lang,
): string {
  const list = [...(intervals ?? [])].sort((a, b) => minutes(a.start) - minutes(b.start));
  if (list.length === 0) return "";
  return `${list.map((i) => `${formatClock(i.start, lang)}–${formatClock(i.end, lang)}`).join(", ")} ${zone}`;
}

/** Working minutes in a week. */
export function weekMinutes(config: HoursConfig): number {
  let total = 0;
  for (const d of WEEKDAYS) for (const i of config.week[d] ?? []) total += minutes(i.end) - minutes(i.start);
  return total;
}

/** What is wrong with an hours draft, keyed `week.<day>.<i>.start|end`, `week.<day>` or `week`. */
export type HoursProblem = "time" | "order" | "overlap" | "noWorkingDay";

export function hoursProblems(config: HoursConfig): Record<string, HoursProblem> {
  const out: Record<string, HoursProblem> = {};
  let working = false;
  for (const d of WEEKDAYS) {
    const list = config.week[d] ?? [];
    if (list.length > 0) working = true;
    list.forEach((i, n) => {
      if (!isTime(i.start)) out[`week.${d}.${n}.start`] = "time";
      if (!isTime(i.end)) out[`week.${d}.${n}.end`] = "time";
      else if (isTime(i.start) && minutes(i.start) >= minutes(i.end)) out[`week.${d}.${n}.end`] = "order";
    });
    const valid = list.filter((i) => isTime(i.start) && isTime(i.end) && minutes(i.start) < minutes(i.end));
    const sorted = valid.map((i) => [minutes(i.start), minutes(i.end)] as const).sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]![0] < sorted[k - 1]![1]) out[`week.${d}`] = "overlap";
    }
  }
  if (!working) out.week = "noWorkingDay";
  return out;
}

/** The config as the API takes it: days off left out, each day's intervals in order. */
export function cleanHours(config: HoursConfig): HoursConfig {
  const week: HoursConfig["week"] = {};
  for (const d of WEEKDAYS) {
    const list = config.week[d] ?? [];
    if (list.length > 0) week[d] = [...list].sort((a, b) => minutes(a.start) - minutes(b.start));
  }
  return { zone: config.zone, week };
}
