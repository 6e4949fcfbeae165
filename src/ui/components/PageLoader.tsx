import { Center, Loader, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A centred spinner with an accessible name, for pages and chunks still loading. */
export function PageLoader({ minHeight = "40vh" }: { minHeight?: string }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{t("ui.loading")}</VisuallyHidden>
    </Center>
  );
}
