/**
 * The ZI cycle as a state machine (PermenPAN-RB 90/2021 Bab III; rules-1 §1.2): pencanangan →
 * pembangunan → penilaian mandiri → TPI review → pengusulan → TPN (pra-evaluasi, desk, lapangan) →
 * penetapan → monitoring. Every move is a named command with its permission and its gates; there is
 * no other way to change the stage, so a stage can never be skipped or taken out of order.
 */

export const STAGES = [
  "pencanangan",
  "pembangunan",
  "penilaian_mandiri",
  "tpi_review",
  "pengusulan",
  "tpn_pra_evaluasi",
  "tpn_desk",
  "tpn_lapangan",
  "penetapan",
  "monitoring",
] as const;
export type Stage = (typeof STAGES)[number];

export const COLUMNS = ["unit", "tpi", "tpn"] as const;
/** The three score columns of the worksheet: self-assessment, internal team, national team. */
export type Column = (typeof COLUMNS)[number];

export const ZI_PERMISSIONS = {
  read: "zi.cycle.read",
  manage: "zi.cycle.manage",
  write: "zi.worksheet.write",
  tpi: "zi.tpi.evaluate",
  tpn: "zi.tpn.evaluate",
  configure: "zi.rubric.configure",
} as const;

export const COMMANDS = [
  "declare",
  "start_self_assessment",
  "submit_to_tpi",
  "return_to_unit",
  "propose",
  "start_tpn",
  "start_desk",
  "start_field",
  "decide",
  "start_monitoring",
] as const;
export type Command = (typeof COMMANDS)[number];

export interface Transition {
  command: Command;
  from: readonly Stage[];
  to: Stage;
  permission: string;
}

export const TRANSITIONS: Record<Command, Transition> = {
  declare: {
    command: "declare",
    from: ["pencanangan"],
    to: "pembangunan",
    permission: ZI_PERMISSIONS.manage,
  },
  start_self_assessment: {
    command: "start_self_assessment",
    from: ["pembangunan"],
    to: "penilaian_mandiri",
    permission: ZI_PERMISSIONS.manage,
  },
  submit_to_tpi: {
    command: "submit_to_tpi",
    from: ["penilaian_mandiri"],
    to: "tpi_review",
    permission: ZI_PERMISSIONS.manage,
  },
  // TPI sends the worksheet back for corrections; the unit's column opens again.
  return_to_unit: {
    command: "return_to_unit",
    from: ["tpi_review"],
    to: "penilaian_mandiri",
    permission: ZI_PERMISSIONS.tpi,
  },
  propose: { command: "propose", from: ["tpi_review"], to: "pengusulan", permission: ZI_PERMISSIONS.tpi },
  start_tpn: {
    command: "start_tpn",
    from: ["pengusulan"],
    to: "tpn_pra_evaluasi",
    permission: ZI_PERMISSIONS.tpn,
  },
  start_desk: {
    command: "start_desk",
    from: ["tpn_pra_evaluasi"],
    to: "tpn_desk",
    permission: ZI_PERMISSIONS.tpn,
  },
  start_field: {
    command: "start_field",
    from: ["tpn_desk"],
    to: "tpn_lapangan",
    permission: ZI_PERMISSIONS.tpn,
  },
  // A unit may fail at any TPN step (pra-evaluasi already drops units); the award needs the field visit.
  decide: {
    command: "decide",
    from: ["tpn_pra_evaluasi", "tpn_desk", "tpn_lapangan"],
    to: "penetapan",
    permission: ZI_PERMISSIONS.tpn,
  },
  start_monitoring: {
    command: "start_monitoring",
    from: ["penetapan"],
    to: "monitoring",
    permission: ZI_PERMISSIONS.manage,
  },
};

