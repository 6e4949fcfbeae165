import { z } from "zod";
import {
  DAY,
  dayNumber,
  dayToDate,
  type Instant,
  type IsoWeekday,
  instantMs,
  isValidTime,
  type LocalDate,
  MINUTE,
  parseTime,
  weekdayOf,
} from "./dates";

/**
 * Working-time calendar: working hours per weekday in one Indonesian time zone, minus closed days
 * (holidays, cuti bersama, local closures). Everything here is pure: no clock, no file system; the
 * caller passes "now" and the holiday list.
 *
 * Internally an instant is turned into *local* milliseconds (UTC ms + zone offset) so that local
 * midnight is a multiple of DAY; the algorithms step by working interval and by day, and jump whole
 * weeks for long spans, so a 60-working-day deadline costs a handful of iterations.
 */

export type Zone = "WIB" | "WITA" | "WIT";

/** Indonesia has had no DST since 1964, so each zone is a fixed offset. */
export const ZONES: Record<Zone, { offsetMinutes: number; iana: string }> = {
  WIB: { offsetMinutes: 7 * 60, iana: "Asia/Jakarta" },
  WITA: { offsetMinutes: 8 * 60, iana: "Asia/Makassar" },
  WIT: { offsetMinutes: 9 * 60, iana: "Asia/Jayapura" },
};

/** A span of working time on one day, local 'HH:MM'; `end` may be '24:00'. */
export interface WorkInterval {
  start: string;
  end: string;
}

export interface CalendarConfig {
  zone: Zone;
  /** ISO weekday (1 = Monday … 7 = Sunday) → working intervals. A missing day is not a working day. */
  week: { [D in IsoWeekday]?: readonly WorkInterval[] };
}

/** Anything with a date closes that day: shipped holidays, admin-entered regional holidays, plain dates. */
export type ClosedDay = { date: LocalDate; name?: string; kind?: string };

const intervalSchema = z
  .object({
    start: z.string().refine(isValidTime, "must be HH:MM"),
    end: z.string().refine(isValidTime, "must be HH:MM"),
  })
  // Zod runs this even when a field above failed: compare only two valid times (parseTime throws).
  .refine((i) => !isValidTime(i.start) || !isValidTime(i.end) || parseTime(i.start) < parseTime(i.end), {
    message: "start must be before end",
    path: ["end"],
  });

const daySchema = z.array(intervalSchema).superRefine((list, ctx) => {
  const sorted = list
    .filter((i) => isValidTime(i.start) && isValidTime(i.end))
    .map((i) => [parseTime(i.start), parseTime(i.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]![0] < sorted[i - 1]![1]) ctx.addIssue({ code: "custom", message: "intervals overlap" });
  }
});

/** Validates a stored calendar config (e.g. a unit's row in the database). */
export const calendarConfigSchema = z
  .object({
    zone: z.enum(["WIB", "WITA", "WIT"]),
    week: z.partialRecord(z.enum(["1", "2", "3", "4", "5", "6", "7"]), daySchema),
  })
  .refine((c) => Object.values(c.week).some((d) => d && d.length > 0), {
    message: "at least one working interval per week is needed",
    path: ["week"],
  });

/** Kemenkeu office hours: Monday–Thursday 07:30–16:00, Friday 07:30–16:30, WIB, no break. */
export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = {
  zone: "WIB",
  week: {
    1: [{ start: "07:30", end: "16:00" }],
    2: [{ start: "07:30", end: "16:00" }],
    3: [{ start: "07:30", end: "16:00" }],
    4: [{ start: "07:30", end: "16:00" }],
    5: [{ start: "07:30", end: "16:30" }],
  },
};

/**
 * Same hours on the given days, e.g. `officeHours('08:00', '16:00', [1, 2, 3, 4, 5])`; `rest` cuts a
 * break (ISHOMA) out of every day: `{ rest: { start: '12:00', end: '13:00' } }`.
 */
