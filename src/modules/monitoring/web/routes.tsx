import { IconCalendarStats, IconChecklist, IconPresentation } from "@tabler/icons-react";
import { lazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import { MONEV_PERMISSIONS } from "../domain/rules";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = MONEV_PERMISSIONS.read;

/** Monitoring and evaluation: meetings (list and calendar), a meeting's page, the follow-up board. */
export const monevWebModule: WebModule = {
  name: "monev",
  titleKey: "monev:title",
  nav: [
    { path: "/monev", labelKey: "monev:nav.meetings", icon: IconPresentation, permission: read },
    { path: "/monev/tindak-lanjut", labelKey: "monev:nav.followUps", icon: IconChecklist, permission: read },
  ],
  routes: [
    { path: "/monev", element: lazyPage(() => import("./pages/MeetingsPage"), { permission: read }) },
    {
      path: "/monev/rapat/:id",
      element: lazyPage(() => import("./pages/MeetingPage"), { permission: read }),
    },
    {
      path: "/monev/tindak-lanjut",
      element: lazyPage(() => import("./pages/FollowUpsPage"), { permission: read }),
    },
  ],
  homeCard: {
    titleKey: "monev:title",
    descriptionKey: "monev:card",
    path: "/monev",
    icon: IconCalendarStats,
    permission: read,
  },
  translations: { id, en },
};
