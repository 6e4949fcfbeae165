import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { SR_PERMISSIONS as P, type SatisfactionFigures } from "../contract";
import { seedServiceRequestsDemo } from "./demo";
import { serviceRequestErrors } from "./errors";
import { serviceRequestMigrations } from "./migrations";
import { serviceRequestRoutes } from "./routes";
import { type AuctionPaymentSource, ServiceRequestService } from "./service";

export { SR_PERMISSIONS } from "../contract";
export type { AuctionPaymentSource } from "./service";

const services = new WeakMap<AppContext, ServiceRequestService>();
/** One service per app context (routes, the SLA job and the demo seed share it). */
export function serviceRequestService(ctx: AppContext): ServiceRequestService {
  const s = services.get(ctx) ?? new ServiceRequestService(ctx);
  services.set(ctx, s);
  return s;
}

/**
 * For a future auctions module: supply the payment status of an auction (by risalah number) so the
 * release rules use it instead of the treasurer's records kept here.
 */
export function setAuctionPaymentSource(ctx: AppContext, source: AuctionPaymentSource): void {
  serviceRequestService(ctx).usePaymentSource(source);
}

/**
 * Satisfaction figures (ratings 1–4 given after completion) of a unit's requests submitted between
 * two local dates (inclusive) — for the surveys module or the LKE worksheet.
 */
export const requestSatisfaction = (
  ctx: AppContext,
  unitId: string,
  from: string,
  to: string,
): Promise<SatisfactionFigures> => serviceRequestService(ctx).satisfaction(unitId, from, to);

/** Service requests with working-hour SLAs (ALASCA): catalogue, requests, tracking, documents. */
export const serviceRequestsModule: ServerModule = {
  name: "service-requests",
  migrations: serviceRequestMigrations,
  permissions: [
    {
      key: P.read,
      id: "Lihat permohonan layanan dan dasbornya",
      en: "View service requests and their dashboard",
    },
    {
      key: P.handle,
      id: "Tangani permohonan layanan (terima, minta dokumen, selesaikan, tolak)",
      en: "Handle service requests (accept, ask for documents, complete, reject)",
    },
    { key: P.configure, id: "Atur katalog layanan dan SLA", en: "Configure the service catalogue and SLAs" },
    { key: P.payment, id: "Catat status pelunasan lelang", en: "Record auction payment status" },
  ],
  grants: {
    admin: [P.read, P.configure],
    head: [P.read, P.handle, P.configure],
    zi_coordinator: [P.read],
    service_officer: [P.read, P.handle],
    auction_official: [P.read, P.handle],
    treasurer: [P.read, P.handle, P.payment],
    tpi_evaluator: [P.read],
    tpn_evaluator: [P.read],
  },
  errors: serviceRequestErrors,
  routes: (app: ZonaApp, ctx: AppContext) => serviceRequestRoutes(app, ctx, serviceRequestService(ctx)),
  jobs: [
    {
      name: "requests.sla",
      everySeconds: 3600,
      run: async (ctx, slot) => {
        await serviceRequestService(ctx).runSla(slot.startsAt);
      },
    },
  ],
  outboxHandlers: {
    // the marker that holds a warning's/breach's dedupe key; the e-mails go as "email" messages
    "requests.sla": async () => {},
  },
  seedDemo: (ctx) => seedServiceRequestsDemo(ctx, serviceRequestService(ctx)),
};
