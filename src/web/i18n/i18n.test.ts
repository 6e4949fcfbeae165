import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import id from "./id.json";

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}
const base = (k: string) => k.replace(PLURAL, "");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("translations", () => {
  it("English has every Indonesian string and nothing more", () => {
    const idKeys = new Set(keys(id).map(base));
    const enKeys = new Set(keys(en).map(base));
    expect([...idKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !idKeys.has(k))).toEqual([]);
  });

  it("no string is empty", () => {
    const empty = (o: unknown): string[] =>
      keys(o).filter((k) => {
        const v = k.split(".").reduce<unknown>((acc, part) => (acc as Record<string, unknown>)[part], o);
        return typeof v !== "string" || v.trim() === "";
      });
    expect(empty(id)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it("every key the shell and design system use literally exists in id.json", () => {
    const idKeys = new Set(keys(id).map(base));
    const root = join(import.meta.dirname, "..", "..");
    const files = [...sourceFiles(join(root, "web")), ...sourceFiles(join(root, "ui"))];
    const missing: string[] = [];
    const pattern = /(?:\bt\(\s*|(?:labelKey|titleKey|descriptionKey):\s*)"([a-zA-Z][\w.]*)"/g;
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(pattern)) {
        if (!idKeys.has(m[1]!)) missing.push(`${m[1]} (${f.slice(root.length + 1)})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("module translations", () => {
  it("are reachable as '<module>:key' in both languages", async () => {
    const { initI18n, i18n } = await import("./index");
    initI18n("id", [
      {
        name: "contoh",
        titleKey: "contoh:title",
        nav: [],
        routes: [],
        translations: { id: { title: "Modul contoh" }, en: { title: "Example module" } },
      },
    ]);
    expect(i18n.t("contoh:title")).toBe("Modul contoh");
    expect(i18n.t("contoh:title", { lng: "en" })).toBe("Example module");
    expect(i18n.t("admin.nav.audit")).toBe("Jejak audit");
  });
});
