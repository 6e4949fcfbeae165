import { IconMoodSmile } from "@tabler/icons-react";
import { lazyPage, publicLazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = "survey.read";

/** Surveys: periods and results for staff; public results (the public form /s/:code is server-rendered, see server/public-page.ts). */
export const surveysWebModule: WebModule = {
  name: "surveys",
  titleKey: "surveys:title",
  nav: [{ path: "/survei", labelKey: "surveys:nav.periods", icon: IconMoodSmile, permission: read }],
  routes: [
    { path: "/survei", element: lazyPage(() => import("./pages/SurveysPage"), { permission: read }) },
    { path: "/survei/:id", element: lazyPage(() => import("./pages/PeriodPage"), { permission: read }) },
  ],
  publicRoutes: [
    { path: "/hasil-survei/:unitCode", element: publicLazyPage(() => import("./pages/PublicResultsPage")) },
  ],
  homeCard: {
    titleKey: "surveys:title",
    descriptionKey: "surveys:card",
    path: "/survei",
    icon: IconMoodSmile,
    permission: read,
  },
  translations: { id, en },
};
