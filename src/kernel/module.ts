import type { AppContext } from "./context";
import type { MigrationSet } from "./db/migrations";
import type { ErrorCatalogue } from "./http/errors";
import type { ZonaApp } from "./http/types";

export interface PermissionDef {
  key: string;
  id: string;
  en: string;
  /**
   * Reads what only its designated holders may see (e.g. whistle-blowing reports). The built-in
   * administrator does not hold it, but may assign a role containing it (audited).
   */
  sensitive?: boolean;
}

/** A scheduled job: runs once per slot across all nodes (see kernel/jobs). */
export interface ScheduledJobDef {
  name: string;
  /** Interval in seconds between slots (e.g. 60 for every minute, 86400 daily). */
  everySeconds: number;
  run(ctx: AppContext, slot: { startsAt: Date }): Promise<void>;
}

/**
 * A module manifest: the only server file other code imports from a module. The kernel's own
 * parts (org, identity, audit, files, …) are shaped the same way.
 */
export interface ServerModule {
  name: string;
  migrations?: MigrationSet;
  permissions?: PermissionDef[];
  /** Permissions this module adds to the built-in roles, by role key. */
  grants?: Record<string, string[]>;
  errors?: ErrorCatalogue;
  routes?(app: ZonaApp, ctx: AppContext): void | Promise<void>;
  jobs?: ScheduledJobDef[];
  /** Outbox event handlers keyed by event type (e.g. "email"). */
  outboxHandlers?: Record<string, (ctx: AppContext, payload: any) => Promise<void>>;
  /** Fill the demo office with this module's sample data (idempotent). */
  seedDemo?(ctx: AppContext): Promise<void>;
}
