/** The module's page-test harness: the shared one in src/ui/testing, bound to `integrityWebModule`. */
import { createModuleHarness } from "../../../../ui/testing/moduleHarness";
import en from "../../i18n/en.json";
import id from "../../i18n/id.json";
import { integrityWebModule } from "../routes";

export type { Call, Handler, MockResponse } from "../../../../ui/testing/moduleHarness";
export { bekasi } from "../../../../ui/testing/moduleHarness";

const harness = createModuleHarness({
  module: integrityWebModule,
  namespace: "integrity",
  strings: { id, en },
  tag: "int",
  email: "pegawai@zona.test",
});
export const envelope = harness.envelope;
export const meWith = harness.meWith;
export const renderIntegrity = harness.render;
