import { z } from "zod";
import raw from "./data/holidays-id.json" with { type: "json" };
import { isValidLocalDate, type LocalDate } from "./dates";

/**
 * National public holidays ('libur') and collective leave ('cuti_bersama') from the yearly joint
 * decree (SKB) of the Ministers of Religious Affairs, Manpower and PAN-RB. The shipped file is a copy
 * of /work/shared/domain/holidays-id.json; administrators will edit the list in the database later,
 * so the calendar itself only ever receives a list and never reads this file.
 */

export type HolidayKind = "libur" | "cuti_bersama";
/** Source confidence tags of the domain notes: C1 regulation text, C2 ≥2 sources, S one source, U unconfirmed. */
export type Confidence = "C1" | "C2" | "S" | "U";

export interface Holiday {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
  /** The decree that set it (the year's SKB, with its amendments). */
  decree?: string;
  sources?: readonly string[];
  confidence?: Confidence;
}

const localDate = z.string().refine(isValidLocalDate, "must be a real date, YYYY-MM-DD");
const kind = z.enum(["libur", "cuti_bersama"]);
const confidence = z.enum(["C1", "C2", "S", "U"]);

export const holidaySchema = z.object({
  date: localDate,
  name: z.string().min(1),
  kind,
  decree: z.string().optional(),
  sources: z.array(z.string()).optional(),
  confidence: confidence.optional(),
});

const yearSchema = z.object({
  decree: z.string().min(1),
  sources: z.array(z.string()),
  confidence,
  note: z.string().optional(),
  holidays: z.array(z.object({ date: localDate, name: z.string().min(1), kind })),
});

/** Shape of data/holidays-id.json: one entry per year, each with its decree and dated holidays. */
export const holidayFileSchema = z
  .object({
    timezoneNote: z.string().optional(),
    scopeNote: z.string().optional(),
    years: z.record(z.string().regex(/^\d{4}$/), yearSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [year, y] of Object.entries(file.years)) {
      y.holidays.forEach((h, i) => {
        const path = ["years", year, "holidays", i, "date"];
        if (!h.date.startsWith(`${year}-`)) ctx.addIssue({ code: "custom", path, message: `not in ${year}` });
        if (seen.has(h.date)) ctx.addIssue({ code: "custom", path, message: `duplicate date ${h.date}` });
        seen.add(h.date);
      });
    }
  });

export type HolidayFile = z.infer<typeof holidayFileSchema>;

let shipped: HolidayFile | undefined;
// Validated once, on first use, so a broken edit of the JSON fails loudly instead of shifting deadlines.
function shippedFile(): HolidayFile {
  shipped ??= holidayFileSchema.parse(raw);
  return shipped;
}

/** Flattens a holiday file, copying each year's decree, sources and confidence onto its holidays. */
export function holidaysFromFile(file: HolidayFile): Holiday[] {
  return Object.values(file.years)
    .flatMap((y) =>
      y.holidays.map((h) => ({ ...h, decree: y.decree, sources: y.sources, confidence: y.confidence })),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The shipped national holidays and cuti bersama (2025–2027), sorted by date. A fresh array each call. */
export function loadShippedHolidays(): Holiday[] {
  return holidaysFromFile(shippedFile());
}

/** Per-year provenance of the shipped list, for showing users where the dates come from. */
export function shippedHolidayYears(): Array<{
  year: number;
  decree: string;
  confidence: Confidence;
  note?: string;
  sources: string[];
  count: number;
}> {
  return Object.entries(shippedFile().years).map(([year, y]) => ({
    year: Number(year),
    decree: y.decree,
    confidence: y.confidence,
    note: y.note,
    sources: [...y.sources],
    count: y.holidays.length,
  }));
}
