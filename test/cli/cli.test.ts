/**
 * The `zona` command's contract, driven end to end: every test spawns the real CLI
 * (`node bin/zona.mjs …`, tsx loading the TypeScript) against its own temporary SQLite file, and
 * inspects the database directly with better-sqlite3. docs/cli.md describes the same contract.
 *
 * Each CLI call costs ~1–2 s of start-up, so each describe shares one database across its tests
 * (the tests inside a describe run in order) and independent calls run in parallel.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(REPO, "bin", "zona.mjs");
const SLOW = 120_000;

const COMMANDS = ["serve", "migrate", "seed", "unit", "user", "audit", "backup", "restore"];
const DEMO_UNITS = ["KEMENKEU", "DJKN", "KANWIL-JABAR", "KPKNL-BEKASI", "KPKNL-BANDUNG"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A clean environment: the developer's DATABASE_URL, LOG_LEVEL, PORT… never leak into a test.
 * NODE_ENV is left unset (development), so no production-only requirements apply.
 */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { TZ: "UTC" };
  for (const k of ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT"])
    if (process.env[k]) env[k] = process.env[k]!;
  return env;
}

function run(
  command: string,
  args: string[],
  opts: { env: Record<string, string>; input?: string; cwd?: string },
): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd ?? REPO,
      env: opts.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.on("error", () => {}); // the CLI may exit before reading stdin
    child.stdin.end(opts.input ?? "");
  });
}

