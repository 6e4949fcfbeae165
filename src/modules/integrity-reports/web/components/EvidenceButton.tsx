import { Button, Group, MultiSelect, Popover, Stack, Text } from "@mantine/core";
import { IconLink } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import { useLinkEvidence } from "../api";

/** Offer a record or a yearly figure as evidence for LKE questions (PermenPAN-RB 90/2021 keys). */
export function EvidenceButton({
  type,
  id,
  unitId,
  keys,
}: {
  type: string;
  id: string;
  unitId: string;
  keys: readonly string[];
}) {
  const { t } = useTranslation("integrity");
  const link = useLinkEvidence();
  const [chosen, setChosen] = useState<string[]>([keys[0]!]);
  const [linked, setLinked] = useState<string[] | null>(null);
  return (
    <Popover width={340} position="bottom-end" withArrow>
      <Popover.Target>
        <Button size="xs" variant="light" leftSection={<IconLink size={14} aria-hidden />}>
          {t("evidence.link")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <MultiSelect
            label={t("evidence.questions")}
            data={keys.map((k) => ({ value: k, label: t(`evidence.key.${k.replace(/\./g, "_")}`) }))}
            value={chosen}
            onChange={setChosen}
            comboboxProps={{ withinPortal: false }}
          />
          {link.isError ? <ErrorAlert error={link.error} /> : null}
          {linked ? (
            <Text size="xs" role="status">
              {t("evidence.linked", { count: linked.length })}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button
              size="xs"
              disabled={chosen.length === 0}
              loading={link.isPending}
              onClick={() =>
                link.mutate(
                  { type, id, unitId, questionKeys: chosen },
                  {
                    onSuccess: (r) => {
                      setLinked(r.questionKeys);
                      notifySuccess(t("evidence.linked", { count: r.questionKeys.length }));
                    },
                  },
                )
              }
            >
              {t("evidence.save")}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
