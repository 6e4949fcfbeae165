#!/usr/bin/env node
// Runs a TypeScript file (argv[2]) through tsx: `node bin/tsx.mjs bench/run.ts`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const file = process.argv[2];
if (!file) throw new Error("usage: node bin/tsx.mjs <file.ts> [args]");
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(file)).href);
