import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../i18n/en.json";
import id from "../../i18n/id.json";

function keys(o: unknown, prefix = ""): string[] {
  if (Array.isArray(o) || typeof o !== "object" || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(e) && !/\.test\.tsx?$/.test(e) ? [p] : [];
  });
}

describe("requests strings", () => {
  it("has the same keys in Indonesian and English", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it("has every key the pages ask for (literal keys and the enumerated families)", () => {
    const known = new Set(keys(id));
    const used = new Set<string>();
    for (const file of sources(join(__dirname, ".."))) {
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/\bt\(\s*"([a-zA-Z][a-zA-Z0-9_.]*)"/g)) used.add(m[1]!);
      for (const m of src.matchAll(/"((?:slaPanel|catalogue|detail)\.[a-zA-Z]+)"/g)) used.add(m[1]!);
    }
    const families: Record<string, string[]> = {
      state: ["submitted", "in_progress", "waiting_requester", "completed", "rejected", "cancelled"],
      sla: ["ok", "warning", "breached", "paused", "stopped"],
      command: ["accept", "assign", "request_documents", "resume", "complete", "reject"],
      rating: ["1", "2", "3", "4"],
    };
    for (const [f, list] of Object.entries(families)) for (const k of list) used.add(`${f}.${k}`);
    const missing = [...used].filter((k) => !k.startsWith("ui.") && !known.has(k));
    expect(missing).toEqual([]);
  });
});
