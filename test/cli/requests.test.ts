/**
 * `zona compute sla`, run as the real CLI in a child process (bin/zona.mjs): the contract for
 * scripts of issue 7 — `{ "start", "due" }` with the calendar's offset, the calendar file format,
 * after-hours starts, due exactly at closing, holidays, and errors (one stderr line, exit 2).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), "zona-cli-sla-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function zona(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, "bin", "zona.mjs"), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", TZ: "UTC" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

const week = (open: string, close: string) => ({
  mon: [open, close],
  tue: [open, close],
  wed: [open, close],
  thu: [open, close],
  fri: [open, close],
  sat: [],
  sun: [],
});
function calendarFile(name: string, body: object): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(body));
  return p;
}

describe("zona compute sla", () => {
  const cal = calendarFile("layanan.json", {
    timezone: "Asia/Jakarta",
    hours: week("08:00", "16:00"),
    holidays: ["2026-12-25"],
  });

  it.each([
    [
      "diajukan Jumat 15:30, 4 jam kerja → Senin 11:30",
      "2026-11-27T15:30:00+07:00",
      "4",
      "2026-11-30T11:30:00+07:00",
    ],
    [
      "start after closing counts from the next opening",
      "2026-11-27T17:00:00+07:00",
      "2",
      "2026-11-30T10:00:00+07:00",
    ],
    [
      "a duration ending exactly at closing is due at closing",
      "2026-11-30T12:00:00+07:00",
      "4",
      "2026-11-30T16:00:00+07:00",
    ],
    ["a holiday (25 Dec) is skipped", "2026-12-24T14:00:00+07:00", "4", "2026-12-28T10:00:00+07:00"],
    ["a UTC start is printed in +07:00", "2026-11-27T08:30:00Z", "4", "2026-11-30T11:30:00+07:00"],
  ])(
    "%s",
    async (_name, start, hours, due) => {
      const r = await zona([
        "compute",
        "sla",
        "--start",
        start,
        "--hours",
        hours,
        "--calendar",
        cal,
        "--json",
      ]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.due).toBe(due);
      expect(json.start).toMatch(/\+07:00$/);
      expect(new Date(json.start).getTime()).toBe(new Date(start).getTime());
    },
    SLOW,
  );

  it(
    "uses the default unit calendar (Kemenkeu hours, shipped holidays) without --calendar",
    async () => {
      // Friday 15:30, Kemenkeu hours close 16:30 on Friday, open 07:30 Monday → 1 h + 3 h = Monday 10:30
      const r = await zona([
        "compute",
        "sla",
        "--start",
        "2026-11-27T15:30:00+07:00",
        "--hours",
        "4",
        "--json",
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        start: "2026-11-27T15:30:00+07:00",
        due: "2026-11-30T10:30:00+07:00",
      });
    },
    SLOW,
  );

  it(
    "takes WITA calendars and breaks in the file format",
    async () => {
      const wita = calendarFile("wita.json", {
        timezone: "Asia/Makassar",
        hours: { mon: ["08:00", "12:00", "13:00", "16:00"], tue: ["08:00", "12:00", "13:00", "16:00"] },
      });
      const r = await zona([
        "compute",
        "sla",
        "--start",
        "2026-11-30T11:00:00+08:00",
        "--hours",
        "2",
        "--calendar",
        wita,
        "--json",
      ]);
      expect(JSON.parse(r.stdout).due).toBe("2026-11-30T14:00:00+08:00");
    },
    SLOW,
  );

  it(
    "refuses bad input with one line on stderr and exit 2",
    async () => {
      const noOffset = await zona([
        "compute",
        "sla",
        "--start",
        "2026-11-27T15:30",
        "--hours",
        "4",
        "--calendar",
        cal,
      ]);
      expect(noOffset.code).toBe(2);
      expect(noOffset.stderr).toMatch(/--start/);
      const badHours = await zona([
        "compute",
        "sla",
        "--start",
        "2026-11-27T15:30:00+07:00",
        "--hours",
        "four",
        "--calendar",
        cal,
      ]);
      expect(badHours.code).toBe(2);
      expect(badHours.stderr).toMatch(/--hours/);
      const badFile = calendarFile("bad.json", { timezone: "Asia/Jakarta", hours: { mon: ["08:00"] } });
      const r = await zona([
        "compute",
        "sla",
        "--start",
        "2026-11-27T15:30:00+07:00",
        "--hours",
        "4",
        "--calendar",
        badFile,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/calendar file: hours\.mon/);
    },
    SLOW,
  );

  it(
    "prints a human line without --json",
    async () => {
      const r = await zona([
        "compute",
        "sla",
        "--start",
        "2026-11-27T15:30:00+07:00",
        "--hours",
        "4",
        "--calendar",
        cal,
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Jatuh tempo (4 jam kerja): 2026-11-30T11:30:00+07:00");
    },
    SLOW,
  );
});
