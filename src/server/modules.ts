/**
 * The map of the house: every server module in dependency order. The kernel's parts come first;
 * domain modules (src/modules/<name>/server/index.ts) are appended as they are built.
 */
import { auditModule } from "../kernel/audit/module";
import { calendarModule } from "../kernel/calendar/server";
import { filesModule } from "../kernel/files";
import { httpModule } from "../kernel/http/module";
import { identityModule } from "../kernel/identity";
import { jobsMigrations } from "../kernel/jobs";
import type { ServerModule } from "../kernel/module";
import { notifyMigrations } from "../kernel/notify";
import { orgModule } from "../kernel/org";
import { cmModule } from "../modules/change-management/server";
import { complaintsModule } from "../modules/complaints/server";
import { cultureModule } from "../modules/culture/server";
import { pactModule } from "../modules/integrity-pact/server";
import { integrityModule } from "../modules/integrity-reports/server";
import { mediaModule } from "../modules/media/server";
import { monevModule } from "../modules/monitoring/server";
import { serviceRequestsModule } from "../modules/service-requests/server";
import { standardsModule } from "../modules/service-standards/server";
import { surveysModule } from "../modules/surveys/server";
import { ziModule } from "../modules/zona-integritas/server";
import { systemModule } from "./system";

const notifyModule: ServerModule = { name: "notify", migrations: notifyMigrations };
const jobsModule: ServerModule = { name: "jobs", migrations: jobsMigrations };

export const kernelModules: ServerModule[] = [
  httpModule,
  orgModule,
  auditModule,
  identityModule,
  filesModule,
  calendarModule,
  notifyModule,
  jobsModule,
  systemModule,
];

/** Domain modules, in dependency order. */
export const domainModules: ServerModule[] = [
  // Seeds run in this order: the surveys first (ZI pulls its IPAK/IPKP from them), then ZI, whose
  // demo cycles were declared before this year's integrity-pact round.
  surveysModule,
  ziModule,
  pactModule,
  cmModule,
  cultureModule,
  monevModule,
  mediaModule,
  standardsModule,
  complaintsModule,
  integrityModule,
  serviceRequestsModule,
];

export const allModules: ServerModule[] = [...kernelModules, ...domainModules];
