import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { CM_PERMISSIONS } from "../domain/model";
import { seedCmDemo } from "./demo";
import { cmErrors } from "./errors";
import { cmMigrations } from "./migrations";
import { cmRoutes } from "./routes";
import { CmService } from "./service";

export { CM_PERMISSIONS } from "../domain/model";

const P = CM_PERMISSIONS;
const services = new WeakMap<AppContext, CmService>();
/** One service per app context (routes, the reminder job and the demo seed share it). */
export function cmService(ctx: AppContext): CmService {
  const s = services.get(ctx) ?? new CmService(ctx);
  services.set(ctx, s);
  return s;
}

const staff = [
  "zi_member",
  "change_agent",
  "employee",
  "service_officer",
  "treasurer",
  "auction_official",
  "receivables_officer",
  "asset_officer",
  "media_officer",
  "tpi_evaluator",
  "tpn_evaluator",
];

/**
 * Change management (area "Manajemen Perubahan", PermenPAN-RB 90/2021): the ZI team and its decree,
 * the work plan with overdue reminders and LKE links, change agents and the reform counts.
 */
export const cmModule: ServerModule = {
  name: "change-management",
  migrations: cmMigrations,
  permissions: [
    {
      key: P.read,
      id: "Lihat tim ZI, rencana kerja, dan agen perubahan",
      en: "View the ZI team, work plan and change agents",
    },
    {
      key: P.manage,
      id: "Kelola tim ZI, rencana kerja, dan agen perubahan",
      en: "Manage the ZI team, work plan and change agents",
    },
  ],
  grants: {
    head: [P.read, P.manage],
    zi_coordinator: [P.read, P.manage],
    ...Object.fromEntries(staff.map((r) => [r, [P.read]])),
  },
  errors: cmErrors,
  routes: (app: ZonaApp, ctx: AppContext) => cmRoutes(app, cmService(ctx)),
  jobs: [
    {
      name: "cm.overdue-reminders",
      everySeconds: 86400,
      run: async (ctx) => {
        await cmService(ctx).sendOverdueReminders();
      },
    },
  ],
  seedDemo: (ctx) => seedCmDemo(ctx, cmService(ctx)),
};
