/**
 * Support for the two-node test: a scratch PostgreSQL database per suite, and Zona app nodes run as
 * real child processes through the CLI (`node bin/zona.mjs serve`), exactly as an operator starts
 * them. Every node started here is killed when the test process exits, whatever happened.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const DEMO_PASSWORD = "Demo-Zona-2026";
/**
 * Slot length of the `system.heartbeat` job on test nodes. Longer than the scheduler's 5-s poll, so
 * both nodes claim every slot (with 2-s slots most slots are only ever tried by one node, and a
 * scheduler that ran a slot twice would still pass); not a multiple of it, so the winner changes.
 */
export const HEARTBEAT_SECONDS = 7;
/** Shared by every node of a deployment: session cookies and rate-limit keys are HMACs with it. */
const SESSION_SECRET = "two-nodes-secret-two-nodes-secret-0123456789";

export function postgresUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

export interface ScratchDatabase {
  name: string;
  url: string;
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<T[]>;
  drop(): Promise<void>;
}

/** `create database zona_2n_<hex>` on the server of `serverUrl`; `drop()` removes it again. */
export async function scratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `zona_2n_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`create database ${name}`));
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on("error", () => {}); // the drop below terminates it
  return {
    name,
    url,
    query: async (text, values) => (await client.query(text, values)).rows,
    drop: async () => {
      await client.end().catch(() => {});
      await withClient(serverUrl, async (c) => {
        // FORCE (PostgreSQL 13+) ends connections a killed node may have left behind.
        await c
          .query(`drop database if exists ${name} with (force)`)
          .catch(() => c.query(`drop database if exists ${name}`));
      });
    },
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

export interface ZonaNode {
  id: string;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  process: ChildProcess;
  /** Everything the node printed (stdout and stderr), for failure messages. */
  output(): string;
  /** Still running? (a node that crashed after start-up shows here) */
  alive(): boolean;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of running) c.kill("SIGKILL");
});

/** Stop every node this process started that is still running (afterAll's safety net). */
export async function stopAllNodes(): Promise<void> {
  await Promise.allSettled([...running].map((c) => stopChild(c)));
}

export interface NodeOptions {
  id: string;
  databaseUrl: string;
  filesDir: string;
  env?: Record<string, string>;
  /** How long to wait for "running at" and then /api/ready (default 120 s). */
  timeoutMs?: number;
}

/** Start `zona serve` (PORT=0: the OS picks the port, read back from its start-up banner) and wait until ready. */
export async function startNode(opts: NodeOptions): Promise<ZonaNode> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    TZ: "UTC",
    NODE_ENV: "production",
    PUBLIC_URL: "http://127.0.0.1",
    SESSION_SECRET,
    // production requires the whistle-blowing key (a fixed test key: both nodes must share it)
    WBS_ENCRYPTION_KEY: "5a".repeat(32),
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: opts.databaseUrl,
    FILES_DIR: opts.filesDir,
    DEMO: "1",
    JOBS: "1",
    JOBS_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
    NODE_ID: opts.id,
    LOG_LEVEL: "warn",
    ...opts.env,
  };
  const child = spawn(process.execPath, [join(ROOT, "bin/zona.mjs"), "serve"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout!.on("data", (b: Buffer) => {
    output += b.toString();
  });
  child.stderr!.on("data", (b: Buffer) => {
    output += b.toString();
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const node: ZonaNode = {
    id: opts.id,
    url: "",
    process: child,
    output: () => output,
    alive,
    stop: () => stopChild(child),
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const fail = async (why: string) => {
    child.kill("SIGKILL");
    await sleep(200); // let the last output of a crashed node arrive
    return new Error(`node ${opts.id}: ${why}\n--- output of node ${opts.id} ---\n${output}`);
  };
  for (;;) {
    const m = /running at\s+(http:\/\/\S+)/.exec(output);
    if (m) {
      node.url = m[1]!;
      break;
    }
    if (!alive()) throw await fail(`exited (${child.exitCode ?? child.signalCode}) during start-up`);
    if (Date.now() > deadline) throw await fail("no start-up banner in time");
    await sleep(100);
  }
  let last = "";
  for (;;) {
    if (!alive()) throw await fail(`exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      const res = await fetch(`${node.url}/api/ready`);
      if (res.status === 200) break;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    if (Date.now() > deadline) throw await fail(`/api/ready never answered 200 (last: ${last})`);
    await sleep(200);
  }
  return node;
}

/** SIGTERM (the CLI closes HTTP, jobs and the pool), SIGKILL after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One HTTP request to a node; JSON in, JSON (or nothing) out. */
export async function call(
  node: ZonaNode,
  method: string,
  path: string,
  opts: { json?: unknown; cookie?: string; csrf?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (opts.json !== undefined) headers["content-type"] = "application/json";
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf) headers["x-csrf-token"] = opts.csrf;
  const res = await fetch(`${node.url}${path}`, {
    method,
    headers,
    body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
  });
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

export async function login(node: ZonaNode, email: string, password = DEMO_PASSWORD) {
  const res = await call(node, "POST", "/api/auth/login", { json: { email, password } });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("zona_session="));
  return { ...res, cookie: setCookie?.split(";")[0], csrf: res.body?.csrfToken as string | undefined };
}
