import type { AppContext } from "../kernel/context";
import { systemActor } from "../kernel/identity/actor";
import type { UnitKind } from "../kernel/org/units";

/**
 * The demo office: KPKNL Bekasi in its real hierarchy, a sibling KPKNL to show scoping, and one
 * account per role. Loaded on first start when DEMO is on (default for a local SQLite start).
 */
export const DEMO_PASSWORD = "Demo-Zona-2026";

const UNITS: Array<{ code: string; name: string; kind: UnitKind; parent: string | null }> = [
  { code: "KEMENKEU", name: "Kementerian Keuangan", kind: "kementerian", parent: null },
  { code: "DJKN", name: "Direktorat Jenderal Kekayaan Negara", kind: "eselon1", parent: "KEMENKEU" },
  { code: "KANWIL-JABAR", name: "Kanwil DJKN Jawa Barat", kind: "kanwil", parent: "DJKN" },
  { code: "KPKNL-BEKASI", name: "KPKNL Bekasi", kind: "kantor", parent: "KANWIL-JABAR" },
  { code: "KPKNL-BANDUNG", name: "KPKNL Bandung", kind: "kantor", parent: "KANWIL-JABAR" },
];

export const DEMO_USERS: Array<{ email: string; name: string; roleKey: string; unit: string; nip?: string }> =
  [
    { email: "admin@zona.demo", name: "Administrator Zona", roleKey: "admin", unit: "KEMENKEU" },
    {
      email: "kepala.bekasi@zona.demo",
      name: "Kepala KPKNL Bekasi",
      roleKey: "head",
      unit: "KPKNL-BEKASI",
      nip: "197501012000031001",
    },
    {
      email: "koordinator.zi@zona.demo",
      name: "Koordinator Tim ZI",
      roleKey: "zi_coordinator",
      unit: "KPKNL-BEKASI",
    },
    { email: "anggota.zi@zona.demo", name: "Anggota Tim ZI", roleKey: "zi_member", unit: "KPKNL-BEKASI" },
    {
      email: "agen.perubahan@zona.demo",
      name: "Agen Perubahan",
      roleKey: "change_agent",
      unit: "KPKNL-BEKASI",
    },
    { email: "pegawai@zona.demo", name: "Pegawai KPKNL Bekasi", roleKey: "employee", unit: "KPKNL-BEKASI" },
    { email: "layanan@zona.demo", name: "Petugas Layanan", roleKey: "service_officer", unit: "KPKNL-BEKASI" },
    {
      email: "bendahara@zona.demo",
      name: "Bendahara Penerimaan",
      roleKey: "treasurer",
      unit: "KPKNL-BEKASI",
    },
    {
      email: "pejabat.lelang@zona.demo",
      name: "Pejabat Lelang",
      roleKey: "auction_official",
      unit: "KPKNL-BEKASI",
    },
    {
      email: "piutang@zona.demo",
      name: "Petugas Piutang Negara",
      roleKey: "receivables_officer",
      unit: "KPKNL-BEKASI",
    },
    {
      email: "kekayaan@zona.demo",
      name: "Petugas Kekayaan Negara",
      roleKey: "asset_officer",
      unit: "KPKNL-BEKASI",
    },
    { email: "media@zona.demo", name: "Petugas Media", roleKey: "media_officer", unit: "KPKNL-BEKASI" },
    {
      email: "kepala.kanwil@zona.demo",
      name: "Kepala Kanwil DJKN Jawa Barat",
      roleKey: "head",
      unit: "KANWIL-JABAR",
    },
    { email: "tpi@zona.demo", name: "Evaluator TPI Kanwil", roleKey: "tpi_evaluator", unit: "KANWIL-JABAR" },
    { email: "tpn@zona.demo", name: "Evaluator TPN", roleKey: "tpn_evaluator", unit: "KEMENKEU" },
    {
      email: "kepala.bandung@zona.demo",
      name: "Kepala KPKNL Bandung",
      roleKey: "head",
      unit: "KPKNL-BANDUNG",
    },
  ];

/** Idempotent: returns false when the demo office was already there. */
export async function seedDemo(ctx: AppContext): Promise<boolean> {
  if (await ctx.org.byCode("KEMENKEU")) return false;
  const system = systemActor("demo-seed");
  const ids = new Map<string, string>();
  for (const u of UNITS) {
    const unit = await ctx.org.create(system, {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: u.parent ? ids.get(u.parent)! : null,
    });
    ids.set(u.code, unit.id);
  }
  for (const u of DEMO_USERS) {
    await ctx.identity.createUser(system, {
      email: u.email,
      name: u.name,
      nip: u.nip ?? null,
      password: DEMO_PASSWORD,
      roleKey: u.roleKey,
      unitId: ids.get(u.unit)!,
    });
  }
  for (const m of ctx.modules) if (m.seedDemo) await m.seedDemo(ctx);
  return true;
}

export async function demoAccounts(ctx: AppContext) {
  const roles = new Map((await ctx.identity.listRoles()).map((r) => [r.key, r.name]));
  const unitNames = new Map(UNITS.map((u) => [u.code, u.name]));
  return DEMO_USERS.map((u) => ({
    email: u.email,
    password: DEMO_PASSWORD,
    roleKey: u.roleKey,
    roleName: roles.get(u.roleKey) ?? { id: u.roleKey, en: u.roleKey },
    unitName: unitNames.get(u.unit) ?? u.unit,
  }));
}
