import { Badge, Stack, Text, Timeline } from "@mantine/core";
import { IconCheck, IconCircleDot, IconPointFilled } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Zone } from "../../../../ui/format";
import type { CycleDetail } from "../../contract";
import { STAGES } from "../../domain/stages";
import { useZiFormat } from "../format";

/** The ten stages of a cycle, the current one marked, each with the moves that reached it. */
export function StageTimeline({ detail, zone }: { detail: CycleDetail; zone?: Zone }) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const current = STAGES.indexOf(detail.cycle.stage);
  return (
    <Timeline active={current} bulletSize={24} lineWidth={2} aria-label={t("timeline.title")}>
      {STAGES.map((stage, i) => {
        const events = detail.events.filter((e) => e.toStage === stage);
        const state = i < current ? "done" : i === current ? "current" : "upcoming";
        const Icon = state === "done" ? IconCheck : state === "current" ? IconCircleDot : IconPointFilled;
        return (
          <Timeline.Item
            key={stage}
            bullet={<Icon size={14} aria-hidden />}
            title={
              <>
                <Text
                  span
                  fw={state === "current" ? 700 : 500}
                  size="sm"
                  c={state === "upcoming" ? "dimmed" : undefined}
                >
                  {t(`stage.${stage}`)}
                </Text>{" "}
                {state === "current" ? (
                  <Badge component="span" size="xs" variant="light" ml={4}>
                    {t("timeline.current")}
                  </Badge>
                ) : null}
              </>
            }
            aria-current={state === "current" ? "step" : undefined}
          >
            <Stack gap={2}>
              {events.map((e) => (
                <Text key={e.id} size="xs" c="dimmed">
                  {t("timeline.event", { date: f.dateTime(e.at, { zone }), actor: e.actorName })}
                  {e.command ? ` · ${t(`command.${e.command}`)}` : ""}
                  {e.note ? ` — ${e.note}` : ""}
                </Text>
              ))}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
