/**
 * Zona as the crash proof runs it: `node bin/zona.mjs serve` as a child process on one SQLite file,
 * PORT=0 (the port is read back from the start-up banner), killed with SIGKILL — never stopped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export interface ServerOptions {
  root: string;
  dbFile: string;
  filesDir: string;
  jobs: boolean;
}

export interface Server {
  child: ChildProcess;
  /** Resolves with the base URL once the banner is printed and /api/ready answers 200. */
  ready: Promise<string>;
  /** Resolves when the process has exited (after a kill). */
  exited: Promise<void>;
  /** The last output (stdout and stderr), for failure messages. */
  output(): string;
  kill(): Promise<void>;
}

const all = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of all) c.kill("SIGKILL");
});

export function serverEnv(o: ServerOptions): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    TZ: "UTC",
    NODE_ENV: "production",
    PUBLIC_URL: "http://127.0.0.1",
    SESSION_SECRET: "crash-proof-secret-crash-proof-secret-0123456789",
    WBS_ENCRYPTION_KEY: "5a".repeat(32),
    // The whistle-blowing proof of work at its floor (8 bits: ~256 hashes), so the driver spends its
    // time on submissions rather than on hashing.
    WBS_POW_BITS: "8",
    // The driver simulates many citizens: each submission comes from its own address in
    // X-Forwarded-For, so the per-address limits (complaints: 10 an hour) hold as configured.
    TRUST_PROXY: "1",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: `file:${o.dbFile}`,
    FILES_DIR: o.filesDir,
    DEMO: "1",
    JOBS: o.jobs ? "1" : "0",
    LOG_LEVEL: "warn",
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startServer(o: ServerOptions): Server {
  const child = spawn(process.execPath, [join(o.root, "bin/zona.mjs"), "serve"], {
    cwd: o.root,
    env: serverEnv(o),
    stdio: ["ignore", "pipe", "pipe"],
  });
  all.add(child);
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((r) =>
    child.once("exit", () => {
      all.delete(child);
      r();
    }),
  );
  const alive = () => child.exitCode === null && child.signalCode === null;

  const ready = (async () => {
    const deadline = Date.now() + 120_000;
    let url = "";
    while (!url) {
      const m = /running at\s+(http:\/\/\S+)/.exec(output);
      if (m) url = m[1]!;
      else if (!alive())
        throw new Error(`zona exited (${child.exitCode ?? child.signalCode}) during start-up`);
      else if (Date.now() > deadline) throw new Error("zona printed no start-up banner within 120 s");
      else await sleep(20);
    }
    for (;;) {
      try {
        const res = await fetch(`${url}/api/ready`);
        if (res.status === 200) return url;
      } catch {
        if (!alive()) throw new Error("zona exited before /api/ready answered");
      }
      if (Date.now() > deadline) throw new Error("/api/ready never answered 200");
      await sleep(50);
    }
  })();
  ready.catch(() => {}); // a kill during start-up is expected in some cycles

  return {
    child,
    ready,
    exited,
    output: () => output,
    kill: async () => {
      if (alive()) child.kill("SIGKILL");
      await exited;
    },
  };
}
