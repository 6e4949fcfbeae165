/** The module's page-test harness: the shared one in src/ui/testing, bound to `surveysWebModule`. */
import { createModuleHarness } from "../../../../ui/testing/moduleHarness";
import en from "../../i18n/en.json";
import id from "../../i18n/id.json";
import { surveysWebModule } from "../routes";

export type { Call, Handler, MockResponse } from "../../../../ui/testing/moduleHarness";
export { bekasi } from "../../../../ui/testing/moduleHarness";

const harness = createModuleHarness({
  module: surveysWebModule,
  namespace: "surveys",
  strings: { id, en },
  tag: "svy",
  email: "zi@zona.test",
});
export const envelope = harness.envelope;
export const meWith = harness.meWith;
export const renderSurveys = harness.render;
