import { describe, expect, it } from "vitest";
import { checkImport, checkSource, importsOf } from "./boundaries";

describe("house boundaries (DESIGN.md §4)", () => {
  it.each([
    ["src/kernel/org/org.service.ts", "../../modules/surveys/server", "kernel never imports"],
    ["src/kernel/http/hooks.ts", "../../server/app", "kernel never imports"],
    ["src/ui/api.ts", "../web/shell", "src/ui"],
    ["src/modules/surveys/domain/ikm.ts", "../server/repo", "domain/ imports only"],
    ["src/modules/surveys/domain/ikm.ts", "../../../kernel/db", "domain/ imports only"],
    ["src/modules/surveys/server/service.ts", "../../complaints/server/repo", "public APIs|server/index.ts"],
    ["src/modules/surveys/web/page.tsx", "../../../web/shell", "never imports the shell"],
    ["src/modules/surveys/web/page.tsx", "../server/index", "web code does not import server code"],
    ["src/modules/surveys/web/page.tsx", "../../complaints/web/x", "contract.ts"],
  ])("%s importing %s is refused", (file, spec, rule) => {
    expect(checkImport(file, spec)).toMatch(new RegExp(rule));
  });

  it.each([
    ["src/modules/surveys/domain/ikm.ts", "./elements"],
    ["src/modules/surveys/domain/ikm.ts", "../../../kernel/calendar"],
    ["src/modules/surveys/domain/ikm.ts", "zod"],
    ["src/modules/surveys/server/service.ts", "../../complaints/server/index"],
    ["src/modules/surveys/server/service.ts", "../../complaints/contract"],
    ["src/modules/surveys/server/service.ts", "../../../kernel/db"],
    ["src/modules/surveys/web/page.tsx", "../../../ui/api"],
    ["src/modules/surveys/web/page.tsx", "../contract"],
    ["src/kernel/testing/app.ts", "../../server/app"],
    ["src/server/modules.ts", "../modules/surveys/server/index"],
  ])("%s importing %s is allowed", (file, spec) => {
    expect(checkImport(file, spec)).toBeNull();
  });

  it("keeps domain code pure of I/O packages and the system clock", () => {
    expect(checkImport("src/modules/zi/domain/scoring.ts", "kysely")).toMatch(/pure/);
    expect(checkImport("src/modules/zi/domain/scoring.ts", "node:fs")).toMatch(/pure/);
    expect(checkSource("src/modules/zi/domain/scoring.ts", "const t = Date.now();")).toHaveLength(1);
    expect(checkSource("src/modules/zi/domain/scoring.test.ts", "const t = Date.now();")).toHaveLength(0);
  });

  it("finds static, re-export and dynamic imports", () => {
    const src = `import a from "./a";\nimport { b } from '../b';\nexport { c } from "./c";\nconst d = await import("./d");\nimport type { E } from "./e";`;
    expect(importsOf(src).sort()).toEqual(["../b", "./a", "./c", "./d", "./e"]);
  });
});
