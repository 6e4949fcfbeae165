import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publishedOn, publishProblem, type VersionLike, versionStates } from "./versions";

const v = (
  id: string,
  number: number,
  status: "draft" | "published",
  effectiveDate: string | null,
): VersionLike => ({
  id,
  number,
  status,
  effectiveDate,
});

describe("publishedOn", () => {
  const history = [
    v("a", 1, "published", "2024-01-02"),
    v("b", 2, "published", "2025-07-01"),
    v("c", 3, "published", "2027-01-04"),
    v("d", 4, "draft", "2024-06-01"),
  ];
  it.each([
    ["2023-12-31", null],
    ["2024-01-02", "a"],
    ["2025-06-30", "a"],
    ["2025-07-01", "b"],
    ["2026-11-27", "b"],
    ["2027-01-04", "c"],
  ])("on %s the version in force is %s", (date, expected) => {
    expect(publishedOn(history, date)?.id ?? null).toBe(expected);
  });

  it("never picks a draft, whatever its date", () => {
    expect(publishedOn([v("d", 1, "draft", "2020-01-01")], "2030-01-01")).toBeNull();
  });

  it("states: draft, scheduled, current, superseded", () => {
    expect(Object.fromEntries(versionStates(history, "2026-11-27"))).toEqual({
      a: "superseded",
      b: "current",
      c: "scheduled",
      d: "draft",
    });
  });

  it("property: the version in force is published, effective on the day, and no other qualifying one is later", () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: fc.constantFrom("draft", "published"), date: day }), { maxLength: 12 }),
        day,
        (rows, today) => {
          const versions = rows.map((r, i) => v(`v${i}`, i + 1, r.status as "draft" | "published", r.date));
          const cur = publishedOn(versions, today);
          const eligible = versions.filter(
            (x) => x.status === "published" && (x.effectiveDate as string) <= today,
          );
          if (!cur) return eligible.length === 0;
          const states = versionStates(versions, today);
          return (
            cur.status === "published" &&
            (cur.effectiveDate as string) <= today &&
            eligible.every((x) => (x.effectiveDate as string) <= (cur.effectiveDate as string)) &&
            [...states.values()].filter((s) => s === "current").length === 1
          );
        },
      ),
    );
  });
});

describe("publishProblem", () => {
  const draft = { ...v("n", 3, "draft", "2026-12-01"), decreeNumber: "KEP-1", decreeDate: "2026-11-20" };
  const others = [v("a", 1, "published", "2024-01-02"), v("b", 2, "published", "2025-07-01")];

  it("accepts a complete draft taking effect after the published versions", () => {
    expect(publishProblem(draft, others)).toBeNull();
  });
  it("refuses a published version", () => {
    expect(publishProblem({ ...draft, status: "published" }, others)).toEqual({
      code: "STD_VERSION_NOT_DRAFT",
    });
  });
  it.each([
    ["decreeNumber", { decreeNumber: "  " }],
    ["decreeDate", { decreeDate: null }],
    ["effectiveDate", { effectiveDate: null }],
  ])("names the missing %s", (field, patch) => {
    expect(publishProblem({ ...draft, ...patch }, others)).toEqual({ code: "STD_DECREE_MISSING", field });
  });
  it("refuses a decree signed after the effective date", () => {
    expect(publishProblem({ ...draft, decreeDate: "2026-12-02" }, others)?.code).toBe(
      "STD_DECREE_AFTER_EFFECTIVE",
    );
  });
  it("refuses an effective date on or before the latest published one", () => {
    expect(
      publishProblem({ ...draft, effectiveDate: "2025-07-01", decreeDate: "2025-06-01" }, others),
    ).toEqual({
      code: "STD_EFFECTIVE_NOT_AFTER",
      effectiveDate: "2025-07-01",
      latest: "2025-07-01",
    });
  });
  it("ignores other drafts", () => {
    expect(publishProblem(draft, [...others, v("x", 9, "draft", "2030-01-01")])).toBeNull();
  });
});
