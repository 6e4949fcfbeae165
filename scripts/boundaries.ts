/**
 * The house boundaries (DESIGN.md §4) as a pure rule over (importer, imported) pairs, so the rule
 * is tested on its own and `scripts/check-boundaries.ts` only walks the files.
 */
import { dirname, join, normalize, relative } from "node:path";

export interface Violation {
  file: string;
  spec: string;
  rule: string;
}

/** Kernel parts that are pure and may be used by a module's domain/ code. */
const PURE_KERNEL = [
  "src/kernel/calendar",
  "src/kernel/http/errors.ts",
  "src/kernel/identity/actor.ts",
  "src/kernel/math",
  "src/kernel/org/units.ts",
];
const IMPURE_PACKAGES =
  /^(fastify|@fastify\/|kysely|pg|better-sqlite3|react|react-dom|@tanstack\/|@mantine\/|nodemailer|node:fs|fs|node:child_process|node:net|node:http)/;

function moduleOf(p: string): { name: string; part: string } | null {
  const m = /^src\/modules\/([^/]+)\/(?:([^/]+)\/)?/.exec(p);
  if (!m) return null;
  return { name: m[1]!, part: m[2] && !m[2].includes(".") ? m[2] : "" };
}

/** Resolve a relative import to a repo path (without extension guessing; prefixes suffice). */
export function resolveSpec(file: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  return normalize(join(dirname(file), spec)).replace(/\\/g, "/");
}

export function checkImport(file: string, spec: string): string | null {
  const target = resolveSpec(file, spec);
  const inKernel = file.startsWith("src/kernel/") && !file.startsWith("src/kernel/testing/");
  const mod = moduleOf(file);

  if (target) {
    const into = (prefix: string) => target === prefix || target.startsWith(`${prefix}/`);
    if (inKernel && (into("src/modules") || into("src/server") || into("src/web") || into("src/cli"))) {
      return "the kernel never imports modules, the server, the web shell or the CLI";
    }
    if (
      file.startsWith("src/ui/") &&
      (into("src/modules") ||
        into("src/web") ||
        into("src/server") ||
        into("src/cli") ||
        into("src/kernel/db"))
    ) {
      return "src/ui is shared design-system code: it imports no module, shell or server code";
    }
    if (mod) {
      const targetMod = moduleOf(target);
      if (mod.part === "domain") {
        const ok =
          (targetMod?.name === mod.name && targetMod.part === "domain") ||
          PURE_KERNEL.some((k) => target.startsWith(k.replace(/\.ts$/, "")));
        if (!ok) return "domain/ imports only its own domain/ and pure kernel parts";
      }
      if (mod.part === "server") {
        if (into("src/web") || into("src/ui") || into("src/cli") || into("src/server"))
          return "a module's server/ imports only the kernel and modules' public APIs";
        if (
          targetMod &&
          targetMod.name !== mod.name &&
          !/^src\/modules\/[^/]+\/(server(\/index)?|contract)(\.ts)?$/.test(target)
        ) {
          return "another module is reached only through its server/index.ts or contract.ts";
        }
        if (targetMod && targetMod.name === mod.name && targetMod.part === "web")
          return "server code does not import web code";
      }
      if (mod.part === "web") {
        if (into("src/web")) return "a module's web/ never imports the shell (src/web)";
        if (
          into("src/server") ||
          into("src/cli") ||
          (into("src/kernel") && !PURE_KERNEL.some((k) => target.startsWith(k.replace(/\.ts$/, ""))))
        ) {
          return "a module's web/ imports src/ui, its own module and contracts, not server code";
        }
        if (
          targetMod &&
          targetMod.name !== mod.name &&
          !/^src\/modules\/[^/]+\/contract(\.ts)?$/.test(target)
        ) {
          return "another module's web code is reached only through its contract.ts";
        }
        if (targetMod && targetMod.name === mod.name && targetMod.part === "server")
          return "web code does not import server code";
      }
    }
    return null;
  }
  // Bare package imports.
  if (mod?.part === "domain" && IMPURE_PACKAGES.test(spec)) return `domain/ is pure: no ${spec}`;
  return null;
}

/** Domain code takes time from a clock argument, never from the system. */
export function checkSource(file: string, source: string): string[] {
  const mod = moduleOf(file);
  if (mod?.part !== "domain" || file.endsWith(".test.ts")) return [];
  const out: string[] = [];
  if (/\bDate\.now\(/.test(source) || /new Date\(\)/.test(source))
    out.push("domain/ reads no clock (Date.now / new Date())");
  return out;
}

export const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(IMPORT_RE)) specs.push((m[1] ?? m[2])!);
  return specs;
}

export function relativeToRoot(root: string, p: string): string {
  return relative(root, p).replace(/\\/g, "/");
}
