import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import type { Command } from "commander";
import { openSqlite, sqlitePath } from "../kernel/db";
import { cliConfig, out } from "./context";

export function registerDataCommands(program: Command) {
  program
    .command("backup <file>")
    .description(
      "Cadangkan basis data / back up the database (SQLite online backup; PostgreSQL: prints the pg_dump command)",
    )
    .action(async (file: string, _o, cmd: Command) => {
      const config = cliConfig(cmd);
      if (!config.DATABASE_URL.startsWith("file:")) {
        out(
          `PostgreSQL: run\n  pg_dump --format=custom --file=${JSON.stringify(file)} "${redact(config.DATABASE_URL)}"`,
        );
        return;
      }
      const source = sqlitePath(config.DATABASE_URL);
      if (!existsSync(source)) throw new Error(`no database at ${source}`);
      const conn = openSqlite(source);
      try {
        // SQLite's online backup API: consistent while the server keeps running.
        mkdirSync(dirname(resolve(file)), { recursive: true });
        await conn.backup(resolve(file));
      } finally {
        conn.close();
      }
      out(`backup written to ${resolve(file)}`);
    });

  program
    .command("restore <file>")
    .description("Pulihkan basis data dari cadangan / restore from a backup (stop the server first)")
    .action(async (file: string, _o, cmd: Command) => {
      const config = cliConfig(cmd);
      if (!config.DATABASE_URL.startsWith("file:")) {
        out(
          `PostgreSQL: run\n  pg_restore --clean --if-exists --dbname="${redact(config.DATABASE_URL)}" ${JSON.stringify(file)}`,
        );
        return;
      }
      const src = resolve(file);
      if (!existsSync(src)) throw new Error(`no backup at ${src}`);
      const backup = new SQLite(src, { readonly: true, fileMustExist: true });
      try {
        let check: unknown;
        try {
          check = backup.pragma("integrity_check", { simple: true });
        } catch (err) {
          throw new Error(
            `${src} is not a readable SQLite database, so not a Zona backup (${err instanceof Error ? err.message : String(err)})`,
          );
        }
        if (check !== "ok") throw new Error(`backup failed its integrity check: ${String(check)}`);
        const hasAudit = backup
          .prepare("select count(*) n from sqlite_master where name = 'audit_events'")
          .get() as { n: number };
        if (!hasAudit.n) throw new Error("this file is not a Zona database backup");
        const target = sqlitePath(config.DATABASE_URL);
        for (const suffix of ["-wal", "-shm"]) rmSync(target + suffix, { force: true });
        mkdirSync(dirname(target), { recursive: true });
        await backup.backup(target);
      } finally {
        backup.close();
      }
      out(`restored ${src} into ${sqlitePath(config.DATABASE_URL)}`);
    });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}
