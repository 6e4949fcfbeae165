#!/usr/bin/env node
// Entry point of the `zona` command: loads ./.env when present, then runs the TypeScript CLI
// through tsx, so no build step is needed.
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

if (existsSync(".env") && typeof process.loadEnvFile === "function") process.loadEnvFile(".env");
register();
await import("../src/cli/main.ts");
