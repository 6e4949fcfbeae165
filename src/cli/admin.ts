import type { Command } from "commander";
import { createDatabase, migrateUp, migrationStatus } from "../kernel/db";
import { DomainError, errorSpec, renderMessage } from "../kernel/http/errors";
import { ROLE_KEYS, systemActor } from "../kernel/identity";
import { seedDemo } from "../server/demo";
import { allModules } from "../server/modules";
import { cliConfig, out, readStdin, withContext } from "./context";

const cli = systemActor("cli");

function explain(err: unknown): never {
  if (err instanceof DomainError) {
    const spec = errorSpec(err.code);
    throw new Error(spec ? `${renderMessage(spec.en, err.params)} (${err.code})` : err.code);
  }
  throw err;
}

export function registerAdminCommands(program: Command) {
  const migrate = program.command("migrate").description("Migrasi basis data / database migrations");
  migrate
    .command("up", { isDefault: true })
    .description("apply every pending migration")
    .action(async (_o, cmd: Command) => {
      const config = cliConfig(cmd);
      const database = createDatabase(config.DATABASE_URL);
      try {
        const r = await migrateUp(
          database.db,
          allModules.map((m) => m.migrations ?? {}),
        );
        const applied = r.results?.filter((x) => x.status === "Success") ?? [];
        for (const a of applied) out(`applied ${a.migrationName}`);
        out(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
      } finally {
        await database.close();
      }
    });
  migrate
    .command("status")
    .description("list migrations and whether each is applied")
    .option("--json", "JSON output")
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const database = createDatabase(config.DATABASE_URL);
      try {
        // No catch: an unreachable database must fail (exit 2), not print an empty list and exit 0.
        const list = await migrationStatus(
          database.db,
          allModules.map((m) => m.migrations ?? {}),
        );
        if (o.json) return out(JSON.stringify(list));
        for (const m of list)
          out(`${m.executedAt ? "applied" : "pending"}  ${m.name}${m.executedAt ? `  ${m.executedAt}` : ""}`);
      } finally {
        await database.close();
      }
    });

  program
    .command("seed")
    .description("Muat data demo / load the demo office")
    .option("--demo", "load the demo office (units, one account per role)")
    .action(async (o: { demo?: boolean }, cmd: Command) => {
      if (!o.demo) throw new Error("nothing to seed: use --demo");
      await withContext(cmd, async (ctx) =>
        out((await seedDemo(ctx)) ? "demo office loaded" : "demo office already present"),
      );
    });

  const unit = program.command("unit").description("Unit kerja / work units");
  unit
    .command("list")
    .option("--json", "JSON output: [{ code, name, kind, parentCode }]")
    .action(async (o: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const units = await ctx.org.listInScope(cli);
        const codeOf = new Map(units.map((u) => [u.id, u.code]));
        const rows = units.map((u) => ({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parentCode: u.parentId ? (codeOf.get(u.parentId) ?? null) : null,
        }));
        if (o.json) return out(JSON.stringify(rows));
        for (const u of units) out(`${"  ".repeat(u.depth)}${u.code}  ${u.name} (${u.kind})`);
      });
    });

  const user = program.command("user").description("Pengguna / users");
  user
    .command("create")
    .description("create a user with one role at one unit; the password is read from standard input")
    .requiredOption("--email <email>")
    .requiredOption("--name <name>")
    .requiredOption("--role <role-key>", `one of: ${ROLE_KEYS.join(", ")}`)
    .requiredOption("--unit <unit-code>")
    .option("--nip <nip>")
    .action(
      async (o: { email: string; name: string; role: string; unit: string; nip?: string }, cmd: Command) => {
        const password = await readStdin();
        await withContext(cmd, async (ctx) => {
          const u = await ctx.org.byCode(o.unit);
          if (!u)
            throw new Error(`no work unit with code ${o.unit} (ORG_UNIT_NOT_FOUND); see \`zona unit list\``);
          const created = await ctx.identity
            .createUser(cli, {
              email: o.email,
              name: o.name,
              nip: o.nip ?? null,
              password,
              roleKey: o.role,
              unitId: u.id,
            })
            .catch(explain);
          out(`created ${created.email} (${created.id})`);
        });
      },
    );
  user
    .command("list")
    .option("--json", "JSON output")
    .action(async (o: { json?: boolean }, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const users = await ctx.identity.listUsers(cli);
        const rows = users.map((u) => ({
          email: u.email,
          name: u.name,
          nip: u.nip,
          status: u.status,
          roles: u.assignments.map((a) => ({ role: a.roleKey, unit: a.unitCode })),
        }));
        if (o.json) return out(JSON.stringify(rows));
        for (const r of rows)
          out(
            `${r.email.padEnd(32)} ${r.status.padEnd(9)} ${r.roles.map((x) => `${x.role}@${x.unit}`).join(", ")}`,
          );
      });
    });
  user
    .command("reset-password")
    .description("set a user's password (read from standard input) and end their sessions")
    .requiredOption("--email <email>")
    .action(async (o: { email: string }, cmd: Command) => {
      const password = await readStdin();
      await withContext(cmd, async (ctx) => {
        const u = (await ctx.identity.listUsers(cli, { q: o.email })).find(
          (x) => x.email === o.email.toLowerCase(),
        );
        if (!u) throw new Error(`no user with e-mail ${o.email}`);
        await ctx.identity.setPassword(cli, u.id, password).catch(explain);
        out(`password set for ${u.email}; their sessions were ended`);
      });
    });

  const audit = program.command("audit").description("Jejak audit / audit trail");
  audit
    .command("verify")
    .description("recompute the hash chain; exit 0 with count and head hash, or 1 naming the first bad row")
    .action(async (_o, cmd: Command) => {
      await withContext(cmd, async (ctx) => {
        const r = await ctx.audit.verify();
        if (r.ok) {
          out(`ok: ${r.count} events, head #${r.headSeq} ${r.headHash}`);
        } else {
          out(`BROKEN at event #${r.badSeq} (id ${r.badId}): ${r.reason}`);
          process.exitCode = 1;
        }
      });
    });
}
