import type { TFunction } from "i18next";

/**
 * A person's words for an audit action ('identity.user.created' → 'Pengguna dibuat'); actions
 * without a translation (a module's own) show their code.
 */
export function auditActionLabel(t: TFunction, action: string): string {
  return t(`admin.audit.actions.${action.replace(/\./g, "_")}`, { defaultValue: action });
}
