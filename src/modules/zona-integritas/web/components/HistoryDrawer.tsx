import { Drawer, Loader, Stack, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import type { Zone } from "../../../../ui/format";
import type { Question } from "../../domain/rubric";
import { useHistory } from "../api";
import { useZiFormat } from "../format";
import { answerText } from "../worksheet";

/** Who changed a question and when: answers per column, evidence linked and unlinked, imports. */
export function HistoryDrawer({
  cycleId,
  question,
  code,
  onClose,
  zone,
}: {
  cycleId: string;
  question: Question | null;
  code: string;
  onClose: () => void;
  zone?: Zone;
}) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const history = useHistory(cycleId, question?.key ?? null);
  return (
    <Drawer
      opened={question !== null}
      onClose={onClose}
      position="right"
      title={t("worksheet.historyTitle", { code })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {history.isPending ? (
        <Loader size="sm" />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("worksheet.historyEmpty")}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {history.data.items.map((h) => (
            <Timeline.Item key={h.id}>
              <Stack gap={2}>
                <Text size="sm">
                  {t(`worksheet.historyAction.${h.action}`, {
                    column: h.column ? t(`column.${h.column}`) : "",
                    answer:
                      question && h.answer !== undefined
                        ? (answerText(question, h.answer, f.number) ?? t("worksheet.notAnswered"))
                        : "",
                    file: h.fileName ?? "",
                  })}
                </Text>
                {h.note ? (
                  <Text size="xs" c="dimmed">
                    {h.note}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {h.actorName} · {f.dateTime(h.at, { zone })}
                </Text>
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Drawer>
  );
}
