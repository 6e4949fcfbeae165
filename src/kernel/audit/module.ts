import type { ServerModule } from "../module";
import { auditMigrations } from "./audit";
import { auditRoutes } from "./routes";

export const auditModule: ServerModule = { name: "audit", migrations: auditMigrations, routes: auditRoutes };
