/**
 * Issue 8, part 1 — crash consistency. The short form of `npm run proof:crash` (20 SIGKILL cycles,
 * through the same script, as a child process), and the checker itself on hand-made files: a checker
 * that finds nothing wrong with a broken file would make the proof worthless.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabase } from "../../scripts/proof/crash/check";
import { parseArgs } from "../../scripts/proof/crash/run";
import { MARKER_PREFIX, SUBMITTERS, solvePow } from "../../scripts/proof/crash/submitters";
import { GENESIS, hashEvent } from "../../src/kernel/audit";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const tmp = mkdtempSync(join(tmpdir(), "zona-crash-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The few tables the checker reads, in the shape Zona's migrations give them, holding one
 * submission of each kind (a service request with one document in a file store beside it).
 */
function smallDatabase(name: string) {
  const file = join(tmp, name);
  const filesDir = join(tmp, `${name}.files`);
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.exec(`
    create table units (id text primary key);
    create table survey_responses (id text primary key, unit_id text not null references units(id), comment text);
    create table cmp_cases (id text primary key, code text not null, description text not null);
    create table wbs_reports (id text primary key, code text not null, description text not null);
    create table files (id text primary key, sha256 text not null);
    create table sr_requests (id text primary key, number text not null, requester_name text not null);
    create table sr_documents (request_id text not null references sr_requests(id), file_id text not null references files(id));
    create table audit_events (seq bigint primary key, id text not null unique, at text not null, actor_id text,
      actor_label text not null, unit_id text, action text not null, entity_type text, entity_id text,
      data text not null, prev_hash text not null, hash text not null);
    insert into units values ('u1');
  `);
  let prev = GENESIS;
  let seq = 0;
  const audit = (action: string, entityId: string, data: Record<string, unknown>) => {
    seq++;
    const e = {
      seq,
      id: `ev${seq}`,
      at: "2026-12-01T01:02:03.000Z",
      actorId: null,
      actorLabel: "publik",
      unitId: "u1",
      action,
      entityType: "x",
      entityId,
      data,
    };
    const hash = hashEvent(e, prev);
    db.prepare("insert into audit_events values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
      e.seq,
      e.id,
      e.at,
      e.actorId,
      e.actorLabel,
      e.unitId,
      e.action,
      e.entityType,
      e.entityId,
      JSON.stringify(e.data),
      prev,
      hash,
    );
    prev = hash;
  };
  db.prepare("insert into survey_responses values ('r1', 'u1', ?)").run(`${MARKER_PREFIX} t-1`);
  db.prepare("insert into cmp_cases values ('c1', 'ADU-1', ?)").run(`Antrean lama (${MARKER_PREFIX} t-2).`);
  audit("complaints.received", "c1", { n: 1 });
  db.prepare("insert into wbs_reports values ('w1', 'WBS-1', ?)").run(`Pungli (${MARKER_PREFIX} t-3).`);
  audit("wbs.report.received", "w1", { n: 2 });
  // the file store's content-key layout: sha256/ab/cd/abcd…
  const pdf = Buffer.from(`%PDF-1.4\n% ${MARKER_PREFIX} t-5\n`);
  const sha = createHash("sha256").update(pdf).digest("hex");
  const stored = join(filesDir, "sha256", sha.slice(0, 2), sha.slice(2, 4), sha);
  mkdirSync(dirname(stored), { recursive: true });
  writeFileSync(stored, pdf);
  db.prepare("insert into files values ('f1', ?)").run(sha);
  db.prepare("insert into sr_requests values ('q1', 'ALC-1', ?)").run(`Warga ${MARKER_PREFIX} t-5`);
  db.prepare("insert into sr_documents values ('q1', 'f1')").run();
  audit("requests.submitted", "q1", { documents: 1 });
  return { file, db, filesDir, stored };
}

const acks = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([k, ids]) => [k, new Set(ids)]));
const ONE_EACH = {
  survey: [`${MARKER_PREFIX} t-1`],
  complaint: ["ADU-1"],
  wbs: ["WBS-1"],
  "service-request": ["ALC-1"],
};

