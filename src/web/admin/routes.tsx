import {
  IconBuildingCommunity,
  IconCalendarEvent,
  IconHistory,
  IconSettings,
  IconUsers,
} from "@tabler/icons-react";
import { lazyPage } from "../../ui/components/lazyPage";
import type { WebModule } from "../../ui/module";

/**
 * The kernel's administration pages as a web module, shaped exactly like a domain module's
 * `web/routes.tsx`: nav items with permissions, lazy routes, a home card.
 */
export const adminModule: WebModule = {
  name: "admin",
  titleKey: "admin.title",
  nav: [
    {
      path: "/admin/units",
      labelKey: "admin.nav.units",
      icon: IconBuildingCommunity,
      permission: "org.unit.read",
    },
    { path: "/admin/users", labelKey: "admin.nav.users", icon: IconUsers, permission: "identity.user.read" },
    { path: "/admin/audit", labelKey: "admin.nav.audit", icon: IconHistory, permission: "audit.read" },
    // The holiday table is an administration page: the PUT/DELETE /api/calendar/holidays routes need
    // calendar.holiday.write. (Reading the list is open to every signed-in user through the API.)
    {
      path: "/admin/kalender",
      labelKey: "admin.nav.calendar",
      icon: IconCalendarEvent,
      permission: "calendar.holiday.write",
    },
  ],
  routes: [
    {
      path: "/admin/units",
      element: lazyPage(() => import("./pages/UnitsPage"), { permission: "org.unit.read" }),
    },
    {
      path: "/admin/users",
      element: lazyPage(() => import("./pages/UsersPage"), { permission: "identity.user.read" }),
    },
    {
      path: "/admin/audit",
      element: lazyPage(() => import("./pages/AuditPage"), { permission: "audit.read" }),
    },
    {
      path: "/admin/kalender",
      element: lazyPage(() => import("./pages/HolidaysPage"), { permission: "calendar.holiday.write" }),
    },
  ],
  homeCard: {
    titleKey: "admin.home.title",
    descriptionKey: "admin.home.description",
    path: "/admin/users",
    icon: IconSettings,
    permission: "identity.user.read",
  },
};
