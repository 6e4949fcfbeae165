import type { ServerModule } from "../module";
import { orgErrors } from "./errors";
import { orgMigrations } from "./migrations";
import { orgRoutes } from "./routes";

export { decodeUnit, unitsRepo } from "./org.repo";
export { type CreateUnitInput, ORG_PERMISSIONS, OrgService } from "./org.service";
export * from "./units";

export const orgModule: ServerModule = {
  name: "org",
  migrations: orgMigrations,
  errors: orgErrors,
  routes: orgRoutes,
};
