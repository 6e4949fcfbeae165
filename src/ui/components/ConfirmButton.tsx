import { Button, type ButtonProps, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "./Dialog";
import { ErrorAlert } from "./ErrorAlert";

export interface ConfirmButtonProps extends Omit<ButtonProps, "children"> {
  children: ReactNode;
  /** Accessible name when the visible text is not enough (e.g. "Hapus peran Admin di KPKNL Bekasi"). */
  "aria-label"?: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** The action; errors are shown in the dialog, which stays open. */
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
}

/** A button that asks before doing something consequential, showing any failure in the dialog. */
export function ConfirmButton({
  title,
  message,
  confirmLabel,
  onConfirm,
  danger = true,
  children,
  ...button
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button color={danger ? "red" : undefined} variant="light" {...button} onClick={open}>
        {children}
      </Button>
      <Dialog opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          <ErrorAlert error={error} mb="0" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("ui.cancel")}
            </Button>
            <Button
              color={danger ? "red" : undefined}
              loading={busy}
              onClick={() => void confirm()}
              data-autofocus
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