/** One temporary directory with its own SQLite file and files directory. */
function workspace(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `zona-cli-${label}-`));
  const dbPath = join(dir, "zona.db");
  const env = (extra: Record<string, string> = {}) => ({
    ...baseEnv(),
    DATABASE_URL: `file:${dbPath}`,
    FILES_DIR: join(dir, "files"),
    ...extra,
  });
  /** `zona <args>`; `extra` overrides the environment (e.g. another DATABASE_URL). */
  const zona = (args: string[], o: { input?: string; env?: Record<string, string> } = {}) =>
    run(process.execPath, [BIN, ...args], { env: env(o.env), input: o.input, cwd: dir });
  return { dir, dbPath, env, zona, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Open a SQLite file directly (only while no CLI process is using it), and always close it. */
function withDb<T>(path: string, fn: (db: SQLite.Database) => T): T {
  const db = new SQLite(path, { fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const count = (path: string, table: string) =>
  withDb(path, (db) => (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n);
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function expectOk(r: Run) {
  expect(r.code, `exit code; stderr:\n${r.stderr}`).toBe(0);
}

/** Any failure but the audit verdict exits 2, with one `error: …` line (or the config report) on stderr. */
function expectError(r: Run, message: RegExp) {
  expect(r.code, `expected a failure; stdout:\n${r.stdout}`).toBe(2);
  expect(r.stderr).toMatch(message);
}

const VERIFY_OK = /^ok: (\d+) events, head #(\d+) ([0-9a-f]{64})$/;
const VERIFY_BROKEN = /^BROKEN at event #(\d+) \(id ([^)]+)\): (.+)$/;

// ---------------------------------------------------------------------------------------------------

describe("zona --help", () => {
  const ws = workspace("help");
  afterAll(() => ws.cleanup());

  it(
    "lists every command and exits 0",
    async () => {
      const r = await ws.zona(["--help"]);
      expectOk(r);
      const commands = r.stdout.slice(r.stdout.indexOf("Commands:"));
      for (const c of COMMANDS) expect(commands).toMatch(new RegExp(`^  ${c}\\b`, "m"));
      expect(r.stdout).toContain("--database-url");
    },
    SLOW,
  );

  it(
    "is installed as the package's `zona` bin: `npx --no-install zona --help` works from the repository root",
    async () => {
      const env = { ...process.env } as Record<string, string>;
      delete env.DATABASE_URL;
      const r = await run("npx", ["--no-install", "zona", "--help"], { env, cwd: REPO });
      expectOk(r);
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    },
    SLOW,
  );

  it(
    "usage errors exit 2 (never 1, which means a broken audit chain) and name the problem",
    async () => {
      const [unknown, missing, seedWithoutDemo] = await Promise.all([
        ws.zona(["frobnicate"]),
        ws.zona(["user", "create", "--email", "x@example.go.id"]),
        ws.zona(["seed"]),
      ]);
      expectError(unknown, /unknown command 'frobnicate'/);
      expectError(missing, /required option '--name <name>' not specified/);
      expectError(seedWithoutDemo, /nothing to seed: use --demo/);
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------------------

describe("zona migrate", () => {
  const ws = workspace("migrate");
  let applied: string[] = [];
  afterAll(() => ws.cleanup());

  it(
    "applies every migration on a fresh database and prints each",
    async () => {
      const r = await ws.zona(["migrate"]);
      expectOk(r);
      const lines = r.stdout.trim().split("\n");
      applied = lines.filter((l) => l.startsWith("applied ")).map((l) => l.slice("applied ".length));
      expect(applied.length).toBeGreaterThan(0);
      for (const name of applied) expect(name).toMatch(/^\d{8}T\d{4}_[a-z][a-z0-9]*_[a-z0-9_]+$/);
      expect(lines.at(-1)).toBe(`${applied.length} migration(s) applied`);
      // The audit table is among them, and the migration table records them all.
      expect(applied.some((n) => n.endsWith("_audit_events"))).toBe(true);
      expect(count(ws.dbPath, "zona_migrations")).toBe(applied.length);
    },
    SLOW,
  );

  it(
    "`migrate status` shows every migration applied, as text and as JSON; `migrate` again is up to date",
    async () => {
      const [text, json, again, explicitUp] = await Promise.all([
        ws.zona(["migrate", "status"]),
        ws.zona(["migrate", "status", "--json"]),
        ws.zona(["migrate"]),
        ws.zona(["migrate", "up"]),
      ]);
      expectOk(text);
      const rows = text.stdout.trim().split("\n");
      expect(rows).toHaveLength(applied.length);
      for (const [i, row] of rows.entries()) {
        expect(row).toMatch(new RegExp(`^applied  ${applied[i]}  \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$`));
      }

      expectOk(json);
      const list = JSON.parse(json.stdout) as Array<{ name: string; executedAt: string | null }>;
      expect(list.map((m) => m.name)).toEqual(applied);
      for (const m of list) expect(Number.isNaN(Date.parse(m.executedAt ?? ""))).toBe(false);

      for (const r of [again, explicitUp]) {
        expectOk(r);
        expect(r.stdout.trim()).toBe("database is up to date");
      }
    },
    SLOW,
  );

  it(
    "`migrate status` on a fresh database lists every migration as pending",
    async () => {
      const r = await ws.zona(["migrate", "status", "--json"], {
        env: { DATABASE_URL: `file:${join(ws.dir, "fresh", "z.db")}` },
      });
      expectOk(r);
      const list = JSON.parse(r.stdout) as Array<{ name: string; executedAt: string | null }>;
      expect(list.map((m) => m.name)).toEqual(applied);
      expect(list.every((m) => m.executedAt === null)).toBe(true);
    },
    SLOW,
  );

  it(
    "`migrate status` fails (exit 2) when the database cannot be reached, instead of printing nothing",
    async () => {
      const r = await ws.zona(["migrate", "status"], {
        env: { DATABASE_URL: "postgres://u:p@127.0.0.1:1/x" },
      });
      expectError(r, /^error: .*ECONNREFUSED/m);
      expect(r.stdout).toBe("");
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------------------

describe("zona seed, unit list, user create/list/reset-password", () => {
  const ws = workspace("users");
  afterAll(() => ws.cleanup());

  const email = "siti.rahmawati@kemenkeu.example";
  const password = "Kuat-Sekali-2026!";
  const hashOf = (e: string) =>
    withDb(
      ws.dbPath,
      (db) =>
        (db.prepare("select password_hash h from users where email = ?").get(e) as { h: string } | undefined)
          ?.h,
    );

  it(
    "`seed --demo` loads the demo office once; a second run says it is already present",
    async () => {
      const first = await ws.zona(["seed", "--demo"]);
      expectOk(first);
      expect(first.stdout.trim()).toBe("demo office loaded");
      const usersAfterFirst = count(ws.dbPath, "users");
      expect(usersAfterFirst).toBeGreaterThan(0);

      const second = await ws.zona(["seed", "--demo"]);
      expectOk(second);
      expect(second.stdout.trim()).toBe("demo office already present");
      expect(count(ws.dbPath, "users")).toBe(usersAfterFirst);
      expect(count(ws.dbPath, "units")).toBe(DEMO_UNITS.length);
    },
    SLOW,
  );

  it(
    "`unit list --json` prints [{code,name,kind,parentCode}] with the demo hierarchy",
    async () => {
      const [json, text] = await Promise.all([
        ws.zona(["unit", "list", "--json"]),
        ws.zona(["unit", "list"]),
      ]);
      expectOk(json);
      const units = JSON.parse(json.stdout) as Array<{
        code: string;
        name: string;
        kind: string;
        parentCode: string | null;
      }>;
      for (const u of units) expect(Object.keys(u).sort()).toEqual(["code", "kind", "name", "parentCode"]);
      expect(units.map((u) => u.code).sort()).toEqual([...DEMO_UNITS].sort());
      const parent = Object.fromEntries(units.map((u) => [u.code, u.parentCode]));
      expect(parent).toEqual({
        KEMENKEU: null,
        DJKN: "KEMENKEU",
        "KANWIL-JABAR": "DJKN",
        "KPKNL-BEKASI": "KANWIL-JABAR",
        "KPKNL-BANDUNG": "KANWIL-JABAR",
      });
      // Parents come before their children, so a script can create them in the printed order.
      const position = new Map(units.map((u, i) => [u.code, i]));
      for (const u of units)
        if (u.parentCode) expect(position.get(u.parentCode)!).toBeLessThan(position.get(u.code)!);
      const bekasi = units.find((u) => u.code === "KPKNL-BEKASI")!;
      expect(bekasi).toEqual({
        code: "KPKNL-BEKASI",
        name: "KPKNL Bekasi",
        kind: "kantor",
        parentCode: "KANWIL-JABAR",
      });

      // Text: an indented tree, one unit per line.
      expectOk(text);
      expect(text.stdout).toMatch(/^KEMENKEU {2}Kementerian Keuangan \(kementerian\)$/m);
      expect(text.stdout).toMatch(/^ {6}KPKNL-BEKASI {2}KPKNL Bekasi \(kantor\)$/m);
    },
    SLOW,
  );

  it(
    "`user create` reads the password from standard input; `user list --json` shows the user and role",
    async () => {
      const r = await ws.zona(
        [
          "user",
          "create",
          "--email",
          email,
          "--name",
          "Siti Rahmawati",
          "--role",
          "employee",
          "--unit",
          "KPKNL-BEKASI",
          "--nip",
          "198001012005012001",
        ],
        {
          input: `${password}\n`,
        },
      );
      expectOk(r);
      expect(r.stdout.trim()).toMatch(
        new RegExp(`^created ${email.replace(/\./g, "\\.")} \\([0-9a-f-]{36}\\)$`),
      );
      expect(hashOf(email)).toMatch(/^\$argon2/);

      const list = await ws.zona(["user", "list", "--json"]);
      expectOk(list);
      const users = JSON.parse(list.stdout) as Array<{
        email: string;
        name: string;
        nip: string | null;
        status: string;
        roles: Array<{ role: string; unit: string }>;
      }>;
      expect(users.find((u) => u.email === email)).toEqual({
        email,
        name: "Siti Rahmawati",
        nip: "198001012005012001",
        status: "active",
        roles: [{ role: "employee", unit: "KPKNL-BEKASI" }],
      });
      expect(users.find((u) => u.email === "admin@zona.demo")?.roles).toEqual([
        { role: "admin", unit: "KEMENKEU" },
      ]);
    },
    SLOW,
  );

  it(
    "`user create` refuses a bad role, an unknown unit, a weak password and a taken e-mail (exit 2, clear message)",
    async () => {
      const create = (e: string, role: string, unit: string, pw: string) =>
        ws.zona(["user", "create", "--email", e, "--name", "Budi", "--role", role, "--unit", unit], {
          input: `${pw}\n`,
        });
      const usersBefore = count(ws.dbPath, "users");
      const [badRole, badUnit, weak, taken] = await Promise.all([
        create("budi.a@kemenkeu.example", "superuser", "KPKNL-BEKASI", password),
        create("budi.b@kemenkeu.example", "employee", "KPKNL-NOWHERE", password),
        create("budi.c@kemenkeu.example", "employee", "KPKNL-BEKASI", "pendek"),
        create(email, "employee", "KPKNL-BEKASI", password),
      ]);
      expectError(badRole, /^error: Unknown role superuser\. \(IDENTITY_ROLE_NOT_FOUND\)$/m);
      expectError(badUnit, /^error: no work unit with code KPKNL-NOWHERE \(ORG_UNIT_NOT_FOUND\)/m);
      expectError(weak, /^error: The password is too weak \(too_short\)\..*\(IDENTITY_WEAK_PASSWORD\)$/m);
      expectError(taken, /already registered.*\(IDENTITY_EMAIL_TAKEN\)/);
      for (const r of [badRole, badUnit, weak, taken]) expect(r.stdout).toBe("");
      expect(count(ws.dbPath, "users")).toBe(usersBefore);
    },
    SLOW,
  );

  it(
    "`user reset-password` sets the password read from standard input (the stored hash changes)",
    async () => {
      const before = hashOf(email);
      const r = await ws.zona(["user", "reset-password", "--email", email.toUpperCase()], {
        input: "Lebih-Kuat-Lagi-2027?\n",
      });
      expectOk(r);
      expect(r.stdout.trim()).toBe(`password set for ${email}; their sessions were ended`);
      const after = hashOf(email);
      expect(after).toMatch(/^\$argon2/);
      expect(after).not.toBe(before);
    },
    SLOW,
  );

  it(
    "`user reset-password` refuses an unknown e-mail and a weak password, leaving the hash as it was",
    async () => {
      const before = hashOf(email);
      const [unknown, weak] = await Promise.all([
        ws.zona(["user", "reset-password", "--email", "nobody@kemenkeu.example"], {
          input: "Lebih-Kuat-Lagi-2027?\n",
        }),
        ws.zona(["user", "reset-password", "--email", email], { input: "short\n" }),
      ]);
      expectError(unknown, /^error: no user with e-mail nobody@kemenkeu\.example$/m);
      expectError(weak, /too weak.*\(IDENTITY_WEAK_PASSWORD\)/);
      expect(hashOf(email)).toBe(before);
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------------------

describe("zona audit verify", () => {
  const ws = workspace("audit");
  let events = 0;
  afterAll(() => ws.cleanup());

  beforeAll(async () => {
    expectOk(await ws.zona(["seed", "--demo"]));
    events = count(ws.dbPath, "audit_events");
  }, SLOW);

  it(
    "exits 0 and prints `ok: <count> events, head #<n> <hash>` matching the stored chain",
    async () => {
      expect(events).toBeGreaterThanOrEqual(10);
      const r = await ws.zona(["audit", "verify"]);
      expectOk(r);
      const m = VERIFY_OK.exec(r.stdout.trim());
      expect(m, r.stdout).not.toBeNull();
      const head = withDb(
        ws.dbPath,
        (db) =>
          db.prepare("select seq, hash from audit_events order by seq desc limit 1").get() as {
            seq: number;
            hash: string;
          },
      );
      expect(Number(m![1])).toBe(events);
      expect(Number(m![2])).toBe(head.seq);
      expect(m![3]).toBe(head.hash);
    },
    SLOW,
  );

  it(
    "names the first bad row exactly (exit 1) after an edit, a deletion and a reordering",
    async () => {
      const edited = Math.floor(events / 3); // (a) one row's data changed
      const deleted = Math.floor(events / 2); // (b) one row in the middle removed
      const [swapA, swapB] = [Math.floor(events / 4) + 1, events - 2]; // (c) two rows' positions swapped
      expect(new Set([edited, deleted, swapA, swapB]).size).toBe(4);

      // Three copies of the database, each made with `zona backup` (consistent, no process holds them).
      const copies = {
        edit: join(ws.dir, "edit.db"),
        delete: join(ws.dir, "delete.db"),
        reorder: join(ws.dir, "reorder.db"),
      };
      for (const r of await Promise.all(Object.values(copies).map((f) => ws.zona(["backup", f]))))
        expectOk(r);

      const idAt = (path: string, seq: number) =>
        withDb(
          path,
          (db) => (db.prepare("select id from audit_events where seq = ?").get(seq) as { id: string }).id,
        );
      const editedId = idAt(copies.edit, edited);
      const afterGapId = idAt(copies.delete, deleted + 1);
      const swappedInId = idAt(copies.reorder, swapB); // ends up at position swapA

      withDb(copies.edit, (db) => {
        const row = db.prepare("select data from audit_events where seq = ?").get(edited) as { data: string };
        const data = { ...JSON.parse(row.data), tampered: true };
        expect(
          db.prepare("update audit_events set data = ? where seq = ?").run(JSON.stringify(data), edited)
            .changes,
        ).toBe(1);
      });
      withDb(copies.delete, (db) => {
        expect(db.prepare("delete from audit_events where seq = ?").run(deleted).changes).toBe(1);
      });
      withDb(copies.reorder, (db) => {
        // Swap the positions of two rows via a temporary value (seq is the primary key).
        db.transaction(() => {
          db.prepare("update audit_events set seq = -1 where seq = ?").run(swapA);
          db.prepare("update audit_events set seq = ? where seq = ?").run(swapA, swapB);
          db.prepare("update audit_events set seq = ? where seq = -1").run(swapB);
        })();
      });

      const verify = (path: string) =>
        ws.zona(["audit", "verify"], { env: { DATABASE_URL: `file:${path}` } });
      const [edit, del, reorder] = await Promise.all([
        verify(copies.edit),
        verify(copies.delete),
        verify(copies.reorder),
      ]);

      const broken = (r: Run) => {
        expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(1);
        const m = VERIFY_BROKEN.exec(r.stdout.trim());
        expect(m, r.stdout).not.toBeNull();
        return { seq: Number(m![1]), id: m![2], reason: m![3] };
      };
      expect(broken(edit)).toEqual({
        seq: edited,
        id: editedId,
        reason: "hash mismatch (this row's content was changed)",
      });
      expect(broken(del)).toEqual({
        seq: deleted + 1,
        id: afterGapId,
        reason: `sequence gap: expected #${deleted}, found #${deleted + 1} (a row was deleted)`,
      });
      expect(broken(reorder)).toEqual({
        seq: swapA,
        id: swappedInId,
        reason: "previous-hash link broken (a row before it was changed, removed or reordered)",
      });

      // The original is untouched and still verifies.
      const original = await ws.zona(["audit", "verify"]);
      expectOk(original);
      expect(original.stdout).toMatch(new RegExp(`^ok: ${events} events, head #${events} `));
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------------------

describe("zona backup / restore", () => {
  const ws = workspace("backup");
  const backupFile = join(ws.dir, "backups", "nightly", "zona-backup.db"); // the folder does not exist yet
  const restoredPath = join(ws.dir, "restored", "zona.db"); // neither does this one
  const restoredEnv = { DATABASE_URL: `file:${restoredPath}` };
  const tables = ["audit_events", "users", "units", "role_assignments", "zona_migrations"];
  let sourceCounts: Record<string, number> = {};
  let sourceHead = "";
  afterAll(() => ws.cleanup());

  beforeAll(async () => {
    expectOk(await ws.zona(["seed", "--demo"]));
    sourceCounts = Object.fromEntries(tables.map((t) => [t, count(ws.dbPath, t)]));
    const v = await ws.zona(["audit", "verify"]);
    expectOk(v);
    sourceHead = v.stdout.trim();
  }, SLOW);

  it(
    "`backup <file>` writes a consistent copy (integrity ok, same rows)",
    async () => {
      const r = await ws.zona(["backup", backupFile]);
      expectOk(r);
      expect(r.stdout.trim()).toBe(`backup written to ${backupFile}`);
      withDb(backupFile, (db) => expect(db.pragma("integrity_check", { simple: true })).toBe("ok"));
      for (const t of tables) expect(count(backupFile, t), t).toBe(sourceCounts[t]);
    },
    SLOW,
  );

  it(
    "`restore <file>` into a fresh DATABASE_URL restores it: same rows, and the audit chain verifies",
    async () => {
      expect(existsSync(restoredPath)).toBe(false);
      const r = await ws.zona(["restore", backupFile], { env: restoredEnv });
      expectOk(r);
      expect(r.stdout.trim()).toBe(`restored ${backupFile} into ${restoredPath}`);
      for (const t of tables) expect(count(restoredPath, t), t).toBe(sourceCounts[t]);

      const v = await ws.zona(["audit", "verify"], { env: restoredEnv });
      expectOk(v);
      expect(v.stdout.trim()).toBe(sourceHead);
    },
    SLOW,
  );

  it(
    "refuses a non-Zona SQLite file and a garbage file with a clear message, leaving the target untouched",
    async () => {
      const foreign = join(ws.dir, "foreign.db");
      const f = new SQLite(foreign); // a valid SQLite database, but not Zona's
      f.exec("create table notes (id integer primary key, body text); insert into notes (body) values ('x')");
      f.close();
      const garbage = join(ws.dir, "garbage.db");
      writeFileSync(garbage, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
      const missing = join(ws.dir, "no-such-backup.db");
      const freshPath = join(ws.dir, "never", "zona.db");

      const targetBefore = sha256(restoredPath);
      const intoExisting = (f: string) => ws.zona(["restore", f], { env: restoredEnv });
      const intoFresh = (f: string) =>
        ws.zona(["restore", f], { env: { DATABASE_URL: `file:${freshPath}` } });
      const [foreignR, garbageR, missingR, foreignFresh, garbageFresh] = await Promise.all([
        intoExisting(foreign),
        intoExisting(garbage),
        intoExisting(missing),
        intoFresh(foreign),
        intoFresh(garbage),
      ]);
      for (const r of [foreignR, foreignFresh])
        expectError(r, /^error: this file is not a Zona database backup$/m);
      for (const r of [garbageR, garbageFresh])
        expectError(
          r,
          new RegExp(
            `^error: ${garbage.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not a readable SQLite database`,
            "m",
          ),
        );
      expectError(
        missingR,
        new RegExp(`^error: no backup at ${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"),
      );
      for (const r of [foreignR, garbageR, missingR, foreignFresh, garbageFresh]) expect(r.stdout).toBe("");

      expect(sha256(restoredPath)).toBe(targetBefore);
      expect(existsSync(freshPath)).toBe(false);
    },
    SLOW,
  );

  it(
    "with a postgres:// DATABASE_URL, prints the pg_dump / pg_restore command with the password redacted, without connecting",
    async () => {
      const env = { DATABASE_URL: "postgres://zona:hunter2-secret@127.0.0.1:1/zona" };
      const [backup, restore] = await Promise.all([
        ws.zona(["backup", "/srv/backups/zona.dump"], { env }),
        ws.zona(["restore", "/srv/backups/zona.dump"], { env }),
      ]);
      // Port 1 refuses connections: exit 0 proves neither command tried to connect.
      expectOk(backup);
      expect(backup.stdout).toContain(
        'pg_dump --format=custom --file="/srv/backups/zona.dump" "postgres://zona:***@127.0.0.1:1/zona"',
      );
      expectOk(restore);
      expect(restore.stdout).toContain(
        'pg_restore --clean --if-exists --dbname="postgres://zona:***@127.0.0.1:1/zona" "/srv/backups/zona.dump"',
      );
      for (const r of [backup, restore]) expect(r.stdout + r.stderr).not.toContain("hunter2");
      expect(existsSync("/srv/backups/zona.dump")).toBe(false);
    },
    SLOW,
  );
});

// ---------------------------------------------------------------------------------------------------

describe("configuration errors", () => {
  const ws = workspace("config");
  afterAll(() => ws.cleanup());

  it(
    "`DATABASE_URL=mysql://x PORT=abc zona migrate` exits non-zero and lists both problems in one message",
    async () => {
      const r = await ws.zona(["migrate"], { env: { DATABASE_URL: "mysql://x", PORT: "abc" } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^Invalid configuration \(2 problem\(s\)\):$/m);
      expect(r.stderr).toMatch(/^ {2}- DATABASE_URL: must start with file: or postgres:\/\/$/m);
      expect(r.stderr).toMatch(/^ {2}- PORT: /m);
      expect(existsSync(join(ws.dir, "var"))).toBe(false); // nothing was created at the default location
    },
    SLOW,
  );
});