describe("the crash checker", () => {
  it("passes a sound file that holds every acknowledged submission", () => {
    const { file, db, filesDir } = smallDatabase("sound.db");
    db.close();
    expect(checkDatabase(file, acks(ONE_EACH), filesDir)).toEqual({ broken: [], lost: {}, auditEvents: 3 });
  });

  it("reports an acknowledged submission that is missing, and one written without its audit event", () => {
    const { file, db, filesDir } = smallDatabase("lost.db");
    db.prepare("insert into cmp_cases values ('c2', 'ADU-2', ?)").run(`Tanpa jejak (${MARKER_PREFIX} t-4).`);
    db.close();
    const acked = acks({
      ...ONE_EACH,
      survey: [...ONE_EACH.survey, `${MARKER_PREFIX} t-9`],
      complaint: ["ADU-1", "ADU-2"],
    });
    const r = checkDatabase(file, acked, filesDir);
    expect(r.broken).toEqual([]);
    expect(r.lost).toEqual({ survey: [`${MARKER_PREFIX} t-9`], complaint: ["ADU-2"] });
  });

  it("reports a service request whose document is gone from the file store, altered there, or unlinked", () => {
    const { file, db, filesDir, stored } = smallDatabase("files.db");
    db.close();
    const lostRequest = { "service-request": ["ALC-1"] };
    rmSync(stored);
    expect(checkDatabase(file, acks(ONE_EACH), filesDir).lost).toEqual(lostRequest);
    writeFileSync(stored, "%PDF-1.4\n% altered\n");
    expect(checkDatabase(file, acks(ONE_EACH), filesDir).lost).toEqual(lostRequest);

    const again = smallDatabase("unlinked.db");
    again.db.prepare("delete from sr_documents").run(); // the audit event counted one document
    again.db.close();
    expect(checkDatabase(again.file, acks(ONE_EACH), again.filesDir).lost).toEqual(lostRequest);
  });

  it("reports a broken audit chain and a dangling foreign key", () => {
    const { file, db, filesDir } = smallDatabase("broken.db");
    db.prepare("update audit_events set data = ? where seq = 1").run(JSON.stringify({ n: 99 }));
    db.pragma("foreign_keys = OFF");
    db.prepare("insert into survey_responses values ('r2', 'nowhere', null)").run();
    db.close();
    const r = checkDatabase(file, acks(ONE_EACH), filesDir);
    expect(r.lost).toEqual({});
    expect(r.broken).toHaveLength(2);
    expect(r.broken[0]).toMatch(/^foreign_key_check: 1 row\(s\), e\.g\. survey_responses#\d+ → units$/);
    expect(r.broken[1]).toMatch(/^audit chain: broken at #1 \(ev1\): hash mismatch/);
  });

  it("solves the whistle-blowing proof of work the server asks for", () => {
    for (const bits of [8, 12]) {
      const nonce = solvePow(`1.abc.${bits}.mac`, bits);
      const digest = createHash("sha256").update(`1.abc.${bits}.mac:${nonce}`).digest();
      expect(digest[0]).toBe(0); // at least 8 leading zero bits
      if (bits === 12) expect(digest[1]! >> 4).toBe(0);
    }
  });

  it("reads its options and refuses unknown ones", () => {
    expect(parseArgs(["--cycles", "20", "--seed=7"])).toMatchObject({ cycles: 20, seed: 7 });
    expect(parseArgs([])).toMatchObject({ cycles: 200, seed: 1 });
    expect(() => parseArgs(["--cycle", "3"])).toThrow("unknown option --cycle");
    expect(() => parseArgs(["--min-ms", "900", "--max-ms", "100"])).toThrow("--max-ms");
  });
});

describe("npm run proof:crash (short form)", () => {
  it("loses no acknowledged submission over 20 SIGKILL cycles", async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin/tsx.mjs"), join(ROOT, "scripts/proof/crash.ts"), "--cycles", "20"],
      { cwd: ROOT, env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
    const lines = stdout.trimEnd().split("\n");
    const why = `exit ${code}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
    const last = /^cycles=(\d+) acknowledged=(\d+) lost=(\d+)$/.exec(lines.at(-1) ?? "");
    expect(last, why).not.toBeNull();
    const [, cycles, acknowledged, lost] = last!.map(Number);
    expect({ cycles, lost, code }, why).toEqual({ cycles: 20, lost: 0, code: 0 });
    expect(acknowledged).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/BROKEN|LOST|ERROR/);

    const kinds = lines.find((l) => l.startsWith("acknowledged by kind: "));
    const byKind = Object.fromEntries(
      (kinds ?? "")
        .replace("acknowledged by kind: ", "")
        .split(" ")
        .map((kv) => kv.split("=") as [string, string])
        .map(([k, n]) => [k, Number(n)]),
    );
    // A module still being built may have no public route yet: the run says so, and only then is
    // its kind not required (see Submitter.available).
    const skipped = (lines.find((l) => l.startsWith("skipped (public route not registered yet): ")) ?? "")
      .split(": ")[1]
      ?.split(" ");
    if (skipped?.length) console.warn(`crash proof: not driven yet: ${skipped.join(", ")}`);
    for (const s of SUBMITTERS)
      if (!skipped?.includes(s.kind))
        expect(byKind[s.kind], `${s.kind} never acknowledged\n${why}`).toBeGreaterThan(0);
    expect(Object.values(byKind).reduce((a, b) => a + b, 0)).toBe(acknowledged);

    // Every answer was a 2xx or no answer at all (the server was down): a refusal means a submitter
    // no longer matches its form, and the proof would quietly drive less than it claims.
    const answers = lines.find((l) => l.startsWith("answers (")) ?? "";
    const statuses = [...answers.matchAll(/ (-?\w+):\d+/g)].map((m) => m[1]);
    expect(statuses.length, why).toBeGreaterThan(0);
    expect(
      statuses.filter((st) => st !== "2xx" && st !== "0"),
      why,
    ).toEqual([]);
  }, 600_000);
});
