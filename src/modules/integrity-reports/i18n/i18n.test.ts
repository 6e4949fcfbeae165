import { describe, expect, it } from "vitest";
import {
  COI_DECISIONS,
  GRAT_DECISIONS,
  GRAT_FORMS,
  GRAT_OCCASIONS,
  LKE_KEYS,
  WBS_CATEGORIES,
  WBS_STATUSES,
} from "../domain/model";
import en from "./en.json";
import id from "./id.json";

function keys(o: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? keys(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

describe("integrity strings", () => {
  it("have the same keys in Indonesian and English", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });
  it("label every enum value and every LKE key the pages offer", () => {
    const all = new Set(keys(id));
    const need = [
      ...WBS_CATEGORIES.map((c) => `wbsCategory.${c}`),
      ...WBS_STATUSES.map((s) => `wbsStatus.${s}`),
      ...GRAT_DECISIONS.map((s) => `gratDecision.${s}`),
      ...GRAT_FORMS.map((s) => `gratForm.${s}`),
      ...GRAT_OCCASIONS.map((s) => `gratOccasion.${s}`),
      ...COI_DECISIONS.map((s) => `coiDecision.${s}`),
      ...[...LKE_KEYS.wbs, ...LKE_KEYS.gratification, ...LKE_KEYS.coi].map(
        (k) => `evidence.key.${k.replace(/\./g, "_")}`,
      ),
    ];
    for (const k of need) expect(all.has(k), k).toBe(true);
  });
});
