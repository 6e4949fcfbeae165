import { Button } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../session";
import { EmptyState } from "./EmptyState";

/** The page body when the user lacks the permission a route needs. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconLock size={28} aria-hidden />}
      headingOrder={1}
      title={t("ui.forbidden.title")}
      description={t("ui.forbidden.description")}
      action={
        <Button component={Link} to="/" variant="light">
          {t("ui.forbidden.home")}
        </Button>
      }
    />
  );
}

/** Render `children` only for users holding `permission`; others see `Forbidden`. */
export function RequirePermission({ permission, children }: { permission?: string; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <Forbidden />;
}
