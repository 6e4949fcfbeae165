import { Command, CommanderError, Option } from "commander";
import { ConfigError } from "../kernel/config/config";
import { DomainError } from "../kernel/http/errors";
import { VERSION } from "../server/version";
import { registerAdminCommands } from "./admin";
import { registerDataCommands } from "./data";
import { registerRequestCommands } from "./requests";
import { registerServeCommand } from "./serve";
import { registerSurveyCommands } from "./surveys";
import { registerZiCommands } from "./zi";

/**
 * `zona` — the command line. Scripts drive Zona through these commands; their names, options and
 * `--json` outputs and exit codes are a stable contract (see docs/cli.md).
 */
const program = new Command();
program
  .name("zona")
  .description("Zona — platform Zona Integritas (WBK/WBBM) untuk unit kerja pemerintah")
  .version(VERSION)
  .addOption(
    new Option("--database-url <url>", "database (default: DATABASE_URL or file:./var/zona.db)").env(
      "DATABASE_URL",
    ),
  )
  .showHelpAfterError()
  // Usage errors exit 2 like every other failure (commander's default, 1, means "audit chain broken").
  .exitOverride();

registerServeCommand(program);
registerAdminCommands(program);
registerDataCommands(program);
registerZiCommands(program);
// after the ZI commands: both add subcommands to `zona compute`
registerSurveyCommands(program);
registerRequestCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // commander already printed the message (or the help / version); only the exit code is ours.
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof DomainError) {
    process.stderr.write(`error: ${err.code} ${JSON.stringify(err.params)}\n`);
  } else {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(2);
});
