import { Anchor, Card, Group, Stack, Text } from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import type { DecreeWire, FileRefWire } from "../../contract";
import type { ActivityStatus } from "../../domain/model";
import { cmDownloads } from "../api";

const STATUS_TONE: Record<ActivityStatus, StatusTone> = {
  belum_mulai: "neutral",
  berjalan: "info",
  selesai: "success",
  tertunda: "warning",
};

/** The activity's status in words (and, when overdue, a second badge that says so). */
export function ActivityStatusBadges({ status, overdue }: { status: ActivityStatus; overdue: boolean }) {
  const { t } = useTranslation("cm");
  return (
    <Group gap={4} wrap="wrap">
      <StatusBadge tone={STATUS_TONE[status]} size="sm">
        {t(`status.${status}`)}
      </StatusBadge>
      {overdue ? (
        <StatusBadge tone="danger" size="sm">
          {t("plan.overdue")}
        </StatusBadge>
      ) : null}
    </Group>
  );
}

export function FileLink({ file }: { file: FileRefWire }) {
  return (
    <Anchor href={cmDownloads.file(file.id)} size="sm" target="_blank" rel="noopener">
      <Group gap={4} wrap="nowrap" component="span">
        <IconFileText size={16} aria-hidden />
        {file.name}
      </Group>
    </Anchor>
  );
}

/** A decree as the office cites it: number, date and the scanned document. */
export function DecreeCard({ decree, title }: { decree: DecreeWire; title: string }) {
  const { t } = useTranslation("cm");
  const f = useFormat();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {title}
        </Text>
        <Text fw={600}>{t("decree.numberDate", { number: decree.number, date: f.date(decree.date) })}</Text>
        {decree.file ? (
          <FileLink file={decree.file} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("decree.noFile")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
