import {
  IconAdjustments,
  IconBuildingCommunity,
  IconChecklist,
  IconGauge,
  IconShieldCheck,
} from "@tabler/icons-react";
import { lazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import { ZI_PERMISSIONS } from "../domain/stages";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = ZI_PERMISSIONS.read;
const configure = ZI_PERMISSIONS.configure;

/**
 * Zona Integritas pages: the cycle overview, the worksheet (LKE), the multi-unit table and the admin
 * settings (threshold overrides, proposal deadline).
 */
export const ziModule: WebModule = {
  name: "zi",
  titleKey: "zi:title",
  nav: [
    { path: "/zi", labelKey: "zi:nav.overview", icon: IconGauge, permission: read },
    { path: "/zi/lke", labelKey: "zi:nav.worksheet", icon: IconChecklist, permission: read },
    { path: "/zi/unit-unit", labelKey: "zi:nav.units", icon: IconBuildingCommunity, permission: read },
    { path: "/zi/pengaturan", labelKey: "zi:nav.settings", icon: IconAdjustments, permission: configure },
  ],
  routes: [
    { path: "/zi", element: lazyPage(() => import("./pages/OverviewPage"), { permission: read }) },
    { path: "/zi/siklus/:id", element: lazyPage(() => import("./pages/OverviewPage"), { permission: read }) },
    { path: "/zi/lke", element: lazyPage(() => import("./pages/WorksheetEntryPage"), { permission: read }) },
    {
      path: "/zi/siklus/:id/lke",
      element: lazyPage(() => import("./pages/WorksheetPage"), { permission: read }),
    },
    { path: "/zi/unit-unit", element: lazyPage(() => import("./pages/UnitsPage"), { permission: read }) },
    {
      path: "/zi/pengaturan",
      element: lazyPage(() => import("./pages/SettingsPage"), { permission: configure }),
    },
  ],
  homeCard: {
    titleKey: "zi:title",
    descriptionKey: "zi:card",
    path: "/zi",
    icon: IconShieldCheck,
    permission: read,
  },
  translations: { id, en },
};
