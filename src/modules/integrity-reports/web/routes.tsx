import { IconGift, IconScale, IconShieldLock } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { lazyPage } from "../../../ui/components/lazyPage";
import { PageLoader } from "../../../ui/components/PageLoader";
import type { WebModule } from "../../../ui/module";
import { INTEGRITY_PERMISSIONS } from "../domain/model";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const P = INTEGRITY_PERMISSIONS;
const WbsPublicPage = lazy(() => import("./pages/WbsPublicPage"));

/**
 * Integrity reports: the public whistle-blowing page (no account, no shell), the WBS handler's
 * inbox and cases, gratification (own reports, UPG register and recap), conflict of interest.
 */
export const integrityWebModule: WebModule = {
  name: "integrity",
  titleKey: "integrity:title",
  nav: [
    {
      path: "/integritas/gratifikasi",
      labelKey: "integrity:nav.gratMine",
      icon: IconGift,
      permission: P.gratReport,
    },
    {
      path: "/integritas/gratifikasi/register",
      labelKey: "integrity:nav.gratRegister",
      icon: IconGift,
      permission: P.gratReview,
    },
    {
      path: "/integritas/benturan-kepentingan",
      labelKey: "integrity:nav.coiMine",
      icon: IconScale,
      permission: P.coiDeclare,
    },
    {
      path: "/integritas/benturan-kepentingan/tinjau",
      labelKey: "integrity:nav.coiReview",
      icon: IconScale,
      permission: P.coiReview,
    },
    { path: "/integritas/wbs", labelKey: "integrity:nav.wbs", icon: IconShieldLock, permission: P.wbsHandle },
  ],
  routes: [
    {
      path: "/integritas/wbs",
      element: lazyPage(() => import("./pages/WbsInboxPage"), { permission: P.wbsHandle }),
    },
    {
      path: "/integritas/wbs/:id",
      element: lazyPage(() => import("./pages/WbsCasePage"), { permission: P.wbsHandle }),
    },
    {
      path: "/integritas/gratifikasi",
      element: lazyPage(() => import("./pages/GratMyPage"), { permission: P.gratReport }),
    },
    {
      path: "/integritas/gratifikasi/register",
      element: lazyPage(() => import("./pages/GratRegisterPage"), { permission: P.gratReview }),
    },
    {
      path: "/integritas/benturan-kepentingan",
      element: lazyPage(() => import("./pages/CoiMyPage"), { permission: P.coiDeclare }),
    },
    {
      path: "/integritas/benturan-kepentingan/tinjau",
      element: lazyPage(() => import("./pages/CoiReviewPage"), { permission: P.coiReview }),
    },
  ],
  publicRoutes: [
    {
      path: "/wbs/:unitCode",
      element: (
        <Suspense fallback={<PageLoader minHeight="100vh" />}>
          <WbsPublicPage />
        </Suspense>
      ),
    },
  ],
  homeCard: {
    titleKey: "integrity:title",
    descriptionKey: "integrity:card",
    path: "/integritas/gratifikasi",
    icon: IconGift,
    permission: P.gratReport,
  },
  translations: { id, en },
};
