import type { WebModule } from "../../../ui/module";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

/** Service requests (ALASCA): public request and tracking pages, staff inbox, catalogue, dashboard. */
export const serviceRequestsWebModule: WebModule = {
  name: "requests",
  titleKey: "requests:title",
  nav: [],
  routes: [],
  translations: { id, en },
};
