/**
 * The complaint SLA rule sets, shipped as data and versioned. Each number carries where it comes
 * from and how sure we are (tags of /shared/domain/rules-2.md: C1 regulation text, C2 two or more
 * independent sources, S one secondary source, U unconfirmed). A case keeps the rule set id it was
 * received under, so a later edition (or a unit's override) never moves the deadlines of old cases.
 */

export type Confidence = "C1" | "C2" | "S" | "U";
export type DayKind = "working" | "calendar";

/** The stages the clock runs on. */
export type StageKey = "verify" | "respond" | "resolve";
/** Complaint classes (the resolve stage's length depends on it). */
export type SlaClass = "information" | "regular" | "supervisory";
export const SLA_CLASSES: readonly SlaClass[] = ["information", "regular", "supervisory"];

export interface RuleItem {
  key: string;
  days: number;
  kind: DayKind;
  source: string;
  confidence: Confidence;
  id: string;
  en: string;
}

export interface SlaRuleSet {
  id: string;
  version: number;
  /** First local date the set applies to. */
  effectiveFrom: string;
  title: { id: string; en: string };
  /** Working-day limits of the internal clock. */
  verify: RuleItem;
  respond: RuleItem;
  classes: Record<SlaClass, RuleItem>;
  /** UU 25/2009 calendar-day limits, the second (statutory) check. */
  statutory: { respond: RuleItem; decide: RuleItem };
  /** Reminder this many working days before a deadline. */
  reminderWorkingDaysBefore: number;
}

const LAPOR_FAQ = "FAQ SP4N-LAPOR! (blog.lapor.go.id) + teks aplikasi KSP; rules-2.md §5.2";
const CLASS_SRC =
  "Standar pelayanan (sippn.menpan.go.id) dan dua aplikasi pengelolaan pengaduan; rules-2.md §5.2 (PermenPAN-RB 62/2018 belum dibaca)";

export const SLA_RULE_SETS: readonly SlaRuleSet[] = [
  {
    id: "sp4n-lapor-2026",
    version: 1,
    effectiveFrom: "2018-01-01",
    title: {
      id: "SP4N-LAPOR! + UU 25/2009 (edisi 2026)",
      en: "SP4N-LAPOR! + UU 25/2009 (2026 edition)",
    },
    verify: {
      key: "verify",
      days: 3,
      kind: "working",
      source: LAPOR_FAQ,
      confidence: "C2",
      id: "Verifikasi laporan",
      en: "Verify the report",
    },
    respond: {
      key: "respond",
      days: 5,
      kind: "working",
      source: "Teks aplikasi LAPOR! (KSP): tindak lanjut instansi ≤ 5 HK; rules-2.md §5.2",
      confidence: "S",
      id: "Tanggapan pertama (tindak lanjut)",
      en: "First response (follow-up)",
    },
    classes: {
      information: {
        key: "information",
        days: 5,
        kind: "working",
        source: CLASS_SRC,
        confidence: "C2",
        id: "Permintaan informasi",
        en: "Request for information",
      },
      regular: {
        key: "regular",
        days: 14,
        kind: "working",
        source: CLASS_SRC,
        confidence: "C2",
        id: "Pengaduan tidak berkadar pengawasan",
        en: "Complaint without supervisory content",
      },
      supervisory: {
        key: "supervisory",
        days: 60,
        kind: "working",
        source: CLASS_SRC,
        confidence: "C2",
        id: "Pengaduan berkadar pengawasan (perlu pemeriksaan)",
        en: "Complaint with supervisory content (needs examination)",
      },
    },
    statutory: {
      respond: {
        key: "statutoryRespond",
        days: 14,
        kind: "calendar",
        source: "UU 25/2009 Pasal 44(3)",
        confidence: "C1",
        id: "Tanggapan menurut UU 25/2009 (hari kalender)",
        en: "Response under UU 25/2009 (calendar days)",
      },
      decide: {
        key: "statutoryDecide",
        days: 60,
        kind: "calendar",
        source: "UU 25/2009 Pasal 50(1)",
        confidence: "C1",
        id: "Keputusan menurut UU 25/2009 (hari kalender, sejak berkas lengkap)",
        en: "Decision under UU 25/2009 (calendar days, from a complete file)",
      },
    },
    reminderWorkingDaysBefore: 1,
  },
];

export const DEFAULT_RULE_SET_ID = "sp4n-lapor-2026";

