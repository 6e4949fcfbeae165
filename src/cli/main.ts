import { Command, Option } from "commander";
import { ConfigError } from "../kernel/config/config";
import { DomainError } from "../kernel/http/errors";
import { VERSION } from "../server/version";
import { registerAdminCommands } from "./admin";
import { registerDataCommands } from "./data";
import { registerServeCommand } from "./serve";

/**
 * `zona` — the command line. Scripts drive Zona through these commands; their names, options and
 * `--json` outputs are a stable contract (see README "CLI").
 */
const program = new Command();
program
  .name("zona")
  .description("Zona — platform Zona Integritas (WBK/WBBM) untuk unit kerja pemerintah")
  .version(VERSION)
  .addOption(new Option("--database-url <url>", "database (default: DATABASE_URL or file:./var/zona.db)").env("DATABASE_URL"))
  .showHelpAfterError();

registerServeCommand(program);
registerAdminCommands(program);
registerDataCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof DomainError) {
    process.stderr.write(`error: ${err.code} ${JSON.stringify(err.params)}\n`);
  } else {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(2);
});

