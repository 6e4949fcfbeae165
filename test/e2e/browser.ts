import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { loadConfig } from "../../src/kernel/config/config";
import { type Running, serve } from "../../src/server/runtime";

/** The system Chromium (Debian's package), never a downloaded one. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** CI must run the browser journeys; a developer laptop without Chromium skips them with a reason. */
export function browserAvailability(): { run: boolean; reason?: string } {
  if (chromiumPath()) return { run: true };
  if (process.env.CI)
    throw new Error("CI=true but no Chromium found (install Debian's chromium or set CHROMIUM_PATH)");
  return {
    run: false,
    reason: "browser journeys skipped: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)",
  };
}

export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, ["scripts/ensure-web.mjs"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("web build failed");
}

export async function startZona(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), "zona-e2e-"));
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${join(dir, "zona.db")}`,
    FILES_DIR: join(dir, "files"),
    DEMO: "1",
    JOBS: "0",
    LOG_LEVEL: "warn",
  });
  return serve(config);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** axe-core on the current page; returns serious and critical violations only. */
export async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
}
