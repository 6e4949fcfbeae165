import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { AuditLog } from "./audit/audit";
import type { CalendarStore } from "./calendar/server/store";
import type { Clock } from "./clock";
import type { Config } from "./config/config";
import type { Database } from "./db/database";
import type { FileService } from "./files";
import type { RateLimiter } from "./http/rate-limit";
import type { IdentityService } from "./identity/identity.service";
import type { ServerModule } from "./module";
import type { Outbox } from "./notify";
import type { OrgService } from "./org/org.service";

/** Everything a module's routes and jobs may use, built once by the composition root (src/server). */
export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<any>;
  clock: Clock;
  log: Logger;
  rateLimiter: RateLimiter;
  audit: AuditLog;
  org: OrgService;
  identity: IdentityService;
  files: FileService;
  outbox: Outbox;
  calendar: CalendarStore;
  modules: readonly ServerModule[];
}
