import { execFileSync } from "node:child_process";
import { cpus } from "node:os";

/**
 * CPU pinning for the HTTP loads (Linux, two or more CPUs, `taskset` from util-linux): the server
 * under load runs on CPU 0, the load generator (this process, autocannon) on the others.
 *
 * Why: unpinned, the scheduler now and then puts server and load generator on the same CPU, and a
 * load then measures the two taking turns. On a 2-CPU machine that moved a single 8 s load by up to
 * half its req/s, in spells that hit the process with more threads (Zona) more often than the bare
 * server. Pinned, both servers are measured the same way, one CPU each. BENCH_PIN=0 turns it off.
 */
const wanted = process.platform === "linux" && cpus().length >= 2 && process.env.BENCH_PIN !== "0";

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export const PINNED = wanted && hasTaskset();

/** Move every thread of this process (the load generator) off CPU 0. */
export function pinLoadGenerator() {
  if (!PINNED) return;
  execFileSync("taskset", ["-a", "-p", "-c", `1-${cpus().length - 1}`, String(process.pid)], {
    stdio: "ignore",
  });
}

/** The command that starts a server process with `args`: on CPU 0 when pinning (taskset execs node, so the pid is node's). */
export function serverCommand(args: string[]): { command: string; args: string[] } {
  return PINNED
    ? { command: "taskset", args: ["-c", "0", process.execPath, ...args] }
    : { command: process.execPath, args };
}
