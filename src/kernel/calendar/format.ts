import { type Calendar, ZONES, type Zone } from "./calendar";
import {
  DAY,
  dayNumber,
  dayToDate,
  type Instant,
  type IsoWeekday,
  instantMs,
  type LocalDate,
  weekdayOf,
} from "./dates";

/**
 * Local wall-clock display. Written by hand rather than with Intl: the zone is a fixed offset we
 * already know, the output must be identical on every server and browser, and Indonesian style
 * ('16.30 WIB') is a house rule, not a locale default.
 */

export type Lang = "id" | "en";

const MONTHS: Record<Lang, readonly string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** Index 1..7 = ISO weekday. */
const WEEKDAYS: Record<Lang, readonly string[]> = {
  id: ["", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
  en: ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

export interface LocalParts {
  date: LocalDate;
  /** 'HH:MM' (seconds dropped). */
  time: string;
  weekday: IsoWeekday;
  zoneLabel: Zone;
}

export function toLocal(cal: Calendar, instant: Instant): LocalParts {
  const local = instantMs(instant) + cal.offsetMs;
  const day = Math.floor(local / DAY);
  const minutes = Math.floor((local - day * DAY) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return { date: dayToDate(day), time: `${hh}:${mm}`, weekday: weekdayOf(day), zoneLabel: cal.zone };
}

/** '27 November 2026' / 'Jumat, 27 November 2026' (en: 'Friday, 27 November 2026'). */
export function formatLocalDate(
  date: LocalDate,
  lang: Lang = "id",
  opts: { weekday?: boolean } = {},
): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const text = `${d} ${MONTHS[lang][m - 1]} ${y}`;
  return opts.weekday ? `${WEEKDAYS[lang][weekdayOf(dayNumber(date))]}, ${text}` : text;
}

/**
 * '27 November 2026 16.30 WIB' (id, period between hours and minutes as in Indonesian usage) or
 * '27 November 2026 16:30 WIB' (en). `{ weekday: true }` prefixes the day name.
 */
export function formatLocal(
  instant: Instant,
  cal: Calendar,
  lang: Lang = "id",
  opts: { weekday?: boolean } = {},
): string {
  const p = toLocal(cal, instant);
  const time = lang === "id" ? p.time.replace(":", ".") : p.time;
  return `${formatLocalDate(p.date, lang, opts)} ${time} ${p.zoneLabel}`;
}

/**
 * The local date (YYYY-MM-DD) of an instant in an Indonesian zone (no daylight saving): "today" for
 * a unit is `localDate(clock.now(), unit.zone)`. Needs no calendar, so any module may use it.
 */
export function localDate(instant: Instant, zone: Zone = "WIB"): LocalDate {
  return dayToDate(Math.floor((instantMs(instant) + ZONES[zone].offsetMinutes * 60_000) / DAY));
}

/** The local date in Asia/Jakarta (WIB, UTC+7): the default zone of the offices Zona ships for. */
export const jakartaDate = (instant: Instant): LocalDate => localDate(instant, "WIB");
