import type { PermissionDef } from "../module";

/** The kernel's own permissions; modules add theirs in their manifests. */
export const kernelPermissions: PermissionDef[] = [
  { key: "org.unit.read", id: "Lihat unit kerja", en: "View work units" },
  { key: "org.unit.write", id: "Kelola unit kerja", en: "Manage work units" },
  { key: "identity.user.read", id: "Lihat pengguna", en: "View users" },
  { key: "identity.user.write", id: "Kelola pengguna dan peran", en: "Manage users and roles" },
  { key: "identity.role.write", id: "Kelola definisi peran", en: "Manage role definitions" },
  { key: "audit.read", id: "Lihat jejak audit", en: "View the audit trail" },
];

export interface RoleDef {
  key: string;
  name: { id: string; en: string };
  permissions: string[];
}

const staffBase = ["org.unit.read", "files.read", "files.upload"];

/**
 * The roles a KPKNL really has (issue: foundation). Each is a set of permissions, assigned at a unit
 * and covering its subtree. Modules extend them through their manifests' `grants`.
 */
export const builtinRoles: RoleDef[] = [
  {
    key: "admin",
    name: { id: "Administrator", en: "Administrator" },
    permissions: [
      "org.unit.read",
      "org.unit.write",
      "identity.user.read",
      "identity.user.write",
      "identity.role.write",
      "audit.read",
      "files.read",
      "files.upload",
    ],
  },
  {
    key: "head",
    name: { id: "Pimpinan (Kepala Kantor)", en: "Head of office" },
    permissions: [...staffBase, "identity.user.read", "audit.read"],
  },
  {
    key: "zi_coordinator",
    name: { id: "Koordinator Tim ZI", en: "ZI team coordinator" },
    permissions: [...staffBase, "identity.user.read", "audit.read"],
  },
  { key: "zi_member", name: { id: "Anggota Tim ZI", en: "ZI team member" }, permissions: [...staffBase] },
  { key: "change_agent", name: { id: "Agen Perubahan", en: "Change agent" }, permissions: [...staffBase] },
  { key: "employee", name: { id: "Pegawai", en: "Employee" }, permissions: [...staffBase] },
  {
    key: "service_officer",
    name: { id: "Petugas Layanan", en: "Service officer" },
    permissions: [...staffBase],
  },
  {
    key: "treasurer",
    name: { id: "Bendahara Penerimaan", en: "Receiving treasurer" },
    permissions: [...staffBase],
  },
  {
    key: "auction_official",
    name: { id: "Pejabat Lelang", en: "Auction official" },
    permissions: [...staffBase],
  },
  {
    key: "receivables_officer",
    name: { id: "Petugas Piutang Negara", en: "Receivables officer" },
    permissions: [...staffBase],
  },
  {
    key: "asset_officer",
    name: { id: "Petugas Kekayaan Negara (BMN)", en: "Asset officer" },
    permissions: [...staffBase],
  },
  { key: "media_officer", name: { id: "Petugas Media", en: "Media officer" }, permissions: [...staffBase] },
  {
    key: "tpi_evaluator",
    name: { id: "Evaluator Internal (TPI)", en: "Internal evaluator (TPI)" },
    permissions: ["org.unit.read", "files.read", "audit.read"],
  },
  {
    key: "tpn_evaluator",
    name: { id: "Evaluator Nasional (TPN)", en: "National evaluator (TPN)" },
    permissions: ["org.unit.read", "files.read"],
  },
];

export const ROLE_KEYS = builtinRoles.map((r) => r.key);

/**
 * Built-in roles with every module's grants merged in (deduplicated, sorted). The administrator
 * also holds every permission any built-in role has — it creates those users, and may only hand out
 * roles whose permissions it holds — except the `sensitive` ones (see PermissionDef).
 */
export function resolveBuiltinRoles(
  grants: Array<Record<string, string[]> | undefined>,
  sensitive: ReadonlySet<string> = new Set(),
): RoleDef[] {
  const roles = builtinRoles.map((r) => {
    const extra = grants.flatMap((g) => g?.[r.key] ?? []);
    return { ...r, permissions: [...new Set([...r.permissions, ...extra])].sort() };
  });
  const everything = new Set(roles.flatMap((r) => r.permissions).filter((p) => !sensitive.has(p)));
  return roles.map((r) =>
    r.key === "admin" ? { ...r, permissions: [...new Set([...r.permissions, ...everything])].sort() } : r,
  );
}
