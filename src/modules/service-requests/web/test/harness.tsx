/** The module's page-test harness: the shared one in src/ui/testing, bound to `serviceRequestsWebModule`. */
import { createModuleHarness } from "../../../../ui/testing/moduleHarness";
import en from "../../i18n/en.json";
import id from "../../i18n/id.json";
import { serviceRequestsWebModule } from "../routes";

export type { Call, Handler, MockResponse } from "../../../../ui/testing/moduleHarness";
export { bekasi } from "../../../../ui/testing/moduleHarness";

const harness = createModuleHarness({
  module: serviceRequestsWebModule,
  namespace: "requests",
  strings: { id, en },
  tag: "srq",
  email: "layanan@zona.test",
});
export const envelope = harness.envelope;
export const meWith = harness.meWith;
export const renderRequests = harness.render;
export const i18nOf = harness.i18n;
