import { Alert, Box, Group, Progress, Stack, Text } from "@mantine/core";
import { IconPlayerPause } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../ui/i18n";
import { formatRemaining, formatWorkingMinutes, type SlaSnapshot, type SrState } from "../../contract";
import { slaTone } from "../lib";
import { SLA_COLOR, SlaBadge } from "./Badges";

/** A hand-drawn ring of the share of the working time used (capped at 100%). */
function SlaRing({ sla, label }: { sla: SlaSnapshot; label: string }) {
  const size = 112;
  const stroke = 11;
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const p = Math.max(0, Math.min(100, sla.percent));
  const color = SLA_COLOR[slaTone(sla)];
  return (
    <Box pos="relative" w={size} h={size} style={{ flex: "none" }}>
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label}>
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          stroke="var(--mantine-color-gray-2)"
          strokeWidth={stroke}
        />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          stroke={color}
          strokeWidth={stroke}
          strokeDasharray={`${(p / 100) * c} ${c}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
          data-testid="sla-ring-arc"
        />
      </svg>
      <Box
        pos="absolute"
        inset={0}
        style={{ display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center" }}
        aria-hidden
      >
        <Text fw={700} fz="lg" lh={1.1}>
          {sla.percent}%
        </Text>
      </Box>
    </Box>
  );
}

/**
 * The SLA clock as people read it: "sisa waktu 3 jam 20 menit kerja", the due time in WIB, a ring of
 * the time used, the state in words, and why the clock is paused when it is.
 */
export function SlaPanel({
  sla,
  state,
  audience,
}: {
  sla: SlaSnapshot;
  state: SrState;
  audience: "public" | "staff";
}) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  const remaining = formatRemaining(sla, f.lang);
  const targetText = formatWorkingMinutes(sla.targetMinutes, f.lang);
  const ringLabel = t("slaPanel.ringLabel", { percent: sla.percent, target: targetText });
  return (
    <Stack gap="sm" data-testid="sla-panel">
      <Group wrap="nowrap" align="center" gap="md">
        <SlaRing sla={sla} label={ringLabel} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <SlaBadge sla={sla} />
          {sla.stopped ? (
            <Text fw={600}>
              {t("slaPanel.finishedIn", { time: formatWorkingMinutes(sla.elapsedMinutes, f.lang) })}
            </Text>
          ) : (
            <Text fw={700} fz="lg" data-testid="sla-remaining" aria-live="polite">
              {remaining}
            </Text>
          )}
          <Text size="sm">{t("slaPanel.target", { time: targetText })}</Text>
        </Stack>
      </Group>
      <Progress
        value={Math.max(0, Math.min(100, sla.percent))}
        color={
          slaTone(sla) === "ok"
            ? "green"
            : slaTone(sla) === "warning"
              ? "yellow"
              : slaTone(sla) === "breached"
                ? "red"
                : "gray"
        }
        size="md"
        aria-label={ringLabel}
      />
      {!sla.stopped ? (
        <Text size="sm">
          {sla.dueAt ? (
            <>
              {t("slaPanel.due")}: <strong>{f.dateTime(sla.dueAt, { weekday: true })}</strong>
            </>
          ) : (
            t("slaPanel.dueMoves")
          )}
        </Text>
      ) : sla.stoppedAt ? (
        <Text size="sm">
          {t("slaPanel.stoppedAt")}: {f.dateTime(sla.stoppedAt)}
        </Text>
      ) : null}
      {sla.paused && !sla.stopped ? (
        <Alert
          color="gray"
          variant="light"
          icon={<IconPlayerPause aria-hidden />}
          title={t("slaPanel.pausedTitle")}
        >
          {state === "waiting_requester"
            ? t(audience === "public" ? "slaPanel.pausedWaitingPublic" : "slaPanel.pausedWaitingStaff")
            : t("slaPanel.pausedOther", { state: t(`state.${state}`) })}
        </Alert>
      ) : null}
      <Text size="xs" c="dimmed">
        {sla.firstResponseAt
          ? t("slaPanel.firstResponseAt", { at: f.dateTime(sla.firstResponseAt) })
          : t("slaPanel.firstResponseDue", { at: f.dateTime(sla.firstResponseDueAt) })}
        {sla.firstResponseBreached ? ` · ${t("slaPanel.firstResponseLate")}` : ""}
      </Text>
      <Text size="xs" c="dimmed">
        {t("slaPanel.workingHoursNote")}
      </Text>
    </Stack>
  );
}
