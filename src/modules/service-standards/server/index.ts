import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { STD_PERMISSIONS } from "../domain/model";
import { seedStandardsDemo } from "./demo";
import { stdErrors } from "./errors";
import { stdMigrations } from "./migrations";
import { stdRoutes } from "./routes";
import { StandardsService } from "./service";

export { STD_PERMISSIONS } from "../domain/model";

const services = new WeakMap<AppContext, StandardsService>();
/** One service per app context (routes and the demo seed share it). */
export function standardsService(ctx: AppContext): StandardsService {
  const s = services.get(ctx) ?? new StandardsService(ctx);
  services.set(ctx, s);
  return s;
}

const P = STD_PERMISSIONS;
const staff = [P.read];

/**
 * Service standards (PermenPAN-RB 15/2014, UU 25/2009): service types and their versioned
 * standards, the service pledge (maklumat), SOPs, facilities, and the unit's public portal page.
 */
export const standardsModule: ServerModule = {
  name: "service-standards",
  migrations: stdMigrations,
  permissions: [
    {
      key: P.read,
      id: "Lihat standar pelayanan, maklumat, SOP dan sarana",
      en: "View service standards, pledge, SOPs and facilities",
    },
    {
      key: P.manage,
      id: "Kelola dan tetapkan standar pelayanan, maklumat, SOP dan sarana",
      en: "Manage and publish service standards, pledge, SOPs and facilities",
    },
  ],
  grants: {
    admin: staff,
    head: [P.read, P.manage],
    zi_coordinator: [P.read, P.manage],
    service_officer: [P.read, P.manage],
    zi_member: staff,
    change_agent: staff,
    employee: staff,
    treasurer: staff,
    auction_official: staff,
    receivables_officer: staff,
    asset_officer: staff,
    media_officer: staff,
    tpi_evaluator: staff,
    tpn_evaluator: staff,
  },
  errors: stdErrors,
  routes: (app: ZonaApp, ctx: AppContext) => stdRoutes(app, ctx, standardsService(ctx)),
  seedDemo: (ctx) => seedStandardsDemo(ctx, standardsService(ctx)),
};
