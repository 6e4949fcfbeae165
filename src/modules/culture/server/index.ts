import type { AppContext } from "../../../kernel/context";
import type { ServerModule } from "../../../kernel/module";
import { linkRecordEvidence, recordEvidenceLinks, unlinkRecordEvidence } from "../../zona-integritas/server";
import { CULTURE_PERMISSIONS } from "../contract";
import { seedCultureDemo } from "./demo";
import { cultureErrors } from "./errors";
import { cultureMigrations } from "./migrations";
import { cultureRoutes } from "./routes";
import { CultureService } from "./service";

export { CULTURE_PERMISSIONS } from "../contract";

const P = CULTURE_PERMISSIONS;
const services = new WeakMap<AppContext, CultureService>();
/** One service per app context (routes and the demo seed share it). */
export function cultureService(ctx: AppContext): CultureService {
  const s =
    services.get(ctx) ??
    new CultureService(ctx, {
      link: (actor, input) => linkRecordEvidence(ctx, actor, input),
      unlink: (actor, input) => unlinkRecordEvidence(ctx, actor, input),
      links: (ref) => recordEvidenceLinks(ctx, ref),
    });
  services.set(ctx, s);
  return s;
}

const staffRoles = [
  "zi_member",
  "employee",
  "service_officer",
  "treasurer",
  "auction_official",
  "receivables_officer",
  "asset_officer",
  "media_officer",
];

/**
 * Culture programmes (REPEAT, MODEL, RABU CENDEKIA, GSP, LITERASI): catalogue, held sessions with
 * attendance, the fair GSP speaker rotation with leave days, and LKE evidence links.
 */
export const cultureModule: ServerModule = {
  name: "culture",
  migrations: cultureMigrations,
  permissions: [
    {
      key: P.read,
      id: "Lihat program budaya kerja dan jadwal GSP",
      en: "View culture programmes and the GSP schedule",
    },
    {
      key: P.manage,
      id: "Kelola program budaya kerja, pelaksanaan, cuti dan jadwal GSP",
      en: "Manage culture programmes, sessions, leave days and the GSP schedule",
    },
  ],
  grants: {
    admin: [P.read],
    head: [P.read, P.manage],
    zi_coordinator: [P.read, P.manage],
    change_agent: [P.read, P.manage],
    ...Object.fromEntries(staffRoles.map((r) => [r, [P.read]])),
    tpi_evaluator: [P.read],
    tpn_evaluator: [P.read],
  },
  errors: cultureErrors,
  routes: (app, ctx) => cultureRoutes(app, cultureService(ctx)),
  jobs: [
    {
      name: "culture.gsp-extend",
      everySeconds: 86_400,
      run: async (ctx) => {
        await cultureService(ctx).extendRotas();
      },
    },
  ],
  seedDemo: (ctx) => seedCultureDemo(ctx, cultureService(ctx)),
};
