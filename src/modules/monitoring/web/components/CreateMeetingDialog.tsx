import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import { MEETING_KINDS, type MeetingKind } from "../../domain/rules";
import { useMonevMutations, usePeople } from "../api";
import { linesOf, todayLocal } from "../format";

/** Record a meeting: kind, date, title, chair, participants, agenda. Opens the meeting page after. */
export function CreateMeetingDialog({
  unitId,
  opened,
  onClose,
}: {
  unitId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const people = usePeople(opened ? unitId : undefined);
  const { createMeeting } = useMonevMutations();
  const [kind, setKind] = useState<MeetingKind>("weekly");
  const [date, setDate] = useState(todayLocal());
  const [title, setTitle] = useState("");
  const [chairId, setChairId] = useState<string | null>(null);
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [agenda, setAgenda] = useState("");
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const issues = issuesByPath(createMeeting.error);
  const effectiveTitle = title.trim() || (kind === "weekly" ? t("monev:create.defaultTitle", { date }) : "");

  return (
    <Dialog opened={opened} onClose={onClose} title={t("monev:create.title")} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          createMeeting.mutate(
            {
              unitId,
              kind,
              date,
              title: effectiveTitle,
              chairId,
              participantIds,
              agenda: linesOf(agenda),
            },
            {
              onSuccess: (m) => {
                notifySuccess(t("monev:create.created", { count: m.carriedOver.length }));
                onClose();
                void navigate(`/monev/rapat/${m.id}`);
              },
            },
          );
        }}
      >
        <Stack>
          <ErrorAlert error={createMeeting.error} />
          <Select
            label={t("monev:create.kind")}
            data={MEETING_KINDS.map((k) => ({ value: k, label: t(`monev:kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as MeetingKind)}
            allowDeselect={false}
            description={t(`monev:kindHint.${kind}`)}
          />
          <TextInput
            type="date"
            label={t("monev:create.date")}
            value={date}
            required
            onChange={(e) => setDate(e.currentTarget.value)}
            error={issues.date}
          />
          <TextInput
            label={t("monev:create.name")}
            value={title}
            placeholder={effectiveTitle}
            required={kind !== "weekly"}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={issues.title}
          />
          <Select
            label={t("monev:create.chair")}
            data={options}
            value={chairId}
            onChange={setChairId}
            searchable
            clearable
          />
          <MultiSelect
            label={t("monev:create.participants")}
            data={options}
            value={participantIds}
            onChange={setParticipantIds}
            searchable
          />
          <Textarea
            label={t("monev:create.agenda")}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("monev:meeting.cancel")}
            </Button>
            <Button type="submit" loading={createMeeting.isPending}>
              {t("monev:create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
