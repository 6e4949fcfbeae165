import type { Command } from "commander";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/demo";
import { serve } from "../server/runtime";
import { cliConfig, out } from "./context";

export function registerServeCommand(program: Command) {
  program
    .command("serve")
    .description("Jalankan server Zona (HTTP, migrasi, worker, jadwal) / run the Zona server")
    .action(async (_opts, cmd: Command) => {
      const config = cliConfig(cmd);
      const running = await serve(config);
      out("");
      out(`  Zona berjalan di / running at  ${running.url}`);
      out(
        `  Basis data / database          ${running.ctx.database.lane} (${config.DATABASE_URL.startsWith("file:") ? config.DATABASE_URL : "postgres"})`,
      );
      out(`  Dokumentasi API                ${running.url}/api/docs`);
      if (config.demo) {
        out("");
        out(
          `  DATA DEMO${running.seeded ? " dimuat / demo office loaded" : ""} — masuk di ${running.url}/masuk dengan kata sandi "${DEMO_PASSWORD}":`,
        );
        for (const u of DEMO_USERS) out(`    ${u.email.padEnd(28)} ${u.roleKey.padEnd(20)} ${u.unit}`);
      }
      out("");
      const stop = async (signal: string) => {
        running.ctx.log.info({ signal }, "shutting down");
        await running.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop("SIGINT"));
      process.once("SIGTERM", () => void stop("SIGTERM"));
    });
}