/** Unit overrides: rule key → days (verify, respond, information, regular, supervisory, reminder). */
export type RuleOverrides = Partial<Record<OverrideKey, number>>;
export const OVERRIDE_KEYS = [
  "verify",
  "respond",
  "information",
  "regular",
  "supervisory",
  "reminder",
] as const;
export type OverrideKey = (typeof OVERRIDE_KEYS)[number];

export function ruleSet(id: string = DEFAULT_RULE_SET_ID): SlaRuleSet {
  const s = SLA_RULE_SETS.find((r) => r.id === id);
  if (!s) throw new Error(`unknown complaint rule set ${id}`);
  return s;
}

/** The rule set in force on a local date (the newest whose effectiveFrom is not after it). */
export function ruleSetOn(date: string): SlaRuleSet {
  const sorted = [...SLA_RULE_SETS].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return sorted.find((s) => s.effectiveFrom <= date) ?? sorted[sorted.length - 1]!;
}

/** A rule set with a unit's overrides applied; an overridden item is marked confidence "U" (local). */
export function applyOverrides(set: SlaRuleSet, o: RuleOverrides): SlaRuleSet {
  const local = (item: RuleItem, days: number | undefined): RuleItem =>
    days === undefined || days === item.days
      ? item
      : { ...item, days, confidence: "U", source: `Ketentuan unit (mengganti ${item.days}): ${item.source}` };
  return {
    ...set,
    verify: local(set.verify, o.verify),
    respond: local(set.respond, o.respond),
    classes: {
      information: local(set.classes.information, o.information),
      regular: local(set.classes.regular, o.regular),
      supervisory: local(set.classes.supervisory, o.supervisory),
    },
    reminderWorkingDaysBefore: o.reminder ?? set.reminderWorkingDaysBefore,
  };
}

/** Is a number unconfirmed (to be shown flagged)? Only C1/C2 count as confirmed. */
export const isConfirmed = (item: RuleItem): boolean => item.confidence === "C1" || item.confidence === "C2";

/** Bounds of a unit's own numbers (working days); the route schema and the rules screen use them. */
export const OVERRIDE_BOUNDS: Readonly<Record<OverrideKey, { min: number; max: number }>> = {
  verify: { min: 1, max: 30 },
  respond: { min: 1, max: 60 },
  information: { min: 1, max: 60 },
  regular: { min: 1, max: 120 },
  supervisory: { min: 1, max: 120 },
  reminder: { min: 1, max: 10 },
};

export type OverrideProblem =
  | { key: OverrideKey; code: "range"; min: number; max: number }
  /** must be at least / at most / fewer than `limit`, the days of `other` */
  | { key: OverrideKey; code: "atLeast" | "atMost" | "below"; other: OverrideKey; limit: number };

/**
 * What is wrong with a unit's overrides once applied to `set` (empty = acceptable). Each number is a
 * whole count within its bounds; the stages keep their order — verification never due after the first
 * response, information ≤ regular ≤ supervisory — and the reminder comes before the shortest limit.
 * An order problem names the number the unit changed (the later one when both were changed).
 */
export function overrideProblems(set: SlaRuleSet, o: RuleOverrides): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  for (const k of OVERRIDE_KEYS) {
    const v = o[k];
    if (v === undefined) continue;
    const { min, max } = OVERRIDE_BOUNDS[k];
    if (!Number.isInteger(v) || v < min || v > max) problems.push({ key: k, code: "range", min, max });
  }
  if (problems.length > 0) return problems;
  const a = applyOverrides(set, o);
  const days: Record<OverrideKey, number> = {
    verify: a.verify.days,
    respond: a.respond.days,
    information: a.classes.information.days,
    regular: a.classes.regular.days,
    supervisory: a.classes.supervisory.days,
    reminder: a.reminderWorkingDaysBefore,
  };
  const order: Array<[OverrideKey, OverrideKey]> = [
    ["verify", "respond"],
    ["information", "regular"],
    ["regular", "supervisory"],
  ];
  for (const [before, after] of order) {
    if (days[after] >= days[before]) continue;
    problems.push(
      o[after] !== undefined
        ? { key: after, code: "atLeast", other: before, limit: days[before] }
        : { key: before, code: "atMost", other: after, limit: days[after] },
    );
  }
  const shortest = (["verify", "respond", "information"] as const).reduce((m, k) =>
    days[k] < days[m] ? k : m,
  );
  if (days.reminder >= days[shortest] && days.reminder > 1)
    problems.push({ key: "reminder", code: "below", other: shortest, limit: days[shortest] });
  return problems;
}
