import { Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** A value to keep (request number, secret) in large type with a copy button. */
export function CopyValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation("requests");
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Code fz="xl" fw={700} data-testid={testId} style={{ wordBreak: "break-all" }}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2500}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? "filled" : "light"}
              color={copied ? "green" : undefined}
              size="sm"
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
              aria-label={copied ? t("receipt.copied", { label }) : t("receipt.copy", { label })}
            >
              {copied ? t("receipt.copiedShort") : t("receipt.copyShort")}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
