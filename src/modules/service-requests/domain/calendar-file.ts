/**
 * The calendar file of `zona compute sla --calendar <file.json>` (also documented in the module
 * README and docs/cli.md):
 *
 *   { "timezone": "Asia/Jakarta",
 *     "hours": { "mon": ["08:00", "16:00"], …, "fri": ["08:00", "11:30", "13:00", "16:30"], "sat": [], "sun": [] },
 *     "holidays": ["2026-12-25", …] }
 *
 * `hours` per day is a list of opening/closing pairs (two times = one interval, four = a break);
 * a missing or empty day is closed. `timezone` is Asia/Jakarta (WIB, +07:00), Asia/Makassar (WITA)
 * or Asia/Jayapura (WIT); `holidays` are local dates the office is closed.
 */
import { z } from "zod";
import {
  type Calendar,
  type CalendarConfig,
  createCalendar,
  isValidLocalDate,
  ZONES,
  type Zone,
} from "../../../kernel/calendar";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, "HH:MM");

export const calendarFileSchema = z.strictObject({
  timezone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]).default("Asia/Jakarta"),
  hours: z.partialRecord(
    z.enum(DAYS),
    z.array(time).refine((l) => l.length % 2 === 0, "pairs of opening and closing times"),
  ),
  holidays: z.array(z.string().refine(isValidLocalDate, "YYYY-MM-DD")).default([]),
});
export type CalendarFile = z.input<typeof calendarFileSchema>;

export function zoneOfTimezone(tz: string): Zone {
  const z = (Object.keys(ZONES) as Zone[]).find((k) => ZONES[k].iana === tz);
  if (!z) throw new Error(`unknown timezone ${tz}`);
  return z;
}

/** Parses and compiles a calendar file (throws a readable Error naming the problem). */
export function calendarFromFile(json: unknown): Calendar {
  const parsed = calendarFileSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`calendar file: ${i.path.join(".") || "(root)"}: ${i.message}`);
  }
  const f = parsed.data;
  const week: CalendarConfig["week"] = {};
  DAYS.forEach((d, i) => {
    const list = f.hours[d] ?? [];
    if (list.length === 0) return;
    const intervals = [];
    for (let k = 0; k < list.length; k += 2) intervals.push({ start: list[k]!, end: list[k + 1]! });
    week[(i + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7] = intervals;
  });
  try {
    return createCalendar({ zone: zoneOfTimezone(f.timezone), week }, f.holidays);
  } catch (e) {
    const issues = (e as { issues?: Array<{ message: string }> }).issues;
    throw new Error(`calendar file: hours: ${issues?.[0]?.message ?? (e as Error).message}`);
  }
}

/** An instant as ISO-8601 with the calendar's offset: "2026-11-30T11:30:00+07:00". */
export function isoWithOffset(d: Date, cal: Calendar): string {
  const off = ZONES[cal.zone].offsetMinutes;
  const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
  const sign = off >= 0 ? "+" : "-";
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, "0");
  const mm = String(Math.abs(off) % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}
