import { IconChartBar, IconClockCog, IconMessagePlus, IconMessageReport } from "@tabler/icons-react";
import { type ComponentType, lazy, Suspense } from "react";
import { lazyPage } from "../../../ui/components/lazyPage";
import { PageLoader } from "../../../ui/components/PageLoader";
import type { WebModule } from "../../../ui/module";
import { COMPLAINT_PERMISSIONS } from "../contract";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = COMPLAINT_PERMISSIONS.read;
const handle = COMPLAINT_PERMISSIONS.handle;

/** A lazy page outside the signed-in shell (no session, so no permission guard). */
function publicPage(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<PageLoader minHeight="100vh" />}>
      <Page />
    </Suspense>
  );
}

/**
 * Public complaints: the public form (/pengaduan/:unitCode) and tracking page (/pengaduan/lacak)
 * need no account; staff work in /layanan/pengaduan (inbox, case, recap).
 */
export const complaintsWebModule: WebModule = {
  name: "complaints",
  titleKey: "complaints:title",
  nav: [
    {
      path: "/layanan/pengaduan",
      labelKey: "complaints:nav.inbox",
      icon: IconMessageReport,
      permission: read,
    },
    {
      path: "/layanan/pengaduan/catat",
      labelKey: "complaints:nav.intake",
      icon: IconMessagePlus,
      permission: handle,
    },
    {
      path: "/layanan/pengaduan/rekap",
      labelKey: "complaints:nav.recap",
      icon: IconChartBar,
      permission: read,
    },
    {
      path: "/layanan/pengaduan/ketentuan",
      labelKey: "complaints:nav.rules",
      icon: IconClockCog,
      permission: read,
    },
  ],
  routes: [
    {
      path: "/layanan/pengaduan",
      element: lazyPage(() => import("./pages/InboxPage"), { permission: read }),
    },
    {
      path: "/layanan/pengaduan/rekap",
      element: lazyPage(() => import("./pages/RecapPage"), { permission: read }),
    },
    {
      path: "/layanan/pengaduan/catat",
      element: lazyPage(() => import("./pages/IntakePage"), { permission: handle }),
    },
    {
      path: "/layanan/pengaduan/ketentuan",
      element: lazyPage(() => import("./pages/RulesPage"), { permission: read }),
    },
    {
      path: "/layanan/pengaduan/:id",
      element: lazyPage(() => import("./pages/CasePage"), { permission: read }),
    },
  ],
  publicRoutes: [
    { path: "/pengaduan/lacak", element: publicPage(() => import("./pages/TrackPage")) },
    { path: "/pengaduan/:unitCode", element: publicPage(() => import("./pages/PublicFormPage")) },
  ],
  homeCard: {
    titleKey: "complaints:title",
    descriptionKey: "complaints:card",
    path: "/layanan/pengaduan",
    icon: IconMessageReport,
    permission: read,
  },
  translations: { id, en },
};
