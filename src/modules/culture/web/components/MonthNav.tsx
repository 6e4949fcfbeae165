import { ActionIcon, Group, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { addMonths } from "../dates";

/** "‹ Desember 2026 ›": moves the month shown by a calendar. */
export function MonthNav({ month, onChange }: { month: string; onChange: (m: string) => void }) {
  const { t } = useTranslation("culture");
  const months = t("calendar.months", { returnObjects: true }) as string[];
  const label = `${months[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
  return (
    <Group gap="xs">
      <ActionIcon
        variant="default"
        aria-label={t("calendar.prev")}
        onClick={() => onChange(addMonths(month, -1))}
      >
        <IconChevronLeft size={16} aria-hidden />
      </ActionIcon>
      <Text fw={600} miw={150} ta="center" aria-live="polite">
        {label}
      </Text>
      <ActionIcon
        variant="default"
        aria-label={t("calendar.next")}
        onClick={() => onChange(addMonths(month, 1))}
      >
        <IconChevronRight size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

export function monthLabel(t: TFunction<"culture">, month: string): string {
  const months = t("calendar.months", { returnObjects: true }) as unknown as string[];
  return `${months[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
