import { describe, expect, it } from "vitest";
import type { WebModule } from "../../ui/module";
import { adminModule } from "../admin/routes";
import { activeNavPath, buildNav, homeCards } from "./nav";

const zi: WebModule = {
  name: "zona-integritas",
  titleKey: "zi:title",
  nav: [
    { path: "/zi", labelKey: "zi:nav.overview" },
    { path: "/zi/lke", labelKey: "zi:nav.worksheet", permission: "zi.answer.read" },
    { path: "/zi/penilaian", labelKey: "zi:nav.review", permission: "zi.review.write" },
  ],
  routes: [],
  homeCard: { titleKey: "zi:title", descriptionKey: "zi:card", path: "/zi", permission: "zi.answer.read" },
};

describe("buildNav", () => {
  it("keeps only the items whose permission the user holds", () => {
    const nav = buildNav([zi, adminModule], ["zi.answer.read", "audit.read"]);
    expect(nav.map((g) => g.name)).toEqual(["zona-integritas", "admin"]);
    expect(nav[0]!.items.map((i) => i.path)).toEqual(["/zi", "/zi/lke"]);
    expect(nav[1]!.items.map((i) => i.path)).toEqual(["/admin/audit"]);
  });

  it("drops a module entirely when none of its items is allowed", () => {
    const nav = buildNav([adminModule], ["files.read"]);
    expect(nav).toEqual([]);
  });

  it("shows every admin page to an administrator, in module order", () => {
    const nav = buildNav([adminModule], ["org.unit.read", "identity.user.read", "audit.read"]);
    expect(nav[0]!.items.map((i) => i.labelKey)).toEqual([
      "admin.nav.units",
      "admin.nav.users",
      "admin.nav.audit",
    ]);
  });

  it("items without a permission are open to every signed-in user", () => {
    expect(buildNav([zi], [])[0]!.items.map((i) => i.path)).toEqual(["/zi"]);
  });
});

describe("homeCards", () => {
  it("offers a card per module the user may use", () => {
    expect(homeCards([zi, adminModule], ["zi.answer.read"]).map((c) => c.module)).toEqual([
      "zona-integritas",
    ]);
    expect(homeCards([zi, adminModule], ["identity.user.read"]).map((c) => c.module)).toEqual(["admin"]);
    expect(homeCards([zi, adminModule], [])).toEqual([]);
  });
});

describe("activeNavPath", () => {
  const nav = buildNav([zi], ["zi.answer.read"]);
  it("prefers the longest matching prefix", () => {
    expect(activeNavPath(nav, "/zi/lke/area-1")).toBe("/zi/lke");
    expect(activeNavPath(nav, "/zi")).toBe("/zi");
  });
  it("does not match a sibling that merely shares letters", () => {
    expect(activeNavPath(nav, "/zip")).toBeUndefined();
  });
});
