import { describe, expect, it } from "vitest";
import { jakartaDate } from "../../../kernel/calendar";
import { assertTeam, diffMembers, type MemberSpec, normaliseMember } from "./team";

const m = (userId: string, role: MemberSpec["role"], areaKey: MemberSpec["areaKey"] = null): MemberSpec => ({
  userId,
  role,
  areaKey,
});

describe("team decree", () => {
  it("area roles need an area; team-wide roles drop theirs", () => {
    expect(normaliseMember(m("a", "koordinator", "sdm"))).toEqual(m("a", "koordinator", null));
    expect(() => normaliseMember(m("a", "anggota"))).toThrow(
      expect.objectContaining({ code: "CM_AREA_REQUIRED" }),
    );
    expect(() => normaliseMember(m("a", "ketua_area"))).toThrow(
      expect.objectContaining({ code: "CM_AREA_REQUIRED" }),
    );
  });

  it("one person once, one penanggung jawab, one lead per area", () => {
    expect(() => assertTeam([m("a", "anggota", "sdm"), m("a", "anggota", "sdm")])).toThrow(
      expect.objectContaining({ code: "CM_MEMBER_DUPLICATE" }),
    );
    expect(() => assertTeam([m("a", "penanggung_jawab"), m("b", "penanggung_jawab")])).toThrow(
      expect.objectContaining({ code: "CM_TEAM_ONE_RESPONSIBLE" }),
    );
    expect(() => assertTeam([m("a", "ketua_area", "sdm"), m("b", "ketua_area", "sdm")])).toThrow(
      expect.objectContaining({ code: "CM_TEAM_ONE_LEAD", params: { area: "sdm" } }),
    );
    expect(
      assertTeam([m("a", "ketua_area", "sdm"), m("b", "ketua_area", "pengawasan"), m("c", "anggota", "sdm")]),
    ).toHaveLength(3);
  });

  it("diffs two memberships into added, removed and changed", () => {
    const before = [m("a", "koordinator"), m("b", "anggota", "sdm"), m("c", "anggota", "pengawasan")];
    const after = [m("a", "koordinator"), m("b", "ketua_area", "sdm"), m("d", "anggota", "tatalaksana")];
    expect(diffMembers(before, after)).toEqual([
      { kind: "removed", userId: "c", role: "anggota", areaKey: "pengawasan" },
      {
        kind: "changed",
        userId: "b",
        role: "ketua_area",
        areaKey: "sdm",
        previousRole: "anggota",
        previousAreaKey: "sdm",
      },
      { kind: "added", userId: "d", role: "anggota", areaKey: "tatalaksana" },
    ]);
    expect(diffMembers(before, before)).toEqual([]);
  });

  it("today is the Jakarta date (UTC+7)", () => {
    expect(jakartaDate(new Date("2026-11-27T16:59:00Z"))).toBe("2026-11-27");
    expect(jakartaDate(new Date("2026-11-27T17:00:00Z"))).toBe("2026-11-28");
  });
});