export function officeHours(
  start: string,
  end: string,
  days: readonly IsoWeekday[] = [1, 2, 3, 4, 5],
  opts: { zone?: Zone; rest?: WorkInterval } = {},
): CalendarConfig {
  const { rest } = opts;
  const intervals: WorkInterval[] = rest
    ? [
        { start, end: rest.start },
        { start: rest.end, end },
      ]
    : [{ start, end }];
  const week: CalendarConfig["week"] = {};
  for (const d of days) week[d] = intervals;
  return { zone: opts.zone ?? "WIB", week };
}

/** Amounts per ISO weekday (index 1..7; index 0 unused) and per whole week, ignoring closed days. */
interface Weights {
  byWeekday: readonly number[];
  week: number;
}

/** A compiled calendar. Build it with `createCalendar`; treat it as read-only. */
export interface Calendar {
  readonly config: CalendarConfig;
  readonly zone: Zone;
  readonly offsetMs: number;
  /** Working intervals per ISO weekday, in ms after local midnight, sorted. */
  readonly intervals: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Working ms per weekday, and working days per weekday (1 or 0). */
  readonly ms: Weights;
  readonly days: Weights;
  /** Closed days by day number, and the same day numbers sorted (for range sums). */
  readonly closed: ReadonlyMap<number, ClosedDay>;
  readonly closedDays: readonly number[];
  /** Years that have at least one closed day: beyond them only weekends are non-working. */
  readonly holidayYears: readonly number[];
}

/**
 * Compiles a config and a holiday list. Pass `loadShippedHolidays()` (or the database's list); to keep
 * offices open on cuti bersama, filter: `holidays.filter((h) => h.kind !== 'cuti_bersama')`.
 */
export function createCalendar(
  config: CalendarConfig = DEFAULT_CALENDAR_CONFIG,
  holidays: ReadonlyArray<LocalDate | ClosedDay> = [],
): Calendar {
  calendarConfigSchema.parse(config);
  const intervals: Array<Array<readonly [number, number]>> = [[]];
  for (let d = 1; d <= 7; d++) {
    const list = config.week[d as IsoWeekday] ?? [];
    intervals.push(
      list
        .map((i) => [parseTime(i.start) * MINUTE, parseTime(i.end) * MINUTE] as const)
        .sort((a, b) => a[0] - b[0]),
    );
  }
  const msByWeekday = intervals.map((list) => list.reduce((sum, [s, e]) => sum + e - s, 0));
  const daysByWeekday: number[] = msByWeekday.map((ms) => (ms > 0 ? 1 : 0));
  const closed = new Map<number, ClosedDay>();
  for (const h of holidays) {
    const entry = typeof h === "string" ? { date: h } : h;
    const day = dayNumber(entry.date);
    if (!closed.has(day)) closed.set(day, entry);
  }
  const closedDays = [...closed.keys()].sort((a, b) => a - b);
  return {
    config,
    zone: config.zone,
    offsetMs: ZONES[config.zone].offsetMinutes * MINUTE,
    intervals,
    ms: { byWeekday: msByWeekday, week: msByWeekday.reduce((a, b) => a + b, 0) },
    days: { byWeekday: daysByWeekday, week: daysByWeekday.reduce((a, b) => a + b, 0) },
    closed,
    closedDays,
    holidayYears: [...new Set(closedDays.map((d) => Number(dayToDate(d).slice(0, 4))))],
  };
}

// ---------------------------------------------------------------------------------------------------
// Internals on local milliseconds / day numbers

const localMs = (cal: Calendar, x: Instant) => instantMs(x) + cal.offsetMs;
const toInstant = (cal: Calendar, local: number) => new Date(local - cal.offsetMs);
const dayOfLocal = (local: number) => Math.floor(local / DAY);

function isOpenDay(cal: Calendar, day: number): boolean {
  return cal.ms.byWeekday[weekdayOf(day)]! > 0 && !cal.closed.has(day);
}

/** First index in a sorted array whose value is >= x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sum of the weights of the days [from, to): whole weeks at once, then the closed days given back. */
function sumDays(cal: Calendar, w: Weights, from: number, to: number): number {
  const whole = Math.floor((to - from) / 7);
  let total = whole * w.week;
  for (let d = from + whole * 7; d < to; d++) total += w.byWeekday[weekdayOf(d)]!;
  for (let i = lowerBound(cal.closedDays, from); i < cal.closedDays.length && cal.closedDays[i]! < to; i++) {
    total -= w.byWeekday[weekdayOf(cal.closedDays[i]!)]!;
  }
  return total;
}

