/**
 * Survey periods: a survey runs for a unit over a year, a semester, a quarter or a month. Dates are
 * local (Asia/Jakarta) "YYYY-MM-DD"; a period accepts responses from its first to its last day.
 */
export const PERIOD_TYPES = ["year", "semester", "quarter", "month"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

const PARTS: Record<PeriodType, number> = { year: 1, semester: 2, quarter: 4, month: 12 };

export function partsOf(type: PeriodType): number {
  return PARTS[type];
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** First and last day of a period; `part` is 1-based (semester 1–2, quarter 1–4, month 1–12). */
export function periodRange(
  type: PeriodType,
  year: number,
  part: number | null,
): { startsOn: string; endsOn: string } {
  const p = type === "year" ? 1 : (part ?? 0);
  if (p < 1 || p > PARTS[type] || !Number.isInteger(p))
    throw new RangeError(`part ${part} is not valid for ${type}`);
  const months = 12 / PARTS[type];
  const first = (p - 1) * months + 1;
  const last = first + months - 1;
  return { startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** "2026", "Semester I 2026", "Triwulan III 2026", "Mei 2026" (Indonesian) or English. */
export function periodLabel(type: PeriodType, year: number, part: number | null, lang: "id" | "en"): string {
  const roman = ["I", "II", "III", "IV"];
  const monthsId = [
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
  ];
  const monthsEn = [
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
  ];
  const p = part ?? 1;
  switch (type) {
    case "year":
      return lang === "id" ? `Tahun ${year}` : `Year ${year}`;
    case "semester":
      return lang === "id" ? `Semester ${roman[p - 1]} ${year}` : `Semester ${p} ${year}`;
    case "quarter":
      return lang === "id" ? `Triwulan ${roman[p - 1]} ${year}` : `Q${p} ${year}`;
    case "month":
      return `${(lang === "id" ? monthsId : monthsEn)[p - 1]} ${year}`;
  }
}

export type PeriodStatus = "draft" | "open" | "closed";

/** Why a submission on `today` is refused, or null when the period accepts it. */
export function submissionBlock(
  p: { status: PeriodStatus; startsOn: string; endsOn: string },
  today: string,
): "not_open" | "not_started" | "closed" | null {
  if (p.status === "draft") return "not_open";
  if (p.status === "closed" || today > p.endsOn) return "closed";
  if (today < p.startsOn) return "not_started";
  return null;
}
