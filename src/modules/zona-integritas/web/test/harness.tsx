/** The module's page-test harness: the shared one in src/ui/testing, bound to `ziModule`. */
import { createModuleHarness } from "../../../../ui/testing/moduleHarness";
import en from "../../i18n/en.json";
import id from "../../i18n/id.json";
import { ziModule } from "../routes";

export type { Call, Handler, MockResponse } from "../../../../ui/testing/moduleHarness";
export { bekasi } from "../../../../ui/testing/moduleHarness";

const harness = createModuleHarness({
  module: ziModule,
  namespace: "zi",
  strings: { id, en },
  tag: "zi",
  email: "zi@zona.test",
});
export const envelope = harness.envelope;
export const meWith = harness.meWith;
export const renderZi = harness.render;
