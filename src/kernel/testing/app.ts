import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import pino from "pino";
// Test support is itself a composition root: it may import the server (see docs/decisions/0002).
import { type BuiltApp, buildApp } from "../../server/app";
import { DEMO_PASSWORD, seedDemo } from "../../server/demo";
import { type Clock, fixedClock } from "../clock";
import { type Config, loadConfig } from "../config/config";
import type { Database } from "../db/database";
import { loggerOptions } from "../logging";
import type { ServerModule } from "../module";
import { type Lane, sqliteLane } from "./lanes";

export interface TestApp extends BuiltApp {
  database: Database;
  db: Kysely<any>;
  clock: ReturnType<typeof fixedClock>;
  /** Everything the app logged, as JSON lines (for "never logs X" assertions). */
  logs: string[];
  /** Unit ids of the demo office by code. */
  units: Record<string, string>;
  login(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** inject with the session cookie and CSRF header. */
  request(opts: {
    method: string;
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
}

export interface TestAppOptions {
  lane?: Lane;
  clock?: Clock & { set(t: string | Date): void; advance(ms: number): void };
  env?: Record<string, string>;
  modules?: ServerModule[];
  /** Load the demo office (default true). */
  demo?: boolean;
  /** Serve a built web app from this folder like the real server (default: no web app). */
  webRoot?: string;
}

export const TEST_PASSWORD = DEMO_PASSWORD;

export async function buildTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await (opts.lane ?? sqliteLane).create();
  const clock = opts.clock ?? fixedClock("2026-11-27T02:00:00.000Z");
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...String(chunk).split("\n").filter(Boolean));
      cb();
    },
  });
  const config: Config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: "file::memory:",
    FILES_DIR: mkdtempSync(join(tmpdir(), "zona-files-")),
    SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
    LOG_LEVEL: "info",
    DEMO: "1",
    ...opts.env,
  });
  const logger = pino(loggerOptions("info"), sink);
  const built = await buildApp({
    config,
    database,
    clock,
    logger,
    modules: opts.modules,
    serveWeb: !!opts.webRoot,
    webRoot: opts.webRoot,
  });
  const units: Record<string, string> = {};
  if (opts.demo !== false) {
    await seedDemo(built.ctx);
    for (const u of await built.ctx.org.listInScope({
      kind: "system",
      userId: null,
      email: null,
      name: "t",
      assignments: [],
    })) {
      units[u.code] = u.id;
    }
  }

  const login = async (email: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await built.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.cookies.find((c) => c.name === "zona_session");
    const cookie = `zona_session=${setCookie!.value}`;
    const csrfToken = res.json().csrfToken as string;
    return {
      cookie,
      csrfToken,
      request: (r) =>
        built.app.inject({
          method: r.method as any,
          url: r.url,
          payload: r.payload as any,
          headers: { cookie, "x-csrf-token": csrfToken, ...r.headers },
        }),
    };
  };

  return {
    ...built,
    database,
    db: database.db,
    clock,
    logs,
    units,
    login,
    close: async () => {
      await built.app.close();
      await database.close();
    },
  };
}
