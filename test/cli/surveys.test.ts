/**
 * `zona compute ikm` and `zona compute sample-size`, run in a child process. Until src/cli/main.ts
 * registers the survey commands, the child is a small driver that builds the program the way main.ts
 * does (Zona Integritas commands first, then the survey commands; errors → one stderr line, exit 2).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), "zona-cli-surveys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wired = readFileSync(join(REPO, "src/cli/main.ts"), "utf8").includes("registerSurveyCommands");
const DRIVER = `
import { register } from "tsx/esm/api";
register();
const { Command, CommanderError } = await import("commander");
const { registerZiCommands } = await import(${JSON.stringify(join(REPO, "src/cli/zi.ts"))});
const { registerSurveyCommands } = await import(${JSON.stringify(join(REPO, "src/cli/surveys.ts"))});
const program = new Command().name("zona").exitOverride();
registerZiCommands(program);
registerSurveyCommands(program);
program.parseAsync(process.argv.slice(1), { from: "user" }).catch((err) => {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  process.stderr.write("error: " + (err instanceof Error ? err.message : String(err)) + "\\n");
  process.exit(2);
});
`;

function zona(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const argv = wired
    ? [join(REPO, "bin", "zona.mjs"), ...args]
    : ["--input-type=module", "-e", DRIVER, "--", ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: REPO,
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

let n = 0;
function csv(content: string): string {
  const p = join(dir, `r${++n}.csv`);
  writeFileSync(p, content);
  return p;
}
const HEADER = "no,U1,U2,U3,U4,U5,U6,U7,U8,U9,saran";

describe("zona compute ikm", () => {
  it(
    "prints the JSON contract: respondents, NRR per element, index, IKM rounded, grade, performance",
    async () => {
      // Two respondents; element sums 7,6,6,8,6,7,7,5,5 → NRR 3.5,3,3,4,3,3.5,3.5,2.5,2.5; Σ 28.5
      const file = csv(`${HEADER}\n1,4,3,3,4,3,4,4,2,3,"bagus, cepat"\n2,3,3,3,4,3,3,3,3,2,\n`);
      const r = await zona(["compute", "ikm", "--input", file, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j).toEqual({
        respondents: 2,
        elements: [
          { code: "U1", nrr: 3.5 },
          { code: "U2", nrr: 3 },
          { code: "U3", nrr: 3 },
          { code: "U4", nrr: 4 },
          { code: "U5", nrr: 3 },
          { code: "U6", nrr: 3.5 },
          { code: "U7", nrr: 3.5 },
          { code: "U8", nrr: 2.5 },
          { code: "U9", nrr: 2.5 },
        ],
        index: 28.5 / 9,
        ikm: 79.17,
        grade: "B",
        performance: "Baik",
      });
    },
    SLOW,
  );

  it(
    "a bad row names the row and column and exits 2",
    async () => {
      const file = csv(`${HEADER}\n1,4,3,3,4,3,4,4,2,3,\n2,3,3,3,4,3,3,0,3,2,\n`);
      const r = await zona(["compute", "ikm", "--input", file, "--json"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("row 3, column U7");
      const missing = await zona(["compute", "ikm", "--input", csv("U1,U2\n1,2\n")]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain("no column U3");
    },
    SLOW,
  );
});

describe("zona compute sample-size", () => {
  it(
    "N = 100, 1,000, 10,000 → 80, 278, 370; nonsense exits 2",
    async () => {
      for (const [pop, sample] of [
        [100, 80],
        [1000, 278],
        [10000, 370],
      ]) {
        const r = await zona(["compute", "sample-size", "--population", String(pop), "--json"]);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout)).toEqual({ population: pop, sample });
      }
      const bad = await zona(["compute", "sample-size", "--population", "-5"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--population");
    },
    SLOW,
  );
});
