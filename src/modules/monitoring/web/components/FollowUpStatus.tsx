import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconCheck, IconRotate, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import type { FollowUp, StatusChangeInput } from "../../contract";
import { useMonevMutations } from "../api";
import { followUpTone, todayLocal } from "../format";

/** The status as a badge with words (never colour alone), and what closed it. */
export function FollowUpBadge({ f }: { f: FollowUp }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const label = f.status === "open" && f.overdue ? t("monev:status.overdue") : t(`monev:status.${f.status}`);
  return (
    <Stack gap={2}>
      <StatusBadge tone={followUpTone(f)} size="sm">
        {label}
      </StatusBadge>
      {f.status === "done" && f.completedOn ? (
        <Text size="xs" c="dimmed">
          {t("monev:followUp.doneOn", { date: fmt.date(f.completedOn) })}
          {f.completedOn > f.dueDate ? ` · ${t("monev:followUp.doneLate")}` : ""}
        </Text>
      ) : null}
      {f.status === "dropped" && f.dropReason ? (
        <Text size="xs" c="dimmed">
          {t("monev:followUp.droppedBecause", { reason: f.dropReason })}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * Inline status controls: mark done (completion date, note), drop (reason) or reopen. Shown only when
 * the server says the caller may (the unit's managers, or the follow-up's owner).
 */
export function FollowUpActions({ f, meetingId }: { f: FollowUp; meetingId?: string }) {
  const { t } = useTranslation();
  const { setStatus } = useMonevMutations();
  const [mode, setMode] = useState<"done" | "dropped" | null>(null);
  const [completedOn, setCompletedOn] = useState(todayLocal());
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  if (!f.canUpdateStatus) return null;

  const submit = async (change: StatusChangeInput) => {
    await setStatus.mutateAsync({ id: f.id, change: meetingId ? { ...change, meetingId } : change });
    notifySuccess(t("monev:followUp.updated"));
    setMode(null);
  };

  return (
    <>
      <Group gap={4} wrap="nowrap" role="group" aria-label={t("monev:followUp.actionsFor", { text: f.text })}>
        {f.status === "open" ? (
          <>
            <Button
              size="compact-sm"
              variant="light"
              color="green"
              leftSection={<IconCheck size={14} aria-hidden />}
              onClick={() => {
                setStatus.reset();
                setMode("done");
              }}
            >
              {t("monev:followUp.markDone")}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => {
                setStatus.reset();
                setMode("dropped");
              }}
            >
              {t("monev:followUp.drop")}
            </Button>
          </>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconRotate size={14} aria-hidden />}
            loading={setStatus.isPending}
            onClick={() => void submit({ status: "open" }).catch(() => {})}
          >
            {t("monev:followUp.reopen")}
          </Button>
        )}
      </Group>
      {mode === null && setStatus.error ? <ErrorAlert error={setStatus.error} mb="0" /> : null}
      <Dialog
        opened={mode !== null}
        onClose={() => setMode(null)}
        title={mode === "done" ? t("monev:followUp.markDone") : t("monev:followUp.drop")}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const change: StatusChangeInput =
              mode === "done"
                ? { status: "done", completedOn, ...(note.trim() ? { note: note.trim() } : {}) }
                : { status: "dropped", reason: reason.trim() };
            void submit(change).catch(() => {});
          }}
        >
          <Stack>
            <Text size="sm">{f.text}</Text>
            <ErrorAlert error={setStatus.error} />
            {mode === "done" ? (
              <>
                <TextInput
                  type="date"
                  label={t("monev:followUp.completedOn")}
                  value={completedOn}
                  max={todayLocal()}
                  min={f.meeting.date}
                  required
                  onChange={(e) => setCompletedOn(e.currentTarget.value)}
                />
                <Textarea
                  label={t("monev:followUp.note")}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  autosize
                  minRows={2}
                />
              </>
            ) : (
              <Textarea
                label={t("monev:followUp.reason")}
                value={reason}
                required
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setMode(null)}>
                {t("monev:meeting.cancel")}
              </Button>
              <Button type="submit" loading={setStatus.isPending}>
                {t("monev:followUp.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}
