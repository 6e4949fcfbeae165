/**
 * Wire types of the kernel's HTTP API as the browser sees them. Modules describe their own API in
 * their `contract.ts`; these are the kernel's (org, identity, audit, meta).
 */
import type { Zone } from "./format";

export interface LocalizedName {
  id: string;
  en: string;
}

export type UnitKind = "kementerian" | "eselon1" | "kanwil" | "kantor" | "kawasan";
export const UNIT_KINDS: UnitKind[] = ["kementerian", "eselon1", "kanwil", "kantor", "kawasan"];
export const ZONES: Zone[] = ["WIB", "WITA", "WIT"];

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  path: string;
  depth: number;
  zone: Zone;
  createdAt: string;
  updatedAt: string;
}

export interface MeUser {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  phone: string | null;
  status?: "active" | "disabled";
  totpEnabled: boolean;
}

export interface Assignment {
  id: string;
  roleKey: string;
  roleName: LocalizedName;
  unitId: string;
  unitCode: string;
  unitName: string;
}

export interface Me {
  user: MeUser;
  assignments: Assignment[];
  permissions: string[];
  csrfToken: string;
  demo: boolean;
}

export interface DemoAccount {
  email: string;
  roleKey: string;
  roleName: LocalizedName;
  unitName: string;
  password: string;
}

export interface Meta {
  name: string;
  version: string;
  demo: boolean;
  demoAccounts?: DemoAccount[];
}

export interface LoginResponse {
  user: MeUser;
  csrfToken: string;
}

export interface UserItem {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  phone: string | null;
  status: "active" | "disabled";
  assignments: Assignment[];
}

export interface Role {
  key: string;
  name: LocalizedName;
  permissions: string[];
  builtin: boolean;
}

export interface Permission {
  key: string;
  id: string;
  en: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorLabel: string;
  unitId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  data: unknown;
}

export interface AuditPage {
  items: AuditEvent[];
  nextBeforeSeq: number | null;
}

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the token, to recognise it; the secret is shown only once, at creation. */
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface Items<T> {
  items: T[];
}

export const ROLE_KEYS = [
  "admin",
  "head",
  "zi_coordinator",
  "zi_member",
  "change_agent",
  "employee",
  "service_officer",
  "treasurer",
  "auction_official",
  "receivables_officer",
  "asset_officer",
  "media_officer",
  "tpi_evaluator",
  "tpn_evaluator",
] as const;
