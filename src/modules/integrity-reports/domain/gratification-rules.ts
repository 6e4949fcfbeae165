/**
 * Gratification deadlines and thresholds as versioned rule data (rules-2.md §5.3). Each number
 * carries its source and a confidence tag ([C1] regulation text, [C2] two sources agree, [S] one
 * secondary source, [U] unconfirmed). A report is judged by the rule set in force on the day the
 * gift was received. All day counts are WORKING days on the unit's kernel calendar.
 */
import { addWorkingDaysToDate, type Calendar } from "../../../kernel/calendar";
import type { GratOccasion } from "./model";

export type Confidence = "C1" | "C2" | "S" | "U";

export interface RuleValue<T> {
  value: T;
  source: string;
  confidence: Confidence;
}

export interface GratRuleSet {
  id: string;
  /** First receipt date (YYYY-MM-DD) this set applies to. */
  effectiveFrom: string;
  title: string;
  /** How sure we are of the effective date itself. */
  effectiveFromConfidence: Confidence;
  reportToKpkWorkingDays: RuleValue<number>;
  toUpgWorkingDays: RuleValue<number>;
  upgToKpkWorkingDays: RuleValue<number>;
  kpkDecisionWorkingDays: RuleValue<number>;
  completenessWorkingDays: RuleValue<number>;
  /** Not-reportable thresholds per giver and event (integer rupiah); absent = no threshold. */
  thresholds: Partial<Record<GratOccasion, RuleValue<number>>>;
  /** Yearly cap per giver for colleague gifts, where defined. */
  colleagueYearlyCapIdr?: RuleValue<number>;
  /** Late reports (after the 30 working days) may be decided state property. */
  lateMayBeStateProperty: boolean;
}

const UU20 = "UU 20/2001 Pasal 12C(2) (mblonyox/data-peraturan uu/2001/20.md); kpk.go.id service page";
const UU30 = "UU 30/2002 Pasal 17(1) (uu/2002/30.md)";
const BPIP =
  "Peraturan BPIP 4/2021 Pasal 7(2)–(3) (pasal.id); same pattern in a Kemenhub rule (poltekbangjayapura.ac.id). Peraturan KPK 2/2019 clause not read — configurable default";
const KPK2026 =
  "Peraturan KPK 1/2026 amending Peraturan KPK 2/2019, as reported by okezone, literasihukum.com, wahananews, terkinijambi, kaltim.jpnn (announced 28 Jan 2026)";

export const GRAT_RULE_SETS: readonly GratRuleSet[] = [
  {
    id: "perkom-kpk-2-2019",
    effectiveFrom: "2019-01-01",
    effectiveFromConfidence: "U",
    title: "UU 20/2001, UU 30/2002, Peraturan KPK 2/2019",
    reportToKpkWorkingDays: { value: 30, source: UU20, confidence: "C1" },
    toUpgWorkingDays: { value: 10, source: BPIP, confidence: "C2" },
    upgToKpkWorkingDays: { value: 10, source: BPIP, confidence: "C2" },
    kpkDecisionWorkingDays: { value: 30, source: UU30, confidence: "C1" },
    completenessWorkingDays: {
      value: 30,
      source: `${KPK2026} (the "before" value)`,
      confidence: "C2",
    },
    thresholds: {
      pernikahan_keagamaan_adat: {
        value: 1_000_000,
        source: `${KPK2026} ("before"); palpres.disway.id explainer`,
        confidence: "C2",
      },
      musibah_bencana: {
        value: 1_000_000,
        source: "palpres.disway.id explainer of Perkom 2/2019",
        confidence: "S",
      },
      antar_rekan_kerja: { value: 200_000, source: `${KPK2026} ("before")`, confidence: "C2" },
      pisah_sambut_pensiun_ulang_tahun: {
        value: 300_000,
        source: `${KPK2026} ("before"); palpres.disway.id`,
        confidence: "C2",
      },
    },
    colleagueYearlyCapIdr: { value: 1_000_000, source: `${KPK2026} ("before")`, confidence: "C2" },
    lateMayBeStateProperty: false,
  },
  {
    id: "perkpk-1-2026",
    // The announcement date; the regulation's own effective date was not read [U].
    effectiveFrom: "2026-01-28",
    effectiveFromConfidence: "U",
    title: "Peraturan KPK 1/2026 (perubahan Peraturan KPK 2/2019)",
    reportToKpkWorkingDays: { value: 30, source: UU20, confidence: "C1" },
    toUpgWorkingDays: { value: 10, source: BPIP, confidence: "C2" },
    upgToKpkWorkingDays: { value: 10, source: BPIP, confidence: "C2" },
    kpkDecisionWorkingDays: { value: 30, source: UU30, confidence: "C1" },
    completenessWorkingDays: { value: 20, source: KPK2026, confidence: "C2" },
    thresholds: {
      pernikahan_keagamaan_adat: { value: 1_500_000, source: KPK2026, confidence: "C2" },
      musibah_bencana: {
        value: 1_000_000,
        source: "Perkom 2/2019 value; the 2026 change was not reported for this category",
        confidence: "U",
      },
      antar_rekan_kerja: { value: 500_000, source: KPK2026, confidence: "C2" },
      // The Rp300,000 farewell/retirement/birthday category was removed in 2026.
    },
    colleagueYearlyCapIdr: { value: 1_500_000, source: KPK2026, confidence: "C2" },
    lateMayBeStateProperty: true,
  },
];

