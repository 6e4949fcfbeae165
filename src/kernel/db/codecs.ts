/**
 * Row codecs: both dialects must hand the same values to the rest of the code. pg returns bigint and
 * count(*) as strings (numbers here via the int8 parser, but a codec does not rely on it), timestamptz
 * as Date, booleans as true/false; SQLite returns 0/1 and text. Every repository reads through these.
 */
export const codec = {
  int(v: unknown): number {
    if (typeof v === "number") return v;
    if (typeof v === "bigint") return Number(v);
    if (typeof v === "string" && v.trim() !== "") return Number(v);
    throw new TypeError(`not an integer: ${String(v)}`);
  },
  intOrNull(v: unknown): number | null {
    return v === null || v === undefined ? null : codec.int(v);
  },
  bool(v: unknown): boolean {
    return v === true || v === 1 || v === "1" || v === "t" || v === "true" || v === 1n;
  },
  /** Instants are stored as UTC ISO-8601 text (`2026-11-27T23:10:00.000Z`), which sorts correctly. */
  instant(v: unknown): string {
    if (v instanceof Date) return v.toISOString();
    if (typeof v === "string") return v;
    throw new TypeError(`not an instant: ${String(v)}`);
  },
  instantOrNull(v: unknown): string | null {
    return v === null || v === undefined ? null : codec.instant(v);
  },
  text(v: unknown): string {
    if (typeof v === "string") return v;
    if (v === null || v === undefined) throw new TypeError("not text: null");
    return String(v);
  },
  textOrNull(v: unknown): string | null {
    return v === null || v === undefined ? null : String(v);
  },
  json<T>(v: unknown): T {
    if (typeof v === "string") return JSON.parse(v) as T;
    return v as T;
  },
};

/** Values going in: booleans as 0/1 on both dialects, JSON as text. */
export const enc = {
  bool: (b: boolean): number => (b ? 1 : 0),
  json: (v: unknown): string => JSON.stringify(v),
};
