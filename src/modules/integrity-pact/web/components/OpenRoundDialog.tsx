import { Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../../ui/api";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { localDateOf } from "../../../../ui/format";
import { notifySuccess } from "../../../../ui/notify";
import type { RoundWire } from "../../contract";
import { defaultPactText } from "../../domain/pact";
import { usePactMutations } from "../api";

export interface OpenRoundDialogProps {
  opened: boolean;
  onClose: () => void;
  unit: { id: string; name: string };
  onOpened: (round: RoundWire) => void;
}

/** The head's form: title, the pact text (the standard text, editable), opening and closing dates. */
export function OpenRoundDialog({ opened, onClose, unit, onOpened }: OpenRoundDialogProps) {
  const { t } = useTranslation("pact");
  const today = localDateOf(new Date());
  const [title, setTitle] = useState(() =>
    t("form.defaultTitle", { unit: unit.name, year: today.slice(0, 4) }),
  );
  const [body, setBody] = useState(() => defaultPactText(unit.name));
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState("");
  const { open } = usePactMutations();
  const fieldErrors = issuesByPath(open.error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const round = await open
      .mutateAsync({ unitId: unit.id, title, body, opensOn, closesOn: closesOn || null })
      .catch(() => null);
    if (!round) return;
    notifySuccess(t("form.opened"));
    onOpened(round);
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t("form.title")} size="xl">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <ErrorAlert error={open.error} mb="0" />
          <TextInput
            label={t("form.roundTitle")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            error={fieldErrors.title}
          />
          <Stack gap={4}>
            <Textarea
              label={t("form.text")}
              description={t("form.textHint")}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={8}
              maxRows={20}
              required
              error={fieldErrors.body}
            />
            <Group justify="flex-end">
              <Button variant="subtle" size="xs" onClick={() => setBody(defaultPactText(unit.name))}>
                {t("form.useTemplate")}
              </Button>
            </Group>
          </Stack>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t("form.opensOn")}
              value={opensOn}
              onChange={(e) => setOpensOn(e.currentTarget.value)}
              required
              miw={180}
              error={fieldErrors.opensOn}
            />
            <TextInput
              type="date"
              label={t("form.closesOn")}
              description={t("form.closesOnHint")}
              value={closesOn}
              onChange={(e) => setClosesOn(e.currentTarget.value)}
              miw={180}
              error={fieldErrors.closesOn}
            />
          </Group>
          <Text size="xs" c="dimmed">
            PermenPAN-RB 52/2014
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" loading={open.isPending}>
              {t("form.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
