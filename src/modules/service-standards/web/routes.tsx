import { IconBuildingStore, IconChecklist, IconListDetails, IconSignature } from "@tabler/icons-react";
import { lazy, Suspense } from "react";
import { lazyPage } from "../../../ui/components/lazyPage";
import { PageLoader } from "../../../ui/components/PageLoader";
import type { WebModule } from "../../../ui/module";
import { STD_PERMISSIONS } from "../domain/model";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = STD_PERMISSIONS.read;
const PublicPortalPage = lazy(() => import("./pages/PublicPortalPage"));
const PublicServicePage = lazy(() => import("./pages/PublicServicePage"));

/**
 * Service standards: staff pages (services and the standard editor, pledge and contact, facilities,
 * completeness) and the unit's public service page (/layanan/:unitCode), which needs no account.
 */
export const standardsWebModule: WebModule = {
  name: "standards",
  titleKey: "standards:title",
  nav: [
    { path: "/standar-layanan", labelKey: "standards:nav.services", icon: IconListDetails, permission: read },
    {
      path: "/standar-layanan/maklumat",
      labelKey: "standards:nav.pledge",
      icon: IconSignature,
      permission: read,
    },
    {
      path: "/standar-layanan/sarana",
      labelKey: "standards:nav.facilities",
      icon: IconBuildingStore,
      permission: read,
    },
    {
      path: "/standar-layanan/kelengkapan",
      labelKey: "standards:nav.completeness",
      icon: IconChecklist,
      permission: read,
    },
  ],
  routes: [
    {
      path: "/standar-layanan",
      element: lazyPage(() => import("./pages/ServicesPage"), { permission: read }),
    },
    {
      path: "/standar-layanan/layanan/:id",
      element: lazyPage(() => import("./pages/ServicePage"), { permission: read }),
    },
    {
      path: "/standar-layanan/maklumat",
      element: lazyPage(() => import("./pages/PledgePage"), { permission: read }),
    },
    {
      path: "/standar-layanan/sarana",
      element: lazyPage(() => import("./pages/FacilitiesPage"), { permission: read }),
    },
    {
      path: "/standar-layanan/kelengkapan",
      element: lazyPage(() => import("./pages/CompletenessPage"), { permission: read }),
    },
  ],
  publicRoutes: [
    {
      path: "/layanan/:unitCode",
      element: (
        <Suspense fallback={<PageLoader minHeight="100vh" />}>
          <PublicPortalPage />
        </Suspense>
      ),
    },
    {
      path: "/layanan/:unitCode/:serviceCode",
      element: (
        <Suspense fallback={<PageLoader minHeight="100vh" />}>
          <PublicServicePage />
        </Suspense>
      ),
    },
  ],
  homeCard: {
    titleKey: "standards:title",
    descriptionKey: "standards:card",
    path: "/standar-layanan",
    icon: IconListDetails,
    permission: read,
  },
  translations: { id, en },
};
