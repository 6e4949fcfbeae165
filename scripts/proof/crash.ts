/**
 * `npm run proof:crash [-- --cycles N --seed S]`: a citizen's acknowledged submission is never lost.
 *
 * Starts Zona (`node bin/zona.mjs serve`, production mode, demo office, SQLite in a temp directory)
 * and a driver process that files public submissions (survey responses, complaints, whistle-blowing
 * reports, service requests with their documents; see crash/submitters.ts) as fast as it can. At a
 * random moment (seeded PRNG) the server is killed with SIGKILL; about one cycle in ten the kill
 * lands during start-up instead. With the server down, the file it left behind is checked read-only:
 *
 *   - PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check finds nothing;
 *   - the audit hash chain verifies (the kernel's own verifier over every event);
 *   - every submission the driver got a 2xx for — in this cycle or any before — is present and
 *     complete (with its audit event where the module writes one, its documents in the file store);
 *   - no live server answered a submission with a 5xx.
 *
 * Then the server is started again on the same file (its own crash recovery) and the next cycle
 * begins. The last line printed is exactly `cycles=<N> acknowledged=<count> lost=<count>`; the exit
 * code is 1 when anything was lost or broken (or a start failed), 0 otherwise.
 *
 * Options: --cycles N (200), --seed S (1), --concurrency C (driver loops, 4), --min-ms / --max-ms
 * (kill delay after the server is ready, 100–1500), --early P (share of kills during start-up, 0.1),
 * --jobs 0|1 (outbox worker and scheduler, 1: they write too), --keep (keep the temp directory).
 */
import { type CrashOptions, parseArgs, runCrashProof } from "./crash/run";

async function main() {
  let opts: Omit<CrashOptions, "log">;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const r = await runCrashProof({ ...opts, log: out });
  const answers = Object.entries(r.tally)
    .map(([k, s]) =>
      `${k} ${Object.entries(s)
        .map(([st, n]) => `${st}:${n}`)
        .join(" ")}`.trim(),
    )
    .join("; ");
  out(`answers (status:count, 0 = no answer: server down): ${answers}`);
  out(
    `server restart to ready: mean ${r.startMs.mean} ms, max ${r.startMs.max} ms over ${r.startMs.count} restarts; ${r.secondsPerCycle.toFixed(2)} s per cycle`,
  );
  out(
    `acknowledged by kind: ${Object.entries(r.byKind)
      .map(([k, n]) => `${k}=${n}`)
      .join(" ")}`,
  );
  if (r.skipped.length) out(`skipped (public route not registered yet): ${r.skipped.join(" ")}`);
  for (const b of r.broken) out(`BROKEN ${b}`);
  out(`cycles=${r.cycles} acknowledged=${r.acknowledged} lost=${r.lost}`);
  process.exitCode = r.lost || r.broken.length || r.cycles < opts.cycles ? 1 : 0;
}

await main();
