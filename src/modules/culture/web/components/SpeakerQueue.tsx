import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconTrash, IconUserPlus } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { useFormat } from "../../../../ui/i18n";
import { useQueue, useQueueMutations, useStaff } from "../api";

/** Rabu Cendekia: employees back from training, queued to share what they learned. */
export function SpeakerQueue({
  programmeId,
  unitId,
  canManage,
}: {
  programmeId: string;
  unitId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const queue = useQueue(programmeId);
  const staff = useStaff(canManage ? unitId : undefined);
  const { add, remove } = useQueueMutations(programmeId);
  const [userId, setUserId] = useState<string | null>(null);
  const [training, setTraining] = useState("");
  const [returnedOn, setReturnedOn] = useState("");
  const issues = issuesByPath(add.error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!userId) return;
    try {
      await add.mutateAsync({ userId, training, returnedOn: returnedOn || null });
      setUserId(null);
      setTraining("");
      setReturnedOn("");
    } catch {
      // shown below
    }
  }

  const items = queue.data?.items ?? [];
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("queue.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("queue.help")}
        </Text>
        <ErrorAlert error={queue.error ?? remove.error} />
        {items.length === 0 ? (
          <Text size="sm">{t("queue.empty")}</Text>
        ) : (
          <Table aria-label={t("queue.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("queue.employee")}</Table.Th>
                <Table.Th>{t("queue.training")}</Table.Th>
                <Table.Th>{t("queue.returnedOn")}</Table.Th>
                <Table.Th>{t("queue.status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.userName}</Table.Td>
                  <Table.Td>{e.training}</Table.Td>
                  <Table.Td>{e.returnedOn ? f.date(e.returnedOn) : "—"}</Table.Td>
                  <Table.Td>
                    {e.status === "done" && e.occurrenceId ? (
                      <Badge
                        color="green"
                        component={Link}
                        to={`/budaya/sesi/${e.occurrenceId}`}
                        style={{ cursor: "pointer" }}
                      >
                        {t("queue.done")}
                      </Badge>
                    ) : (
                      <Group gap="xs">
                        <Badge color="yellow">{t("queue.queued")}</Badge>
                        {canManage ? (
                          <Button
                            size="compact-xs"
                            variant="light"
                            component={Link}
                            to={`/budaya/program/${programmeId}/sesi/baru?antrean=${e.id}`}
                          >
                            {t("queue.schedule")}
                          </Button>
                        ) : null}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canManage && e.status === "queued" ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t("queue.remove", { name: e.userName })}
                        onClick={() => remove.mutate(e.id)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canManage ? (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Group align="flex-end">
              <Select
                label={t("queue.employee")}
                data={(staff.data?.items ?? []).map((s) => ({ value: s.userId, label: s.name }))}
                value={userId}
                onChange={setUserId}
                searchable
                error={issues.userId}
                w={220}
              />
              <TextInput
                label={t("queue.training")}
                value={training}
                onChange={(e) => setTraining(e.currentTarget.value)}
                error={issues.training}
                style={{ flex: 1, minWidth: 200 }}
              />
              <TextInput
                type="date"
                label={t("queue.returnedOn")}
                value={returnedOn}
                onChange={(e) => setReturnedOn(e.currentTarget.value)}
                w={170}
              />
              <Button
                type="submit"
                loading={add.isPending}
                disabled={!userId}
                leftSection={<IconUserPlus size={16} aria-hidden />}
              >
                {t("queue.add")}
              </Button>
            </Group>
            <ErrorAlert error={add.error} mb="0" />
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
