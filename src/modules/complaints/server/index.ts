import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { COMPLAINT_PERMISSIONS as P } from "../contract";
import { seedComplaintsDemo } from "./demo";
import { complaintErrors } from "./errors";
import { complaintMigrations } from "./migrations";
import { complaintRoutes } from "./routes";
import { ComplaintService } from "./service";

export { COMPLAINT_PERMISSIONS } from "../contract";
export { ComplaintService } from "./service";

const services = new WeakMap<AppContext, ComplaintService>();
/** One service per app context (routes, the SLA job and the demo seed share it). */
export function complaintService(ctx: AppContext): ComplaintService {
  const s = services.get(ctx) ?? new ComplaintService(ctx);
  services.set(ctx, s);
  return s;
}

/**
 * Figures for the LKE worksheet: complaints of a unit received between two local dates (inclusive),
 * how many were completed, within the deadline and overall, with a month-by-month breakdown.
 */
export const complaintFigures = (ctx: AppContext, unitId: string, from: string, to: string) =>
  complaintService(ctx).figures(unitId, from, to);

/** Public complaints (pengaduan masyarakat): intake, tracking, SLA workflow, recap. */
export const complaintsModule: ServerModule = {
  name: "complaints",
  migrations: complaintMigrations,
  permissions: [
    {
      key: P.read,
      id: "Lihat pengaduan masyarakat dan rekapnya",
      en: "View public complaints and their recap",
    },
    {
      key: P.handle,
      id: "Tangani pengaduan (verifikasi, disposisi, jawaban)",
      en: "Handle complaints (verify, assign, answer)",
    },
    {
      key: P.configure,
      id: "Atur batas waktu penanganan pengaduan",
      en: "Configure complaint handling deadlines",
    },
  ],
  grants: {
    admin: [P.read, P.configure],
    head: [P.read, P.handle, P.configure],
    zi_coordinator: [P.read, P.handle],
    service_officer: [P.read, P.handle],
    tpi_evaluator: [P.read],
    tpn_evaluator: [P.read],
  },
  errors: complaintErrors,
  routes: (app: ZonaApp, ctx: AppContext) => complaintRoutes(app, ctx, complaintService(ctx)),
  jobs: [
    {
      name: "complaints.sla",
      everySeconds: 3600,
      run: async (ctx, slot) => {
        await complaintService(ctx).runSla(slot.startsAt);
      },
    },
  ],
  outboxHandlers: {
    // the marker that holds a reminder's/escalation's dedupe key; the e-mails go as "email" messages
    "complaints.sla": async () => {},
  },
  seedDemo: (ctx) => seedComplaintsDemo(ctx, complaintService(ctx)),
};
