import { IconCalendarUser, IconHeartHandshake, IconUsersGroup } from "@tabler/icons-react";
import { lazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import { CULTURE_PERMISSIONS } from "../contract";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = CULTURE_PERMISSIONS.read;
const manage = CULTURE_PERMISSIONS.manage;

/** Culture programmes: the catalogue, a programme with its sessions, a session form, the GSP schedule. */
export const cultureWebModule: WebModule = {
  name: "culture",
  titleKey: "culture:title",
  nav: [
    { path: "/budaya", labelKey: "culture:nav.catalogue", icon: IconUsersGroup, permission: read },
    { path: "/budaya/gsp", labelKey: "culture:nav.gsp", icon: IconCalendarUser, permission: read },
  ],
  routes: [
    { path: "/budaya", element: lazyPage(() => import("./pages/CataloguePage"), { permission: read }) },
    { path: "/budaya/gsp", element: lazyPage(() => import("./pages/GspPage"), { permission: read }) },
    {
      path: "/budaya/program/:id",
      element: lazyPage(() => import("./pages/ProgrammePage"), { permission: read }),
    },
    {
      path: "/budaya/program/:id/sesi/baru",
      element: lazyPage(() => import("./pages/OccurrencePage"), { permission: manage }),
    },
    {
      path: "/budaya/sesi/:occurrenceId",
      element: lazyPage(() => import("./pages/OccurrencePage"), { permission: read }),
    },
  ],
  homeCard: {
    titleKey: "culture:title",
    descriptionKey: "culture:card",
    path: "/budaya",
    icon: IconHeartHandshake,
    permission: read,
  },
  translations: { id, en },
};