/**
 * From the start of `day`, consumes whole weeks while more than a week's worth remains. It always
 * leaves at least 1 unit, so the day where the amount runs out is still found by the caller's loop
 * (which decides the exact boundary). Terminates: the day advances, and closed days are finite.
 */
function skipWeeks(cal: Calendar, w: Weights, day: number, remaining: number): [number, number] {
  while (remaining > w.week) {
    const weeks = Math.floor((remaining - 1) / w.week);
    remaining -= sumDays(cal, w, day, day + 7 * weeks);
    day += 7 * weeks;
  }
  return [day, remaining];
}

/** Working ms of `day` that fall inside [from, to) (local ms). */
function workedInDay(cal: Calendar, day: number, from: number, to: number): number {
  if (cal.closed.has(day)) return 0;
  const base = day * DAY;
  let total = 0;
  for (const [s, e] of cal.intervals[weekdayOf(day)]!) {
    total += Math.max(0, Math.min(to, base + e) - Math.max(from, base + s));
  }
  return total;
}

function workedBetween(cal: Calendar, from: number, to: number): number {
  if (to <= from) return 0;
  const d1 = dayOfLocal(from);
  const d2 = dayOfLocal(to);
  if (d1 === d2) return workedInDay(cal, d1, from, to);
  return (
    workedInDay(cal, d1, from, (d1 + 1) * DAY) +
    sumDays(cal, cal.ms, d1 + 1, d2) +
    workedInDay(cal, d2, d2 * DAY, to)
  );
}

/** Local ms at which `amount` working ms after `start` have elapsed (0 → the clock's start). */
function advance(cal: Calendar, start: number, amount: number): number {
  let day = dayOfLocal(start);
  let t = start;
  let remaining = amount;
  for (;;) {
    if (!cal.closed.has(day)) {
      const base = day * DAY;
      for (const [s, e] of cal.intervals[weekdayOf(day)]!) {
        const a = Math.max(t, base + s);
        const b = base + e;
        if (a >= b) continue;
        // `<=`: an amount that ends exactly at closing ends there, not at the next opening.
        if (remaining <= b - a) return a + remaining;
        remaining -= b - a;
      }
    }
    [day, remaining] = skipWeeks(cal, cal.ms, day + 1, remaining);
    t = day * DAY;
  }
}

