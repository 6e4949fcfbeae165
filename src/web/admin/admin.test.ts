import { describe, expect, it } from "vitest";
import type { Unit } from "../../ui/types";
import type { HoursConfig } from "./api";
import {
  cleanHours,
  formatDayHours,
  hoursProblems,
  isLocalDate,
  isTime,
  jakartaYear,
  parseYear,
  weekMinutes,
  yearOptions,
} from "./calendar";
import { compactData } from "./pages/AuditPage";
import { withBreak } from "./pages/UnitHours";
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

describe("calendar helpers", () => {
  it("reads the year in Jakarta and offers the shipped years and those around it", () => {
    expect(jakartaYear(new Date("2026-12-31T16:59:00Z"))).toBe(2026);
    expect(jakartaYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
    expect(yearOptions(2026)).toEqual([2025, 2026, 2027]);
    expect(yearOptions(2030, 2020)).toEqual([2020, 2025, 2026, 2027, 2029, 2030, 2031]);
    expect(parseYear("2026")).toBe(2026);
    for (const bad of [null, "", "26", "1999", "2101", "2026x"]) expect(parseYear(bad)).toBeUndefined();
  });

  it("checks dates and times as the server does", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-2-1")).toBe(false);
    expect(isTime("07:30")).toBe(true);
    expect(isTime("24:00")).toBe(true);
    expect(isTime("24:01")).toBe(false);
    expect(isTime("7:30")).toBe(false);
  });

  it("formats and totals a week", () => {
    const config: HoursConfig = {
      zone: "WITA",
      week: {
        "1": [
          { start: "13:00", end: "16:00" },
          { start: "07:30", end: "12:00" },
        ],
        "5": [{ start: "08:00", end: "11:30" }],
      },
    };
    expect(formatDayHours(config.week["1"], "WITA", "id")).toBe("07.30–12.00, 13.00–16.00 WITA");
    expect(formatDayHours(config.week["1"], "WITA", "en")).toBe("07:30–12:00, 13:00–16:00 WITA");
    expect(formatDayHours(undefined, "WIB", "id")).toBe("");
    expect(weekMinutes(config)).toBe(7.5 * 60 + 3.5 * 60);
  });

  it("finds what is wrong with a draft, keyed like the server's issue paths", () => {
    expect(
      hoursProblems({
        zone: "WIB",
        week: {
          "1": [{ start: "08:00", end: "07:00" }],
          "2": [
            { start: "07:30", end: "12:00" },
            { start: "11:00", end: "16:00" },
          ],
          "3": [{ start: "", end: "25:00" }],
        },
      }),
    ).toEqual({
      "week.1.0.end": "order",
      "week.2": "overlap",
      "week.3.0.start": "time",
      "week.3.0.end": "time",
    });
    expect(hoursProblems({ zone: "WIB", week: { "1": [], "6": [] } })).toEqual({ week: "noWorkingDay" });
    expect(hoursProblems({ zone: "WIB", week: { "6": [{ start: "08:00", end: "12:00" }] } })).toEqual({});
  });

  it("sends only working days, sessions in order; splits a day at lunch for a second session", () => {
    expect(
      cleanHours({
        zone: "WIT",
        week: {
          "1": [
            { start: "13:00", end: "16:00" },
            { start: "08:00", end: "12:00" },
          ],
          "2": [],
        },
      }),
    ).toEqual({
      zone: "WIT",
      week: {
        "1": [
          { start: "08:00", end: "12:00" },
          { start: "13:00", end: "16:00" },
        ],
      },
    });
    expect(withBreak({ start: "07:30", end: "16:00" })).toEqual([
      { start: "07:30", end: "12:00" },
      { start: "13:00", end: "16:00" },
    ]);
    expect(withBreak({ start: "13:00", end: "17:00" })).toEqual([
      { start: "13:00", end: "17:00" },
      { start: "", end: "" },
    ]);
  });
});
