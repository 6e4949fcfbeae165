import type { Localized } from "../../contract";

/** Pick the language's text of a `{ id, en }` pair, falling back to the other. */
export function loc(v: Localized | undefined | null, lang: "id" | "en"): string {
  if (!v) return "";
  return (lang === "en" ? v.en : v.id) || v.id || v.en;
}

const ISO_DAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
const NAMED_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** Opening hours by ISO weekday (1 = Monday), accepting "1".."7" or "mon".."sun" keys. */
export function weekHours(
  hours: Record<string, Array<{ start: string; end: string }>>,
): Array<{ day: number; intervals: Array<{ start: string; end: string }> }> {
  return ISO_DAYS.map((k, i) => ({
    day: i + 1,
    intervals: hours[k] ?? hours[NAMED_DAYS[i]!] ?? [],
  }));
}

/** "08:00" → "08.00" in Indonesian, as written in English otherwise. */
export function clock(hhmm: string, lang: "id" | "en"): string {
  return lang === "id" ? hhmm.replace(":", ".") : hhmm;
}