/** The rule set in force on a receipt date (the latest whose effectiveFrom ≤ date). */
export function ruleSetFor(receivedOn: string, sets: readonly GratRuleSet[] = GRAT_RULE_SETS): GratRuleSet {
  const sorted = [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found = sorted[0]!;
  for (const s of sorted) if (s.effectiveFrom <= receivedOn) found = s;
  return found;
}

export interface GratDeadlines {
  ruleSetId: string;
  /** Last day to report to KPK (directly) — the statutory 30 working days from receipt. */
  reportToKpkBy: string;
  /** Last day to report to the UPG when reporting through it. */
  reportToUpgBy: string;
  /** Last day for the UPG to forward to KPK (from the UPG's receipt), when known. */
  upgForwardBy: string | null;
  /** Last day to complete an incomplete report (from the reporting day). */
  completeBy: string | null;
}

/** All deadlines of one report, counted in working days on the unit's calendar. */
export function gratDeadlines(
  cal: Calendar,
  input: { receivedOn: string; reportedOn?: string | null; upgReceivedOn?: string | null },
): GratDeadlines {
  const rs = ruleSetFor(input.receivedOn);
  return {
    ruleSetId: rs.id,
    reportToKpkBy: addWorkingDaysToDate(cal, input.receivedOn, rs.reportToKpkWorkingDays.value),
    reportToUpgBy: addWorkingDaysToDate(cal, input.receivedOn, rs.toUpgWorkingDays.value),
    upgForwardBy: input.upgReceivedOn
      ? addWorkingDaysToDate(cal, input.upgReceivedOn, rs.upgToKpkWorkingDays.value)
      : null,
    completeBy: input.reportedOn
      ? addWorkingDaysToDate(cal, input.reportedOn, rs.completenessWorkingDays.value)
      : null,
  };
}

export interface ThresholdHint {
  /** The gift is at or under a not-reportable threshold for its occasion (a hint, never a block). */
  belowThreshold: boolean;
  thresholdIdr: number | null;
  confidence: Confidence | null;
  ruleSetId: string;
}

/**
 * Whether a gift's value is within the not-reportable limit of its occasion under the rule set of
 * its receipt date. Refused gifts and money in an official capacity are always recorded anyway.
 */
export function thresholdHint(receivedOn: string, occasion: GratOccasion, valueIdr: number): ThresholdHint {
  const rs = ruleSetFor(receivedOn);
  const t = rs.thresholds[occasion];
  return {
    belowThreshold: t ? valueIdr <= t.value : false,
    thresholdIdr: t?.value ?? null,
    confidence: t?.confidence ?? null,
    ruleSetId: rs.id,
  };
}

/** Reported within the statutory window (reportedOn ≤ reportToKpkBy)? */
export function reportedOnTime(d: GratDeadlines, reportedOn: string): boolean {
  return reportedOn <= d.reportToKpkBy;
}

export type GratReminderKind = "upg-forward-due-soon" | "upg-forward-overdue" | "report-kpk-overdue";

/**
 * Which reminders a report deserves today (each is sent once, ever: the caller dedupes by report
 * and kind). Only reports not yet forwarded to KPK nor closed are reminded.
 */
export function remindersDue(
  cal: Calendar,
  r: {
    status: string;
    receivedOn: string;
    upgReceivedOn: string | null;
    action: string;
  },
  today: string,
  soonWorkingDays = 2,
): GratReminderKind[] {
  if (r.status !== "reported" && r.status !== "reviewed") return [];
  const d = gratDeadlines(cal, { receivedOn: r.receivedOn, upgReceivedOn: r.upgReceivedOn ?? r.receivedOn });
  const out: GratReminderKind[] = [];
  const forwardBy = d.upgForwardBy!;
  if (today > forwardBy) out.push("upg-forward-overdue");
  else if (addWorkingDaysToDate(cal, today, soonWorkingDays) >= forwardBy) out.push("upg-forward-due-soon");
  if (today > d.reportToKpkBy) out.push("report-kpk-overdue");
  return out;
}
