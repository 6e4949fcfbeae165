import type { ServerModule } from "../../../kernel/module";

/** Service requests with working-hour SLAs (ALASCA): catalogue, requests, tracking, documents. */
export const serviceRequestsModule: ServerModule = {
  name: "service-requests",
};
