/**
 * `npm run proof:fuzz`: the long form of the fuzz proof (test/proof/fuzz.test.ts is the short one).
 * Builds Zona in-process with the demo office, fuzzes every public route, every JSON body and every
 * signed-in query string (see test/proof/fuzz/runner.ts for the checks) and prints each finding and
 * then one line:  routes=<n> cases=<n> failures=<n>
 * Exit code 1 when anything failed.
 *
 *   npm run proof:fuzz -- --runs 20000 --seed 7 --lane pglite --only /api/public
 * Defaults: --runs 20000 (total cases), --seed FUZZ_SEED or 20261127, --lane sqlite.
 */
import { parseArgs } from "node:util";
import { buildTestApp, pgliteLane, sqliteLane } from "../../src/kernel/testing";
import { runFuzz, seedFromEnv, summaryLine } from "../../test/proof/fuzz/runner";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "20000" },
    seed: { type: "string" },
    lane: { type: "string", default: "sqlite" },
    only: { type: "string" },
    quiet: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const seed = values.seed !== undefined ? Number(values.seed) : seedFromEnv();
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
const lane = values.lane === "pglite" ? pgliteLane : values.lane === "sqlite" ? sqliteLane : null;
if (!lane) throw new Error(`--lane must be sqlite or pglite, got ${values.lane}`);

const crashes: string[] = [];
const crashed = (what: string) => (err: unknown) => {
  const line = `${what}: ${err instanceof Error ? err.stack : String(err)}`;
  crashes.push(line);
  console.error(line);
  process.exitCode = 1;
};
process.on("uncaughtException", crashed("uncaught exception"));
process.on("unhandledRejection", crashed("unhandled rejection"));

console.log(`fuzz: seed=${seed} runs=${runs} lane=${lane.name}`);
const t = await buildTestApp({ lane });
let failed = false;
try {
  const report = await runFuzz(t, {
    runs,
    seed,
    only: values.only,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  for (const c of crashes)
    report.failures.push({
      target: "(process)",
      kind: "error",
      detail: c,
      request: { method: "-", url: "-" },
    });
  console.log(
    `answers: ${Object.entries(report.statuses)
      .sort()
      .map(([k, n]) => `${k}=${n}`)
      .join(
        " ",
      )}; ${report.never2xx.length} target(s) never answered 2xx; ${(report.ms / 1000).toFixed(1)} s`,
  );
  if (values.verbose) console.log(`never 2xx:\n  ${report.never2xx.join("\n  ")}`);
  for (const f of report.failures)
    console.log(
      `FAILURE ${f.kind} ${f.target} ${f.status ?? ""}: ${f.detail}\n  ${f.request.method} ${f.request.url}`,
    );
  console.log(summaryLine(report));
  failed = report.failures.length > 0;
} finally {
  await t.close();
}
process.exit(failed ? 1 : 0);
