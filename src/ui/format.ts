/**
 * Indonesian-first display formatting (UX.md "Language and formats"):
 *   rupiah    Rp1.234.567            (en: Rp1,234,567)
 *   numbers   81,71                  (en: 81.71)
 *   dates     27 November 2026
 *   times     16.30 WIB              (en: 16:30 WIB), always with the zone label
 * Instants are converted to the unit's zone (WIB = Asia/Jakarta, WITA = Asia/Makassar,
 * WIT = Asia/Jayapura) with Intl; plain dates (`YYYY-MM-DD`) are shown as they are, never shifted.
 */

export type Lang = "id" | "en";
export type Zone = "WIB" | "WITA" | "WIT";

export const ZONE_TIME_ZONES: Record<Zone, string> = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
};

const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

export function normaliseLang(lang: string | undefined | null): Lang {
  return lang?.toLowerCase().startsWith("en") ? "en" : "id";
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], opts);
    cache.set(key, f);
  }
  return f;
}
function dateFormat(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], opts);
    cache.set(key, f);
  }
  return f;
}

/** Intl's minus is U+2212 in some locales; we want a plain hyphen-minus everywhere. */
function plainMinus(s: string): string {
  return s.replace(/\u2212/g, "-");
}

export interface NumberOptions {
  /** Exact number of decimals (both min and max). */
  decimals?: number;
  /** Upper bound on decimals when `decimals` is not given (default 2). */
  maxDecimals?: number;
}

/** 81.71 → '81,71' (id) / '81.71' (en); 1234567 → '1.234.567' (id) / '1,234,567' (en). */
export function formatNumber(value: number, lang: Lang = "id", opts: NumberOptions = {}): string {
  if (!Number.isFinite(value)) return "–";
  const o: Intl.NumberFormatOptions =
    opts.decimals !== undefined
      ? { minimumFractionDigits: opts.decimals, maximumFractionDigits: opts.decimals }
      : { maximumFractionDigits: opts.maxDecimals ?? 2 };
  return plainMinus(numberFormat(lang, { ...o, useGrouping: true }).format(value));
}

/**
 * Integer rupiah → 'Rp1.234.567' (no space, no decimals unless asked), negative '-Rp1.234.567'.
 * In English the grouping follows English numbers: 'Rp1,234,567'.
 */
export function formatRupiah(value: number, lang: Lang = "id", opts: { decimals?: number } = {}): string {
  if (!Number.isFinite(value)) return "–";
  const decimals = opts.decimals ?? 0;
  const digits = formatNumber(Math.abs(value), lang, { decimals });
  const negative = value < 0 && Number(digits.replace(/[^0-9]/g, "")) !== 0;
  return `${negative ? "-" : ""}Rp${digits}`;
}

/** A percentage already on a 0–100 scale: 81.7 → '81,7%' (id) / '81.7%' (en). */
export function formatPercent(value: number, lang: Lang = "id", opts: NumberOptions = {}): string {
  return `${formatNumber(value, lang, opts)}%`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

function parts(fmt: Intl.DateTimeFormat, d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/**
 * '27 November 2026' (en: '27 November 2026'). A plain `YYYY-MM-DD` date is shown as written; an
 * instant is shown as the calendar date in `zone` (default WIB).
 */
export function formatDate(
  value: string | number | Date,
  lang: Lang = "id",
  opts: { zone?: Zone; weekday?: boolean } = {},
): string {
  let d: Date;
  let timeZone: string;
  const m = typeof value === "string" ? DATE_ONLY.exec(value) : null;
  if (m) {
    d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
    timeZone = "UTC";
  } else {
    d = toDate(value);
    timeZone = ZONE_TIME_ZONES[opts.zone ?? "WIB"];
  }
  if (Number.isNaN(d.getTime())) return "–";
  const p = parts(
    dateFormat(lang, {
      timeZone,
      day: "numeric",
      month: "long",
      year: "numeric",
      ...(opts.weekday ? { weekday: "long" } : {}),
    }),
    d,
  );
  const text = `${p.day} ${p.month} ${p.year}`;
  return opts.weekday ? `${p.weekday}, ${text}` : text;
}

/** '16.30 WIB' (id) / '16:30 WIB' (en), in the unit's zone (default WIB). */
export function formatTime(
  value: string | number | Date,
  lang: Lang = "id",
  opts: { zone?: Zone } = {},
): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return "–";
  const zone = opts.zone ?? "WIB";
  const p = parts(
    dateFormat("en", {
      timeZone: ZONE_TIME_ZONES[zone],
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
    d,
  );
  const hour = (p.hour ?? "00").padStart(2, "0");
  return `${hour}${lang === "id" ? "." : ":"}${p.minute} ${zone}`;
}

/** '27 November 2026 16.30 WIB' (en: '27 November 2026 16:30 WIB'). */
export function formatDateTime(
  value: string | number | Date,
  lang: Lang = "id",
  opts: { zone?: Zone; weekday?: boolean } = {},
): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return "–";
  return `${formatDate(d, lang, opts)} ${formatTime(d, lang, opts)}`;
}

/** `YYYY-MM-DD` of an instant in a zone (for date inputs and API filters). */
export function localDateOf(value: string | number | Date, zone: Zone = "WIB"): string {
  const p = parts(
    dateFormat("en", { timeZone: ZONE_TIME_ZONES[zone], year: "numeric", month: "2-digit", day: "2-digit" }),
    toDate(value),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/** The UTC instant at which a local date starts (00:00) in a zone; `endOfDay` gives the next day's start. */
export function zonedDayStart(date: string, zone: Zone = "WIB", endOfDay = false): string {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const offsetHours = zone === "WIB" ? 7 : zone === "WITA" ? 8 : 9; // Indonesia has no DST
  const ms =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0)) - offsetHours * 3_600_000;
  return new Date(ms).toISOString();
}
