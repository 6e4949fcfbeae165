import { Button, Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { IconPlayerPlay } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import type { CycleDetail } from "../../contract";
import type { Command } from "../../domain/stages";
import { useCycleMutations } from "../api";

/** One button per command the caller may run now; each asks first, with a note (and the award for decide). */
export function CommandButtons({ detail }: { detail: CycleDetail }) {
  const { t } = useTranslation("zi");
  const [open, setOpen] = useState<Command | null>(null);
  if (detail.commands.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("command.none")}
      </Text>
    );
  return (
    <>
      <Group gap="sm" wrap="wrap">
        {detail.commands.map((c) => (
          <Button
            key={c}
            variant={c === "return_to_unit" ? "default" : "filled"}
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => setOpen(c)}
          >
            {t(`command.${c}`)}
          </Button>
        ))}
      </Group>
      {open ? <CommandDialog detail={detail} command={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function CommandDialog({
  detail,
  command,
  onClose,
}: {
  detail: CycleDetail;
  command: Command;
  onClose: () => void;
}) {
  const { t } = useTranslation("zi");
  const { transition } = useCycleMutations(detail.cycle.id);
  const [note, setNote] = useState("");
  const [awarded, setAwarded] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  async function run() {
    if (command === "decide" && awarded === null) {
      setMissing(true);
      return;
    }
    const body: { command: Command; note?: string; awarded?: boolean } = { command };
    if (note.trim()) body.note = note.trim();
    if (command === "decide") body.awarded = awarded === "yes";
    try {
      const cycle = await transition.mutateAsync(body);
      notifySuccess(t("command.done", { stage: t(`stage.${cycle.stage}`) }));
      onClose();
    } catch {
      // shown in the dialog
    }
  }

  return (
    <Dialog opened onClose={onClose} title={t(`command.${command}`)} centered>
      <Stack>
        <Text size="sm">{t(`command.help.${command}`)}</Text>
        {command === "decide" ? (
          <Radio.Group
            label={t("command.awarded")}
            value={awarded}
            onChange={(v) => {
              setAwarded(v);
              setMissing(false);
            }}
            error={missing ? t("command.awardedRequired") : undefined}
            withAsterisk
          >
            <Stack gap="xs" mt="xs">
              <Radio value="yes" label={t("command.awardedYes", { target: detail.cycle.target })} />
              <Radio value="no" label={t("command.awardedNo")} />
            </Stack>
          </Radio.Group>
        ) : null}
        <Textarea
          label={t("command.note")}
          placeholder={t("command.notePlaceholder")}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <ErrorAlert error={transition.error} mb="0" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={transition.isPending} onClick={() => void run()} data-autofocus>
            {t("command.confirm")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
