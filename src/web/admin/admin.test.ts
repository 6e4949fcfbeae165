import { describe, expect, it } from "vitest";
import type { Unit } from "../../ui/types";
import { compactData } from "./pages/AuditPage";
import { buildTree, childKind, filterUnits, moveTargets } from "./pages/UnitsPage";

function u(id: string, parent: Unit | null, kind: Unit["kind"] = "kantor", name = id): Unit {
  return {
    id,
    code: id.toUpperCase(),
    name,
    kind,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? "/"}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    zone: "WIB",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
  };
}

const kemenkeu = u("kemenkeu", null, "kementerian", "Kementerian Keuangan");
const djkn = u("djkn", kemenkeu, "eselon1", "DJKN");
const jabar = u("jabar", djkn, "kanwil", "Kanwil DJKN Jawa Barat");
const bekasi = u("bekasi", jabar, "kantor", "KPKNL Bekasi");
const bandung = u("bandung", jabar, "kantor", "KPKNL Bandung");
const units = [kemenkeu, djkn, jabar, bekasi, bandung];

describe("work unit tree", () => {
  it("nests a tree-ordered list", () => {
    const tree = buildTree(units);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children[0]!.children[0]!.children.map((n) => n.unit.id)).toEqual(["bekasi", "bandung"]);
  });

  it("makes units whose parent is out of scope into roots", () => {
    expect(buildTree([jabar, bekasi, bandung]).map((n) => n.unit.id)).toEqual(["jabar"]);
    expect(buildTree([bekasi, bandung]).map((n) => n.unit.id)).toEqual(["bekasi", "bandung"]);
  });

  it("filters by name or code and keeps the ancestors of matches", () => {
    expect(filterUnits(units, "bekasi").map((x) => x.id)).toEqual(["kemenkeu", "djkn", "jabar", "bekasi"]);
    expect(filterUnits(units, "KANWIL").map((x) => x.id)).toEqual(["kemenkeu", "djkn", "jabar"]);
    expect(filterUnits(units, "  ")).toHaveLength(5);
    expect(filterUnits(units, "surabaya")).toEqual([]);
  });

  it("never offers a unit itself, its subtree or its current parent as a new parent", () => {
    expect(moveTargets(units, jabar).map((x) => x.id)).toEqual(["kemenkeu"]);
    expect(moveTargets(units, bekasi).map((x) => x.id)).toEqual(["kemenkeu", "djkn", "bandung"]);
  });

  it("suggests the usual kind of a child unit", () => {
    expect(childKind(null)).toBe("kementerian");
    expect(childKind(kemenkeu)).toBe("eselon1");
    expect(childKind(djkn)).toBe("kanwil");
    expect(childKind(jabar)).toBe("kantor");
    expect(childKind(bekasi)).toBe("kantor");
  });
});

describe("audit data, compactly", () => {
  it("shows key: value pairs, cutting long values", () => {
    expect(compactData({ email: "a@b.c", roleKey: "head" })).toEqual(["email: a@b.c", "roleKey: head"]);
    expect(compactData({ list: [1, 2], n: 3, nested: { a: 1 } })).toEqual([
      "list: [1,2]",
      "n: 3",
      'nested: {"a":1}',
    ]);
    expect(compactData({ long: "x".repeat(100) }, 10)).toEqual([`long: ${"x".repeat(9)}…`]);
  });
  it("handles empty and non-object data", () => {
    expect(compactData(null)).toEqual([]);
    expect(compactData({})).toEqual([]);
    expect(compactData("text")).toEqual(['"text"']);
  });
});
