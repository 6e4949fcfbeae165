/** `npm run lint` part 2: walks src/ and fails on any import that crosses a house boundary. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { checkImport, checkSource, importsOf, relativeToRoot, type Violation } from "./boundaries";

const root = process.cwd();

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e)) out.push(p);
  }
  return out;
}

const violations: Violation[] = [];
const files = walk(join(root, "src"));
for (const abs of files) {
  const file = relativeToRoot(root, abs);
  const source = readFileSync(abs, "utf8");
  for (const spec of importsOf(source)) {
    const rule = checkImport(file, spec);
    if (rule) violations.push({ file, spec, rule });
  }
  for (const rule of checkSource(file, source)) violations.push({ file, spec: "", rule });
}
for (const v of violations) console.error(`${v.file}: ${v.spec ? `imports ${v.spec}: ` : ""}${v.rule}`);
console.log(`boundaries: ${files.length} files checked, ${violations.length} violation(s)`);
process.exit(violations.length ? 1 : 0);
