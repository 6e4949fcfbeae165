/**
 * What the crash proof checks after every kill, on the database file the killed server left behind
 * (read-only: the next server start must find the file exactly as the crash left it, hot WAL and
 * all, and do its own recovery).
 */
import SQLite from "better-sqlite3";
import { decodeEvent, verifier } from "../../../src/kernel/audit";
import { SUBMITTERS } from "./submitters";

export interface CheckResult {
  /** Problems with the file itself: integrity, foreign keys, the audit chain. */
  broken: string[];
  /** Acknowledged submissions not found complete: kind → identities. */
  lost: Record<string, string[]>;
  auditEvents: number;
}

/** Check `file` against everything acknowledged so far (kind → identities). */
export function checkDatabase(
  file: string,
  acknowledged: Map<string, Set<string>>,
  filesDir = "",
): CheckResult {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const broken: string[] = [];
    const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== "ok")
      broken.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join("; ")}`);
    const fk = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
    if (fk.length)
      broken.push(
        `foreign_key_check: ${fk.length} row(s), e.g. ${fk
          .slice(0, 3)
          .map((r) => `${r.table}#${r.rowid} → ${r.parent}`)
          .join(", ")}`,
      );

    const v = verifier();
    for (const row of db.prepare("select * from audit_events order by seq").iterate())
      if (!v.step(decodeEvent(row as Record<string, unknown>))) break;
    const audit = v.result();
    if (!audit.ok) broken.push(`audit chain: broken at #${audit.badSeq} (${audit.badId}): ${audit.reason}`);

    const lost: Record<string, string[]> = {};
    for (const s of SUBMITTERS) {
      const acked = acknowledged.get(s.kind);
      if (!acked?.size) continue;
      const found = s.present(db, filesDir);
      const missing = [...acked].filter((id) => !found.has(id));
      if (missing.length) lost[s.kind] = missing;
    }
    return { broken, lost, auditEvents: audit.count };
  } finally {
    db.close();
  }
}
