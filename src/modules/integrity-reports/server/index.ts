import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { INTEGRITY_PERMISSIONS, STAFF_ROLES } from "../domain/model";
import { CoiService } from "./coi.service";
import { seedIntegrityDemo } from "./demo";
import { integrityServerErrors } from "./errors";
import { GratService } from "./grat.service";
import { integrityMigrations } from "./migrations";
import { integrityRoutes } from "./routes";
import { WbsService } from "./wbs.service";

export { INTEGRITY_PERMISSIONS } from "../domain/model";

const P = INTEGRITY_PERMISSIONS;

interface Services {
  wbs: WbsService;
  grat: GratService;
  coi: CoiService;
}
const services = new WeakMap<AppContext, Services>();
function integrityServices(ctx: AppContext): Services {
  let s = services.get(ctx);
  if (!s) {
    s = { wbs: new WbsService(ctx), grat: new GratService(ctx), coi: new CoiService(ctx) };
    services.set(ctx, s);
  }
  return s;
}

export interface IntegrityFigures {
  unitId: string;
  year: number;
  wbs: {
    received: number;
    closed: number;
    substantiated: number;
    routedToParent: number;
    byStatus: Record<string, number>;
  };
  gratification: {
    reports: number;
    refused: number;
    accepted: number;
    forwardedToKpk: number;
    reportedOnTime: number;
    campaigns: number;
  };
  coi: {
    employees: number;
    declared: number;
    /** declared / employees in percent, rounded down to two decimals. */
    percent: number;
    withConflict: number;
    adhoc: number;
    functionsMapped: number;
    highRiskFunctions: number;
  };
}

/**
 * The LKE figures of a unit and year (Penguatan Pengawasan: WBS, gratification control, conflict of
 * interest). No actor: the caller (another module's service) has already checked its own scope.
 */
export async function integrityFigures(
  ctx: AppContext,
  unitId: string,
  year: number,
): Promise<IntegrityFigures> {
  const s = integrityServices(ctx);
  const wbs = await s.wbs.figures(unitId, year);
  const g = await s.grat.recapFor(unitId, year);
  const c = await s.coi.evaluationFor(unitId, year);
  return {
    unitId,
    year,
    wbs,
    gratification: {
      reports: g.total,
      refused: g.refused,
      accepted: g.accepted,
      forwardedToKpk: g.forwardedToKpk,
      reportedOnTime: g.reportedOnTime,
      campaigns: g.campaigns,
    },
    coi: {
      employees: c.employees,
      declared: c.declared,
      percent: c.percent,
      withConflict: c.withConflict,
      adhoc: c.adhoc,
      functionsMapped: c.functionsMapped,
      highRiskFunctions: c.highRiskFunctions,
    },
  };
}

const staffGrants = Object.fromEntries(STAFF_ROLES.map((r) => [r, [P.gratReport, P.coiDeclare]])) as Record<
  string,
  string[]
>;

/**
 * Integrity reports: the anonymous whistle-blowing channel, gratification reports with the UPG's
 * register, conflict-of-interest declarations and mapping.
 *
 * wbs.handle goes to zi_coordinator only — never to the head, because reports may be about the
 * head (those are routed to the parent unit). A unit that wants a dedicated WBS handler creates a
 * custom role holding wbs.handle and assigns it at the unit.
 */
export const integrityModule: ServerModule = {
  name: "integrity-reports",
  migrations: integrityMigrations,
  permissions: [
    {
      key: P.wbsHandle,
      id: "Menangani laporan whistle-blowing (WBS) unit",
      en: "Handle the unit's whistle-blowing (WBS) reports",
    },
    { key: P.gratReport, id: "Melaporkan gratifikasi", en: "Report gratification" },
    {
      key: P.gratReview,
      id: "Menelaah dan meneruskan laporan gratifikasi (UPG)",
      en: "Review and forward gratification reports (UPG)",
    },
    {
      key: P.coiDeclare,
      id: "Menyampaikan deklarasi benturan kepentingan",
      en: "Declare conflicts of interest",
    },
    {
      key: P.coiReview,
      id: "Menelaah deklarasi dan memetakan benturan kepentingan",
      en: "Review declarations and map conflicts of interest",
    },
  ],
  grants: {
    ...staffGrants,
    head: [P.gratReport, P.coiDeclare, P.coiReview],
    zi_coordinator: [P.gratReport, P.coiDeclare, P.wbsHandle, P.gratReview, P.coiReview],
  },
  errors: integrityServerErrors,
  routes: (app: ZonaApp, ctx: AppContext) => integrityRoutes(app, ctx, integrityServices(ctx)),
  jobs: [
    {
      name: "integrity.gratification-reminders",
      everySeconds: 86_400,
      run: async (ctx) => {
        await integrityServices(ctx).grat.sendReminders();
      },
    },
  ],
  seedDemo: (ctx) => seedIntegrityDemo(ctx, integrityServices(ctx)),
};
