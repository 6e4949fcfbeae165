import {
  IconChecklist,
  IconClipboardList,
  IconSparkles,
  IconUser,
  IconUsersGroup,
} from "@tabler/icons-react";
import { lazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import { CM_PERMISSIONS } from "../domain/model";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const read = CM_PERMISSIONS.read;
/** The worksheet's read permission (Zona Integritas): the evidence view reads its cycles. */
const ZI_READ = "zi.cycle.read";

/**
 * Change management pages: the ZI team, the work plan and its activities, change agents, evidence
 * completeness, and the employee's own page (/saya).
 */
export const cmWebModule: WebModule = {
  name: "cm",
  titleKey: "cm:title",
  nav: [
    { path: "/saya", labelKey: "cm:nav.me", icon: IconUser, permission: read },
    { path: "/perubahan/tim", labelKey: "cm:nav.team", icon: IconUsersGroup, permission: read },
    { path: "/perubahan/rencana", labelKey: "cm:nav.plan", icon: IconClipboardList, permission: read },
    { path: "/perubahan/agen", labelKey: "cm:nav.agents", icon: IconSparkles, permission: read },
    { path: "/perubahan/bukti", labelKey: "cm:nav.evidence", icon: IconChecklist, permission: ZI_READ },
  ],
  routes: [
    { path: "/saya", element: lazyPage(() => import("./pages/MyPage")) },
    { path: "/perubahan/tim", element: lazyPage(() => import("./pages/TeamPage"), { permission: read }) },
    { path: "/perubahan/rencana", element: lazyPage(() => import("./pages/PlanPage"), { permission: read }) },
    // The person in charge opens their own activity from /saya even without cm.read elsewhere.
    { path: "/perubahan/rencana/:id", element: lazyPage(() => import("./pages/ActivityPage")) },
    { path: "/perubahan/agen", element: lazyPage(() => import("./pages/AgentsPage"), { permission: read }) },
    {
      path: "/perubahan/bukti",
      element: lazyPage(() => import("./pages/EvidencePage"), { permission: ZI_READ }),
    },
  ],
  homeCard: {
    titleKey: "cm:title",
    descriptionKey: "cm:card",
    path: "/perubahan/rencana",
    icon: IconClipboardList,
    permission: read,
  },
  translations: { id, en },
};
