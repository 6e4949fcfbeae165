import { IconFileCertificate, IconSignature } from "@tabler/icons-react";
import { lazyPage } from "../../../ui/components/lazyPage";
import type { WebModule } from "../../../ui/module";
import { PACT_PERMISSIONS } from "../domain/pact";
import en from "../i18n/en.json";
import id from "../i18n/id.json";

const P = PACT_PERMISSIONS;

/**
 * Integrity pact pages: the head's page (rounds, progress, signers, reminders, PDFs) and the
 * employee's signing page.
 */
export const pactWebModule: WebModule = {
  name: "pact",
  titleKey: "pact:title",
  nav: [
    { path: "/pakta", labelKey: "pact:nav.rounds", icon: IconFileCertificate, permission: P.read },
    { path: "/pakta/tandatangan", labelKey: "pact:nav.sign", icon: IconSignature, permission: P.sign },
  ],
  routes: [
    { path: "/pakta", element: lazyPage(() => import("./pages/RoundsPage"), { permission: P.read }) },
    {
      path: "/pakta/tandatangan",
      element: lazyPage(() => import("./pages/SignPage"), { permission: P.sign }),
    },
  ],
  homeCard: {
    titleKey: "pact:title",
    descriptionKey: "pact:card",
    path: "/pakta/tandatangan",
    icon: IconFileCertificate,
    permission: P.sign,
  },
  translations: { id, en },
};
