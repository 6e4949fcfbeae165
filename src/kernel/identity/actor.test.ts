import { describe, expect, it } from "vitest";
import { type Actor, assertScope, can, holds, scopeRoots } from "./actor";

const A = "/kemenkeu/djkn/kanwil/";
const BEKASI = `${A}bekasi/`;
const BANDUNG = `${A}bandung/`;

function actor(assignments: Array<[string, string[]]>, tokenScopes?: string[]): Actor {
  return {
    kind: "user",
    userId: "u",
    email: "u@x.id",
    name: "u",
    assignments: assignments.map(([unitPath, permissions], i) => ({
      id: `a${i}`,
      roleKey: "r",
      unitId: unitPath,
      unitPath,
      permissions,
    })),
    tokenScopes,
  };
}

describe("unit scope (pure)", () => {
  it.each([
    ["own unit", BEKASI, BEKASI, true],
    ["child unit", A, BEKASI, true],
    ["sibling unit", BEKASI, BANDUNG, false],
    ["parent unit", BEKASI, A, false],
    ["unrelated unit", BEKASI, "/other/", false],
  ])("%s", (_label, assignedAt, target, allowed) => {
    expect(can(actor([[assignedAt, ["x.read"]]]), "x.read", target)).toBe(allowed);
  });

  it("needs the permission itself, not just any role there", () => {
    expect(can(actor([[BEKASI, ["x.read"]]]), "x.write", BEKASI)).toBe(false);
    expect(() => assertScope(actor([[BEKASI, ["x.read"]]]), "x.write", { id: "b", path: BEKASI })).toThrow(
      "FORBIDDEN",
    );
    expect(() => assertScope(actor([[BEKASI, ["x.read"]]]), "x.read", { id: "b", path: BANDUNG })).toThrow(
      "OUT_OF_SCOPE",
    );
  });

  it("a token narrows its owner's permissions", () => {
    const a = actor([[BEKASI, ["x.read", "x.write"]]], ["x.read"]);
    expect(holds(a, "x.read")).toBe(true);
    expect(holds(a, "x.write")).toBe(false);
    expect(scopeRoots(a, "x.write")).toEqual([]);
  });

  it("scope roots drop paths covered by another", () => {
    const a = actor([
      [BEKASI, ["x.read"]],
      [A, ["x.read"]],
      ["/other/", ["x.read"]],
      [BANDUNG, ["y.read"]],
    ]);
    expect(scopeRoots(a, "x.read").sort()).toEqual(["/other/", A].sort());
  });
});
