#!/usr/bin/env node
// Before `npm start`: build the web app into dist/web when it is missing or older than its sources,
// so `npm install && npm start` works on a fresh checkout without a separate build step.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const out = "dist/web/index.html";
const sources = ["src/web", "src/ui", "src/modules", "vite.config.ts"];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

const built = existsSync(out) ? statSync(out).mtimeMs : 0;
if (built === 0 || sources.some((s) => newest(s) > built)) {
  console.log("Membangun aplikasi web / building the web app (vite build)…");
  const r = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