/** The n-th open day after `day` (day itself not counted); n = 0 → `day` if open, else the next open day. */
function nthOpenDayAfter(cal: Calendar, day: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0: ${n}`);
  if (n === 0) {
    while (!isOpenDay(cal, day)) day++;
    return day;
  }
  let d = day + 1;
  let remaining = n;
  for (;;) {
    [d, remaining] = skipWeeks(cal, cal.days, d, remaining);
    if (isOpenDay(cal, d) && --remaining === 0) return d;
    d++;
  }
}

function closingOf(cal: Calendar, day: number): Date {
  const list = cal.intervals[weekdayOf(day)]!;
  return toInstant(cal, day * DAY + list[list.length - 1]![1]);
}

function minutesToMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`duration must be >= 0: ${minutes}`);
  return Math.round(minutes * MINUTE);
}

// ---------------------------------------------------------------------------------------------------
// Public API

/** True when the local date has working hours and is not a holiday / cuti bersama / closed day. */
export function isWorkingDay(cal: Calendar, date: LocalDate): boolean {
  return isOpenDay(cal, dayNumber(date));
}

/** The closed-day entry (e.g. the holiday and its name) on a local date, if any. */
export function holidayOn(cal: Calendar, date: LocalDate): ClosedDay | undefined {
  return cal.closed.get(dayNumber(date));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: Calendar, date: LocalDate): LocalDate {
  return dayToDate(nthOpenDayAfter(cal, dayNumber(date), 1));
}

/** The n-th working day after `date` (the date itself never counts); n = 0 → `date` or the next working day. */
export function addWorkingDaysToDate(cal: Calendar, date: LocalDate, n: number): LocalDate {
  return dayToDate(nthOpenDayAfter(cal, dayNumber(date), n));
}

/**
 * Deadline of "n hari kerja" for something received at `received`: the closing time of the n-th
 * working day after the local date of receipt. The day of receipt never counts, whatever the hour
 * and whether or not it is a working day: received Friday (or Saturday), 3 working days → due
 * Wednesday at closing. n = 0 → closing time of the day of receipt (or of the next working day).
 */
export function addWorkingDays(cal: Calendar, received: Instant, n: number): Date {
  return closingOf(cal, nthOpenDayAfter(cal, dayOfLocal(localMs(cal, received)), n));
}

/** Closing time (end of the last working interval) of a working day; undefined on a non-working day. */
export function endOfWorkingDay(cal: Calendar, date: LocalDate): Date | undefined {
  const day = dayNumber(date);
  return isOpenDay(cal, day) ? closingOf(cal, day) : undefined;
}

/**
 * The instant after `minutes` of working time counted from `start`. Outside working hours the clock
 * starts at the next opening; an amount that runs out exactly at closing ends at closing. With 0 the
 * result is where the clock starts: `start` itself inside working hours, else the next opening.
 */
export function addWorkingMinutes(cal: Calendar, start: Instant, minutes: number): Date {
  return toInstant(cal, advance(cal, localMs(cal, start), minutesToMs(minutes)));
}

/** `addWorkingMinutes` with hours (fractions allowed: 1.5 = 90 minutes). */
export function addWorkingHours(cal: Calendar, start: Instant, hours: number): Date {
  return addWorkingMinutes(cal, start, hours * 60);
}

/** `start` if it lies within working hours, else the next opening: where an SLA clock starts. */
export function clockStart(cal: Calendar, start: Instant): Date {
  return addWorkingMinutes(cal, start, 0);
}

/** Whether the office is open at this instant (closing time itself is outside). */
export function isWorkingTime(cal: Calendar, at: Instant): boolean {
  const t = localMs(cal, at);
  return workedInDay(cal, dayOfLocal(t), t, t + 1) > 0;
}

/** Working minutes in [from, to), rounded down to whole minutes; 0 when to <= from. */
export function workingTimeBetween(cal: Calendar, from: Instant, to: Instant): number {
  return Math.floor(workedBetween(cal, localMs(cal, from), localMs(cal, to)) / MINUTE);
}

/** A pause of an SLA clock (e.g. waiting for the complainant). `to` missing/null = still paused. */
export interface Pause {
  from: Instant;
  to?: Instant | null;
}

/**
 * Working minutes in [from, to) minus the working time inside the pauses. Pauses may overlap each
 * other or stick out of [from, to); they are clipped and merged first, so nothing is subtracted twice.
 */
export function workingTimeExcluding(
  cal: Calendar,
  from: Instant,
  to: Instant,
  pauses: readonly Pause[],
): number {
  const a = localMs(cal, from);
  const b = localMs(cal, to);
  if (b <= a) return 0;
  const spans = pauses
    .map(
      (p) => [Math.max(a, localMs(cal, p.from)), Math.min(b, p.to == null ? b : localMs(cal, p.to))] as const,
    )
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let total = workedBetween(cal, a, b);
  let cur: [number, number] | undefined;
  for (const [s, e] of spans) {
    if (cur && s <= cur[1]) cur[1] = Math.max(cur[1], e);
    else {
      if (cur) total -= workedBetween(cal, cur[0], cur[1]);
      cur = [s, e];
    }
  }
  if (cur) total -= workedBetween(cal, cur[0], cur[1]);
  return Math.floor(total / MINUTE);
}

/** The instant of a local wall-clock time in the calendar's zone: `localToInstant(cal, '2026-03-25', '16:00')`. */
export function localToInstant(cal: Calendar, date: LocalDate, time = "00:00"): Date {
  return toInstant(cal, dayNumber(date) * DAY + parseTime(time) * MINUTE);
}
