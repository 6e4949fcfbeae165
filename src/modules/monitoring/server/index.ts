import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { MONEV_PERMISSIONS } from "../domain/rules";
import { seedMonevDemo } from "./demo";
import { monevServerErrors } from "./errors";
import { monevMigrations } from "./migrations";
import { monevRoutes } from "./routes";
import { MonevService } from "./service";

export { MONEV_PERMISSIONS } from "../domain/rules";

const P = MONEV_PERMISSIONS;
const services = new WeakMap<AppContext, MonevService>();
/** One service per app context (routes, jobs and the demo seed share it). */
export function monevService(ctx: AppContext): MonevService {
  const s = services.get(ctx) ?? new MonevService(ctx);
  services.set(ctx, s);
  return s;
}

const staff = [
  "change_agent",
  "zi_member",
  "employee",
  "service_officer",
  "treasurer",
  "auction_official",
  "receivables_officer",
  "asset_officer",
  "media_officer",
  "tpi_evaluator",
];

/**
 * Monitoring and evaluation (monev): weekly MODEL meetings, monthly and quarterly (Dialog Kinerja
 * Organisasi) meetings, their follow-ups carried over until closed, completion rates, overdue reminders.
 */
export const monevModule: ServerModule = {
  name: "monitoring",
  migrations: monevMigrations,
  permissions: [
    { key: P.read, id: "Lihat rapat monev dan tindak lanjutnya", en: "View monev meetings and follow-ups" },
    {
      key: P.manage,
      id: "Kelola rapat monev dan tindak lanjutnya",
      en: "Manage monev meetings and follow-ups",
    },
  ],
  grants: {
    head: [P.read, P.manage],
    zi_coordinator: [P.read, P.manage],
    ...Object.fromEntries(staff.map((r) => [r, [P.read]])),
  },
  errors: monevServerErrors,
  routes: (app: ZonaApp, ctx: AppContext) => monevRoutes(app, ctx, monevService(ctx)),
  jobs: [
    {
      name: "monev.follow-up-reminders",
      everySeconds: 86_400,
      run: async (ctx) => {
        await monevService(ctx).sendReminders();
      },
    },
  ],
  seedDemo: (ctx) => seedMonevDemo(ctx, monevService(ctx)),
};
