/**
 * Day arithmetic on "day numbers": whole days since 1970-01-01 of the *local* calendar. Local dates
 * ('YYYY-MM-DD') and local wall-clock milliseconds are mapped onto UTC arithmetic so that no host
 * time zone ever leaks in (Indonesian zones have no DST, so a fixed offset is exact).
 */

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A point in time: a Date, or an ISO-8601 string carrying `Z` or an explicit offset. */
export type Instant = Date | string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Without a zone designator `Date.parse` would read the string in the host's zone: refuse that.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Day number of a local date, or NaN when it is not a real calendar date. */
function tryDayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March; a round trip catches that.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return ms / DAY;
}

export function isValidLocalDate(date: string): boolean {
  return !Number.isNaN(tryDayNumber(date));
}

export function dayNumber(date: LocalDate): number {
  const n = tryDayNumber(date);
  if (Number.isNaN(n)) throw new RangeError(`not a date (YYYY-MM-DD expected): ${date}`);
  return n;
}

export function dayToDate(day: number): LocalDate {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday (ISO 4). */
export function weekdayOf(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** 'HH:MM' (00:00–24:00) → minutes after midnight. */
export function parseTime(time: string): number {
  if (!TIME_RE.test(time)) throw new RangeError(`not a time (HH:MM expected): ${time}`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function isValidTime(time: string): boolean {
  return TIME_RE.test(time);
}

export function instantMs(x: Instant): number {
  const ms = typeof x === "string" ? (INSTANT_RE.test(x) ? Date.parse(x) : Number.NaN) : x.getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(`not an instant (Date or ISO-8601 with Z/offset expected): ${String(x)}`);
  }
  return ms;
}
