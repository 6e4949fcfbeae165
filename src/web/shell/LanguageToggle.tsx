import { Button, Group, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../ui/format";
import { useLang } from "../../ui/i18n";
import { setLanguage } from "../i18n";

const OPTIONS: Array<{ lang: Lang; short: string; name: string }> = [
  { lang: "id", short: "ID", name: "Bahasa Indonesia" },
  { lang: "en", short: "EN", name: "English" },
];

/** ID | EN: two toggle buttons in a labelled group; the choice is remembered. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const current = useLang();
  return (
    <Group gap={0} role="group" aria-label={t("shell.language")} wrap="nowrap">
      {OPTIONS.map((o, i) => {
        const active = o.lang === current;
        return (
          <Button
            key={o.lang}
            size="compact-sm"
            variant={active ? "filled" : "default"}
            aria-pressed={active}
            lang={o.lang}
            onClick={() => void setLanguage(o.lang)}
            styles={{
              root: {
                borderTopLeftRadius: i === 0 ? undefined : 0,
                borderBottomLeftRadius: i === 0 ? undefined : 0,
                borderTopRightRadius: i === OPTIONS.length - 1 ? undefined : 0,
                borderBottomRightRadius: i === OPTIONS.length - 1 ? undefined : 0,
              },
            }}
          >
            {o.short}
            <VisuallyHidden>{` (${o.name})`}</VisuallyHidden>
          </Button>
        );
      })}
    </Group>
  );
}
