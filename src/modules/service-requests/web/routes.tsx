import { IconChartBar, IconClipboardList, IconListDetails } from "@tabler/icons-react";
import { lazyPage, publicLazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import { SR_PERMISSIONS } from "../contract";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = SR_PERMISSIONS.read;
const configure = SR_PERMISSIONS.configure;

/**
 * Service requests (ALASCA). Public, no account: the unit's services (/layanan-lelang/:unitCode),
 * the request form (/layanan-lelang/:unitCode/ajukan/:serviceCode), tracking (/lacak-layanan),
 * "my requests" after a one-time code (/permohonan-saya) and document verification
 * (/verifikasi/:code). Staff: inbox, request, catalogue and dashboard under /layanan/permohonan.
 */
export const serviceRequestsWebModule: WebModule = {
  name: "requests",
  titleKey: "requests:title",
  nav: [
    {
      path: "/layanan/permohonan",
      labelKey: "requests:nav.inbox",
      icon: IconClipboardList,
      permission: read,
    },
    {
      path: "/layanan/permohonan/dasbor",
      labelKey: "requests:nav.dashboard",
      icon: IconChartBar,
      permission: read,
    },
    {
      path: "/layanan/permohonan/katalog",
      labelKey: "requests:nav.catalogue",
      icon: IconListDetails,
      permission: configure,
    },
  ],
  routes: [
    {
      path: "/layanan/permohonan",
      element: lazyPage(() => import("./pages/InboxPage"), { permission: read }),
    },
    {
      path: "/layanan/permohonan/dasbor",
      element: lazyPage(() => import("./pages/DashboardPage"), { permission: read }),
    },
    {
      path: "/layanan/permohonan/katalog",
      element: lazyPage(() => import("./pages/CataloguePage"), { permission: read }),
    },
    {
      path: "/layanan/permohonan/:id",
      element: lazyPage(() => import("./pages/RequestPage"), { permission: read }),
    },
  ],
  publicRoutes: [
    {
      path: "/layanan-lelang/:unitCode",
      element: publicLazyPage(() => import("./pages/PublicCataloguePage")),
    },
    {
      path: "/layanan-lelang/:unitCode/ajukan/:serviceCode",
      element: publicLazyPage(() => import("./pages/RequestFormPage")),
    },
    { path: "/lacak-layanan", element: publicLazyPage(() => import("./pages/TrackPage")) },
    { path: "/permohonan-saya", element: publicLazyPage(() => import("./pages/MyRequestsPage")) },
    { path: "/verifikasi/:code", element: publicLazyPage(() => import("./pages/VerifyPage")) },
  ],
  homeCard: {
    titleKey: "requests:title",
    descriptionKey: "requests:card",
    path: "/layanan/permohonan",
    icon: IconClipboardList,
    permission: read,
  },
  translations: { id, en },
};
