import { IconBroadcast, IconCalendarEvent, IconChartBar, IconSpeakerphone } from "@tabler/icons-react";
import { lazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import { MEDIA_PERMISSIONS } from "../domain/model";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = MEDIA_PERMISSIONS.read;

/** Media management: the content calendar, an item's page, the channels and the report. */
export const mediaWebModule: WebModule = {
  name: "media",
  titleKey: "media:title",
  nav: [
    { path: "/media", labelKey: "media:nav.calendar", icon: IconCalendarEvent, permission: read },
    { path: "/media/kanal", labelKey: "media:nav.channels", icon: IconBroadcast, permission: read },
    { path: "/media/laporan", labelKey: "media:nav.report", icon: IconChartBar, permission: read },
  ],
  routes: [
    { path: "/media", element: lazyPage(() => import("./pages/MonthPage"), { permission: read }) },
    { path: "/media/konten/:id", element: lazyPage(() => import("./pages/ItemPage"), { permission: read }) },
    { path: "/media/kanal", element: lazyPage(() => import("./pages/ChannelsPage"), { permission: read }) },
    { path: "/media/laporan", element: lazyPage(() => import("./pages/ReportPage"), { permission: read }) },
  ],
  homeCard: {
    titleKey: "media:title",
    descriptionKey: "media:card",
    path: "/media",
    icon: IconSpeakerphone,
    permission: read,
  },
  translations: { id, en },
};
