#!/usr/bin/env node
// `npm test`: the whole suite (unit, repository and route tests on every database lane, CLI,
// browser journeys), then one closing line "tests: N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

mkdirSync("var", { recursive: true });
const out = "var/test-results.json";
const args = [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${out}`,
  ...process.argv.slice(2),
];
const r = spawnSync("npx", args, { stdio: "inherit", env: process.env });
let code = r.status ?? 1;
try {
  const j = JSON.parse(readFileSync(out, "utf8"));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  console.log(`tests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
  if (j.numTotalTests === 0) code = 1;
} catch {
  console.log("tests: 0 passed, 1 failed");
  code = code || 1;
}
process.exit(code);
