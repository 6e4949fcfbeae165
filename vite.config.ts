import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));
const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));
/** Where `vite` (dev) and `vite preview` send /api; override with ZONA_API_URL. */
const apiTarget = process.env.ZONA_API_URL ?? "http://localhost:3000";

/**
 * The browser app. `src/web` is the Vite root (index.html lives there); the build goes to
 * `<repo>/dist/web`, which the server serves with an SPA fallback. In development `/api` is proxied
 * to the server on :3000 (or ZONA_API_URL).
 *
 * Vitest also reads this file when no vitest.config.ts exists; `test.root` keeps test discovery at the
 * repository root so server and kernel tests are still found.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // React and the router change rarely: a long-lived vendor chunk. Mantine is left to automatic
        // splitting so components only admin pages use stay in the admin chunks.
        codeSplitting: {
          groups: [{ name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  test: {
    root: repoRoot,
  },
});
