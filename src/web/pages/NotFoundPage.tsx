import { Button } from "@mantine/core";
import { IconMapSearch } from "@tabler/icons-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../ui/components/EmptyState";

export default function NotFoundPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("notFound.title")} · Zona`;
  }, [t]);
  return (
    <EmptyState
      headingOrder={1}
      icon={<IconMapSearch size={28} aria-hidden />}
      title={t("notFound.title")}
      description={t("notFound.description")}
      action={
        <Button component={Link} to="/">
          {t("notFound.home")}
        </Button>
      }
    />
  );
}
