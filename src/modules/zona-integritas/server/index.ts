import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { Actor } from "../../../kernel/identity/actor";
import type { ServerModule } from "../../../kernel/module";
import { ZI_PERMISSIONS } from "../domain/stages";
import { seedZiDemo } from "./demo";
import { ziServerErrors } from "./errors";
import { ziMigrations } from "./migrations";
import { ziRoutes } from "./routes";
import { type RecordRef, ZiService } from "./service";

export { ZI_PERMISSIONS } from "../domain/stages";
export { type RecordRef, ZiService } from "./service";

/**
 * Public API for other modules: offer one of their records (a work-plan activity, a meeting, a
 * published post…) as evidence for LKE questions of its unit. Needs zi.worksheet.write over the unit.
 */
export const linkRecordEvidence = (
  ctx: AppContext,
  actor: Actor,
  input: { unitId: string; questionKeys: string[]; ref: RecordRef },
) => ziService(ctx).linkRecord(actor, input);

export const unlinkRecordEvidence = (
  ctx: AppContext,
  actor: Actor,
  input: { unitId: string; module: string; type: string; id: string; questionKey?: string },
) => ziService(ctx).unlinkRecord(actor, input);

/** The LKE question keys a record is linked to. */
export const recordEvidenceLinks = (ctx: AppContext, ref: { module: string; type: string; id: string }) =>
  ziService(ctx).recordLinks(ref);

const P = ZI_PERMISSIONS;
const services = new WeakMap<AppContext, ZiService>();
/** One service per app context (routes, jobs and the demo seed share it). */
export function ziService(ctx: AppContext): ZiService {
  const s = services.get(ctx) ?? new ZiService(ctx);
  services.set(ctx, s);
  return s;
}

/** Zona Integritas: cycles and stages, the LKE worksheet, scoring, readiness and gaps. */
export const ziModule: ServerModule = {
  name: "zona-integritas",
  migrations: ziMigrations,
  permissions: [
    {
      key: P.read,
      id: "Lihat siklus dan LKE Zona Integritas",
      en: "View Zona Integritas cycles and worksheets",
    },
    { key: P.manage, id: "Kelola siklus ZI dan tahapannya", en: "Manage ZI cycles and their stages" },
    {
      key: P.write,
      id: "Isi LKE penilaian mandiri dan data dukung",
      en: "Fill the self-assessment worksheet and evidence",
    },
    {
      key: P.tpi,
      id: "Menilai sebagai Tim Penilai Internal (TPI)",
      en: "Score as the internal evaluation team (TPI)",
    },
    {
      key: P.tpn,
      id: "Menilai sebagai Tim Penilai Nasional (TPN)",
      en: "Score as the national evaluation team (TPN)",
    },
    {
      key: P.configure,
      id: "Atur rubrik dan ambang batas predikat",
      en: "Configure rubrics and predicate thresholds",
    },
  ],
  grants: {
    admin: [P.read, P.configure],
    head: [P.read, P.manage, P.write],
    zi_coordinator: [P.read, P.manage, P.write],
    zi_member: [P.read, P.write],
    change_agent: [P.read],
    employee: [P.read],
    service_officer: [P.read],
    treasurer: [P.read],
    auction_official: [P.read],
    receivables_officer: [P.read],
    asset_officer: [P.read],
    media_officer: [P.read],
    tpi_evaluator: [P.read, P.tpi],
    tpn_evaluator: [P.read, P.tpn],
  },
  errors: ziServerErrors,
  routes: (app: ZonaApp, ctx: AppContext) => ziRoutes(app, ctx, ziService(ctx)),
  seedDemo: (ctx) => seedZiDemo(ctx, ziService(ctx)),
};
