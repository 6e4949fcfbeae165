import { cmWebModule } from "../modules/change-management/web/routes";
import { complaintsWebModule } from "../modules/complaints/web/routes";
import { cultureWebModule } from "../modules/culture/web/routes";
import { pactWebModule } from "../modules/integrity-pact/web/routes";
import { integrityWebModule } from "../modules/integrity-reports/web/routes";
import { mediaWebModule } from "../modules/media/web/routes";
import { monevWebModule } from "../modules/monitoring/web/routes";
import { serviceRequestsWebModule } from "../modules/service-requests/web/routes";
import { standardsWebModule } from "../modules/service-standards/web/routes";
import { surveysWebModule } from "../modules/surveys/web/routes";
import { ziModule } from "../modules/zona-integritas/web/routes";
import type { WebModule } from "../ui/module";
import { adminModule } from "./admin/routes";

/**
 * The installed web modules, in navbar order. A domain module adds its pages by exporting a
 * `WebModule` from `src/modules/<name>/web/routes.tsx` and listing it here, e.g.
 *
 *   import { ziModule } from "../modules/zona-integritas/web/routes";
 *   export const webModules: WebModule[] = [
  ziModule,
  cmWebModule,
  pactWebModule,
  cultureWebModule,
  monevWebModule,
  mediaWebModule,
  surveysWebModule,
  standardsWebModule,
  complaintsWebModule,
  integrityWebModule,
  serviceRequestsWebModule,
  adminModule,
];
 *
 * The kernel's own pages (audit trail, users and roles, work units) are the `admin` module, listed last.
 */
export const webModules: WebModule[] = [
  ziModule,
  cmWebModule,
  pactWebModule,
  cultureWebModule,
  monevWebModule,
  mediaWebModule,
  surveysWebModule,
  standardsWebModule,
  complaintsWebModule,
  integrityWebModule,
  serviceRequestsWebModule,
  adminModule,
];
