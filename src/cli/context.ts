import type { Command } from "commander";
import { type Config, loadConfig } from "../kernel/config/config";
import type { AppContext } from "../kernel/context";
import { createDatabase, type Database } from "../kernel/db";
import { createLogger } from "../kernel/logging";
import { buildContext } from "../server/app";

export function cliConfig(cmd: Command): Config {
  const opts = cmd.optsWithGlobals() as { databaseUrl?: string };
  return loadConfig({ ...process.env, ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}) });
}

/** Open the database and build the services for one CLI command; logs go to stderr, quietly. */
export async function withContext<T>(
  cmd: Command,
  fn: (ctx: AppContext, db: Database) => Promise<T>,
): Promise<T> {
  const config = cliConfig(cmd);
  const database = createDatabase(config.DATABASE_URL);
  try {
    // Errors only unless LOG_LEVEL is set: the server-side warnings (e.g. "SMTP_URL is not set") are
    // noise on every command's stderr and would drown the one line a script needs.
    const level = process.env.LOG_LEVEL ? config.LOG_LEVEL : "error";
    const ctx = await buildContext({ config, database, logger: createLogger(level, process.stderr as any) });
    return await fn(ctx, database);
  } finally {
    await database.close();
  }
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new Error("reads the password from standard input: pipe it in, e.g. `echo 'secret' | zona …`");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function out(s: string) {
  process.stdout.write(`${s}\n`);
}
