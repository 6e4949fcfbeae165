/**
 * Fixtures built from the real rubric and the real domain arithmetic, so a test's expected numbers
 * are the ones the server would compute.
 */

import { type Fraction, toNumber } from "../../../../kernel/math/fraction";
import type {
  CellWire,
  CycleDetail,
  CycleWire,
  GateWire,
  ReadinessWire,
  ScoreSummary,
  WorksheetWire,
} from "../../contract";
import { type Answer, answerValue } from "../../domain/answers";
import { assessReadiness, type ReadinessGate } from "../../domain/readiness";
import { indexRubric, loadRubric, questionsOf } from "../../domain/rubric";
import { type LkeScore, scoreAnswers } from "../../domain/scoring";
import type { Column, Command, Stage } from "../../domain/stages";

export const RUBRIC_ID = "permenpanrb-90-2021";
export const rubric = loadRubric(RUBRIC_ID);
export const entries = questionsOf(rubric);

export function cycleWire(partial: Partial<CycleWire> = {}): CycleWire {
  return {
    id: "c1",
    unit: { id: "bekasi", code: "KPKNL-BEKASI", name: "KPKNL Bekasi", path: "/jabar/bekasi/" },
    year: 2026,
    target: "WBK",
    rubricId: RUBRIC_ID,
    stage: "penilaian_mandiri",
    priorWbk: false,
    pactPercent: 100,
    declarationDate: "2026-01-15",
    declarationFileId: "f-decl",
    proposalDeadline: "2026-05-31",
    result: null,
    version: 3,
    createdAt: "2026-01-10T02:00:00.000Z",
    updatedAt: "2026-03-01T02:00:00.000Z",
    ...partial,
  };
}

const n = (f: Fraction) => toNumber(f);

export function summaryOf(answers: Record<string, Answer>, withEvidence = 0): ScoreSummary {
  const s = scoreAnswers(rubric, answers);
  return {
    total: n(s.total),
    pengungkit: n(s.pengungkit),
    pemenuhan: s.pemenuhan ? n(s.pemenuhan) : null,
    reform: s.reform ? n(s.reform) : null,
    hasil: n(s.hasil),
    areas: s.areas.map((a) => ({
      key: a.key,
      name: a.name,
      componentKey: a.componentKey,
      weight: n(a.weight),
      score: n(a.score),
    })),
    answered: Object.values(answers).filter((a) => a !== null).length,
    questions: indexRubric(rubric).questions.size,
    withEvidence,
  };
}

function gateWire(g: ReadinessGate): GateWire {
  const num = (v: Fraction | boolean) => (typeof v === "boolean" ? v : n(v));
  return {
    key: g.key,
    kind: g.kind,
    label: g.label,
    ...(g.target ? { target: g.target } : {}),
    threshold: num(g.threshold),
    value: num(g.value),
    pass: g.pass,
    ...(g.weight ? { weight: n(g.weight) } : {}),
    ...(g.surveyIndex !== undefined ? { surveyIndex: g.surveyIndex } : {}),
    source: g.source,
    confidence: g.confidence,
    confirmed: g.confirmed,
    edited: g.edited,
    ...(g.note ? { note: g.note } : {}),
  };
}

export function readinessOf(score: LkeScore, priorWbk = false): ReadinessWire {
  const r = assessReadiness(rubric, score, { priorWbk });
  return {
    WBK: { pass: r.WBK.pass, gates: r.WBK.gates.map(gateWire) },
    WBBM: { pass: r.WBBM.pass, gates: r.WBBM.gates.map(gateWire) },
  };
}

/** The best answer to every question (A / Ya / full counts / index 4). */
export function bestAnswer(key: string): Answer {
  const q = indexRubric(rubric).questions.get(key)!.question;
  if (q.answerType === "counts") {
    const c = q.compute;
    return {
      counts: (q.counts ?? []).map((d) =>
        c?.kind === "decrease"
          ? d.key === c.previous
            ? 10
            : 0
          : c?.numerator.includes(d.key)
            ? 10 * c.denominator.length
            : 10,
      ),
    };
  }
  if (q.answerType === "survey_index") return 4;
  return q.answerType === "yes_no" ? "ya" : q.options[0]!.code;
}