/** Which column may be written in which stage, and by whom. Everything else is locked. */
export const COLUMN_RULES: Record<Column, { stages: readonly Stage[]; permission: string }> = {
  unit: { stages: ["pembangunan", "penilaian_mandiri"], permission: ZI_PERMISSIONS.write },
  tpi: { stages: ["tpi_review"], permission: ZI_PERMISSIONS.tpi },
  tpn: { stages: ["tpn_pra_evaluasi", "tpn_desk", "tpn_lapangan"], permission: ZI_PERMISSIONS.tpn },
};

export function columnOpen(column: Column, stage: Stage): boolean {
  return COLUMN_RULES[column].stages.includes(stage);
}

/** The most advanced column that has been (or is being) filled at this stage: what readiness reads. */
export function leadingColumn(stage: Stage): Column {
  const i = STAGES.indexOf(stage);
  if (i >= STAGES.indexOf("tpn_pra_evaluasi")) return "tpn";
  if (i >= STAGES.indexOf("tpi_review")) return "tpi";
  return "unit";
}

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** What the gates of a transition look at; gathered by the service, judged here. */
export interface TransitionFacts {
  stage: Stage;
  /** Pencanangan: the declaration is recorded (date, and its minutes/photo as a file). */
  declarationRecorded: boolean;
  /** Share of employees who signed the integrity pact, 0–100 (recorded, or from change management). */
  pactPercent: number | null;
  /** Propose: the TPI column's readiness for the cycle's target predicate. */
  tpiReady: boolean;
  tpiFailingGates: string[];
  /** Propose: today (Asia/Jakarta, YYYY-MM-DD) and the proposal deadline for the cycle's year. */
  today: string;
  proposalDeadline: string;
  /** Decide: a predicate can be awarded only after the field visit. */
  awarded?: boolean;
}

export type GateFailure =
  | { code: "ZI_STAGE_ORDER"; params: { command: Command; stage: Stage; allowedFrom: string } }
  | { code: "ZI_DECLARATION_MISSING"; params: Record<string, never> }
  | { code: "ZI_PACT_INCOMPLETE"; params: { percent: number | string } }
  | { code: "ZI_NOT_READY"; params: { gates: string } }
  | { code: "ZI_PROPOSAL_DEADLINE_PASSED"; params: { deadline: string; today: string } }
  | { code: "ZI_AWARD_NEEDS_FIELD_VISIT"; params: { stage: Stage } }
  | { code: "ZI_DECISION_MISSING"; params: Record<string, never> };

/** The first rule a command breaks, or null when it may run. Order: stage first, then its gates. */
export function checkTransition(command: Command, facts: TransitionFacts): GateFailure | null {
  const t = TRANSITIONS[command];
  if (!t.from.includes(facts.stage))
    return {
      code: "ZI_STAGE_ORDER",
      params: { command, stage: facts.stage, allowedFrom: t.from.join(", ") },
    };
  switch (command) {
    case "declare":
      if (!facts.declarationRecorded) return { code: "ZI_DECLARATION_MISSING", params: {} };
      if (facts.pactPercent === null || facts.pactPercent < 100)
        return { code: "ZI_PACT_INCOMPLETE", params: { percent: facts.pactPercent ?? "-" } };
      return null;
    case "propose":
      if (facts.today > facts.proposalDeadline)
        return {
          code: "ZI_PROPOSAL_DEADLINE_PASSED",
          params: { deadline: facts.proposalDeadline, today: facts.today },
        };
      if (!facts.tpiReady)
        return { code: "ZI_NOT_READY", params: { gates: facts.tpiFailingGates.join(", ") } };
      return null;
    case "decide":
      if (facts.awarded === undefined) return { code: "ZI_DECISION_MISSING", params: {} };
      if (facts.awarded && facts.stage !== "tpn_lapangan")
        return { code: "ZI_AWARD_NEEDS_FIELD_VISIT", params: { stage: facts.stage } };
      return null;
    default:
      return null;
  }
}

/** The proposal deadline of a cycle year from the "MM-DD" setting (31 May by default). */
export function proposalDeadline(year: number, monthDay: string): string {
  return `${year}-${monthDay}`;
}

export const DEFAULT_PROPOSAL_DEADLINE = "05-31";
