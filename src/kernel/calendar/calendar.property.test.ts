import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDaysToDate,
  addWorkingMinutes,
  type Calendar,
  type CalendarConfig,
  createCalendar,
  DEFAULT_CALENDAR_CONFIG,
  loadShippedHolidays,
  officeHours,
  workingTimeBetween,
} from "./index";

/**
 * The fast algorithms (interval stepping, week skipping) checked against the obvious one: walk the
 * clock minute by minute. The reference only reads the config and the holiday dates, not the
 * compiled calendar.
 */

const holidays = loadShippedHolidays();
const holidaySet = new Set(holidays.map((h) => h.date));
const MIN = 60_000;
const OFFSET = { WIB: 420, WITA: 480, WIT: 540 } as const;

const configs: Array<[string, CalendarConfig]> = [
  ["Kemenkeu WIB", DEFAULT_CALENDAR_CONFIG],
  [
    "08–16 with break, WITA",
    officeHours("08:00", "16:00", [1, 2, 3, 4, 5], { zone: "WITA", rest: { start: "12:00", end: "13:00" } }),
  ],
  ["Mon/Wed/Sat 09–12, WIT", officeHours("09:00", "12:00", [1, 3, 6], { zone: "WIT" })],
];

/** Is the minute starting at `ms` (UTC, minute-aligned) a working minute? */
function naiveWorking(config: CalendarConfig, ms: number): boolean {
  const local = new Date(ms + OFFSET[config.zone] * MIN);
  if (holidaySet.has(local.toISOString().slice(0, 10))) return false;
  const weekday = (local.getUTCDay() || 7) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return (config.week[weekday] ?? []).some((i) => toMin(i.start) <= minute && minute < toMin(i.end));
}

function naiveAdd(config: CalendarConfig, start: number, minutes: number): number {
  let t = start;
  if (minutes === 0) {
    while (!naiveWorking(config, t)) t += MIN;
    return t;
  }
  for (let done = 0; done < minutes; t += MIN) if (naiveWorking(config, t)) done++;
  return t;
}

function naiveBetween(config: CalendarConfig, from: number, to: number): number {
  let n = 0;
  for (let t = from; t < to; t += MIN) if (naiveWorking(config, t)) n++;
  return n;
}

const ms = (iso: string) => Date.parse(iso);
/** Minute-aligned instants, biased towards the holiday clusters (Lebaran, year end). */
const minuteIn = (from: string, to: string) =>
  fc.integer({ min: ms(from) / MIN, max: ms(to) / MIN }).map((m) => m * MIN);
const aroundHolidays = fc.oneof(
  minuteIn("2025-03-20T00:00:00Z", "2025-04-20T00:00:00Z"),
  minuteIn("2026-03-10T00:00:00Z", "2026-04-10T00:00:00Z"),
  minuteIn("2026-12-15T00:00:00Z", "2027-01-10T00:00:00Z"),
  minuteIn("2025-01-01T00:00:00Z", "2027-12-31T00:00:00Z"),
);

describe.each(configs)("%s", (_, config) => {
  const cal: Calendar = createCalendar(config, holidays);

  it("workingTimeBetween(start, addWorkingMinutes(start, m)) === m, for any start (seconds too)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ms("2025-01-01T00:00:00Z"), max: ms("2027-12-31T00:00:00Z") }),
        fc.integer({ min: 0, max: 200 * 60 * 8 }),
        (start, m) => {
          const end = addWorkingMinutes(cal, new Date(start), m);
          expect(workingTimeBetween(cal, new Date(start), end)).toBe(m);
          expect(end.getTime()).toBeGreaterThanOrEqual(start);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("addWorkingMinutes agrees with minute-by-minute counting", () => {
    fc.assert(
      fc.property(aroundHolidays, fc.integer({ min: 0, max: 3000 }), (start, m) => {
        expect(addWorkingMinutes(cal, new Date(start), m).getTime()).toBe(naiveAdd(config, start, m));
      }),
      { numRuns: 60 },
    );
  });

  it("workingTimeBetween agrees with minute-by-minute counting", () => {
    fc.assert(
      fc.property(aroundHolidays, fc.integer({ min: -60, max: 20 * 24 * 60 }), (from, span) => {
        const to = from + span * MIN;
        expect(workingTimeBetween(cal, new Date(from), new Date(to))).toBe(naiveBetween(config, from, to));
      }),
      { numRuns: 60 },
    );
  });

  it("addWorkingDaysToDate agrees with stepping one day at a time", () => {
    const isOpen = (d: Date) => {
      const date = d.toISOString().slice(0, 10);
      return !holidaySet.has(date) && (config.week[(d.getUTCDay() || 7) as 1]?.length ?? 0) > 0;
    };
    fc.assert(
      fc.property(aroundHolidays, fc.integer({ min: 0, max: 300 }), (start, n) => {
        const date = new Date(start).toISOString().slice(0, 10);
        const d = new Date(`${date}T00:00:00Z`);
        if (n === 0) while (!isOpen(d)) d.setUTCDate(d.getUTCDate() + 1);
        for (let left = n; left > 0; ) {
          d.setUTCDate(d.getUTCDate() + 1);
          if (isOpen(d)) left--;
        }
        expect(addWorkingDaysToDate(cal, date, n)).toBe(d.toISOString().slice(0, 10));
      }),
      { numRuns: 200 },
    );
  });
});

it("is fast enough for bulk SLA computation", () => {
  const cal = createCalendar(DEFAULT_CALENDAR_CONFIG, holidays);
  const t0 = performance.now();
  let start = ms("2025-01-01T03:17:00Z");
  for (let i = 0; i < 20_000; i++) {
    const due = addWorkingMinutes(cal, new Date(start), (i % 60) * 510);
    workingTimeBetween(cal, new Date(start), due);
    start += 53 * MIN;
  }
  // ~40k operations spanning up to 60 working days each; generous bound to stay stable on slow CI.
  expect(performance.now() - t0).toBeLessThan(2000);
});