/** Answers for every question, `fill(key)` deciding (undefined = not answered). */
export function answersWhere(fill: (key: string, i: number) => Answer | undefined): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  entries.forEach((e, i) => {
    const a = fill(e.question.key, i);
    if (a !== undefined) out[e.question.key] = a;
  });
  return out;
}

export function cellsOf(answers: Record<string, Answer>, by = "Tim ZI"): Record<string, CellWire> {
  const scores = scoreAnswers(rubric, answers);
  const out: Record<string, CellWire> = {};
  for (const [key, answer] of Object.entries(answers)) {
    const q = scores.questions.get(key)!;
    out[key] = {
      answer,
      note: "",
      source: null,
      value: n(answerValue(rubric, key, answer)),
      points: n(q.points),
      updatedAt: "2026-03-01T02:00:00.000Z",
      updatedBy: by,
    };
  }
  return out;
}

export function detailOf(opts: {
  cycle?: Partial<CycleWire>;
  answers?: Partial<Record<Column, Record<string, Answer>>>;
  commands?: Command[];
  editable?: Column[];
  leadingColumn?: Column;
  events?: CycleDetail["events"];
}): CycleDetail {
  const cycle = cycleWire(opts.cycle);
  const answers = { unit: {}, tpi: {}, tpn: {}, ...opts.answers } as Record<Column, Record<string, Answer>>;
  const score = (c: Column) => scoreAnswers(rubric, answers[c]);
  return {
    cycle,
    pact: null,
    events: opts.events ?? [
      {
        id: "e1",
        command: null,
        fromStage: null,
        toStage: "pencanangan",
        actorName: "Siti Rahma",
        note: null,
        at: "2026-01-10T02:00:00.000Z",
      },
      {
        id: "e2",
        command: "declare",
        fromStage: "pencanangan",
        toStage: "pembangunan",
        actorName: "Siti Rahma",
        note: "Pencanangan bersama Kanwil",
        at: "2026-01-15T03:30:00.000Z",
      },
    ],
    scores: { unit: summaryOf(answers.unit), tpi: summaryOf(answers.tpi), tpn: summaryOf(answers.tpn) },
    readiness: {
      unit: readinessOf(score("unit"), cycle.priorWbk),
      tpi: readinessOf(score("tpi"), cycle.priorWbk),
      tpn: readinessOf(score("tpn"), cycle.priorWbk),
    },
    leadingColumn: opts.leadingColumn ?? "unit",
    progress: rubric.components.flatMap((c) =>
      c.areas.map((a) => {
        const keys = entries.filter((e) => e.area.key === a.key).map((e) => e.question.key);
        return {
          areaKey: a.key,
          name: a.name,
          questions: keys.length,
          answered: keys.filter((k) => k in answers.unit).length,
          withEvidence: 0,
        };
      }),
    ),
    commands: opts.commands ?? [],
    editable: opts.editable ?? ["unit"],
  };
}

export function worksheetOf(opts: {
  stage?: Stage;
  answers?: Partial<Record<Column, Record<string, Answer>>>;
  editable?: Column[];
  evidence?: WorksheetWire["evidence"];
  canLinkEvidence?: boolean;
}): WorksheetWire {
  const a = opts.answers ?? {};
  return {
    cycleId: "c1",
    rubricId: RUBRIC_ID,
    stage: opts.stage ?? "penilaian_mandiri",
    columns: { unit: cellsOf(a.unit ?? {}), tpi: cellsOf(a.tpi ?? {}), tpn: cellsOf(a.tpn ?? {}) },
    evidence: opts.evidence ?? {},
    records: {},
    editable: opts.editable ?? ["unit"],
    canLinkEvidence: opts.canLinkEvidence ?? true,
  };
}
