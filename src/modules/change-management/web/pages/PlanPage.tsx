import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { DataTable, type DataTableColumn } from "../../../../ui/components/DataTable";
import { EmptyState } from "../../../../ui/components/EmptyState";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { PageHeader } from "../../../../ui/components/PageHeader";
import { PageLoader } from "../../../../ui/components/PageLoader";
import { useFormat } from "../../../../ui/i18n";
import { useCan, useCurrentUnit } from "../../../../ui/session";
import type { ActivityWire } from "../../contract";
import { ACTIVITY_STATUSES, CM_PERMISSIONS, LEVER_AREAS } from "../../domain/model";
import { usePeople, usePlan } from "../api";
import { ActivityFormDialog } from "../components/ActivityFormDialog";
import { AreaProgressChart } from "../components/AreaProgressChart";
import { ActivityStatusBadges } from "../components/common";

/** /perubahan/rencana — the ZI work plan: activities per lever area, progress, overdue ones first in mind. */
export default function PlanPage() {
  const { t } = useTranslation("cm");
  const f = useFormat();
  const unit = useCurrentUnit();
  const canManage = useCan(CM_PERMISSIONS.manage);
  const plan = usePlan(unit?.id);
  const people = usePeople(canManage ? unit?.id : undefined);
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [area, setArea] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [onlyOverdue, setOnlyOverdue] = useState(false);

  const rows = useMemo(
    () =>
      (plan.data?.items ?? []).filter(
        (a) =>
          (!area || a.areaKey === area) && (!status || a.status === status) && (!onlyOverdue || a.overdue),
      ),
    [plan.data, area, status, onlyOverdue],
  );
  const overdue = (plan.data?.items ?? []).filter((a) => a.overdue);

  const columns: DataTableColumn<ActivityWire>[] = [
    {
      key: "title",
      header: t("activity.title"),
      sortValue: (a) => a.title,
      filterText: (a) => `${a.title} ${a.target} ${a.output}`,
      cell: (a) => (
        <Stack gap={0} miw={200}>
          <Anchor component={Link} to={`/perubahan/rencana/${a.id}`} size="sm" fw={500}>
            {a.title}
          </Anchor>
          {a.output ? (
            <Text size="xs" c="dimmed">
              {a.output}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: "area",
      header: t("activity.area"),
      sortValue: (a) => LEVER_AREAS.indexOf(a.areaKey),
      filterText: (a) => t(`area.${a.areaKey}`),
      cell: (a) => <Text size="sm">{t(`area.${a.areaKey}`)}</Text>,
    },
    { key: "pic", header: t("activity.pic"), sortValue: (a) => a.picName, cell: (a) => a.picName },
    {
      key: "due",
      header: t("activity.period"),
      sortValue: (a) => a.dueDate,
      filterText: () => null,
      cell: (a) => (
        <Text
          size="sm"
          c={a.overdue ? "red.8" : undefined}
          fw={a.overdue ? 600 : undefined}
          style={{ whiteSpace: "nowrap" }}
        >
          {f.date(a.startDate)} – {f.date(a.dueDate)}
        </Text>
      ),
    },
    {
      key: "progress",
      header: t("activity.progress"),
      sortValue: (a) => a.progress,
      filterText: () => null,
      cell: (a) => (
        <Stack gap={2} miw={90}>
          <Text size="xs">{f.percent(a.progress)}</Text>
          <Progress
            value={a.progress}
            size="sm"
            color={a.overdue ? "red" : undefined}
            aria-label={t("activity.progressOf", { title: a.title })}
          />
        </Stack>
      ),
    },
    {
      key: "status",
      header: t("activity.status"),
      sortValue: (a) => (a.overdue ? -1 : ACTIVITY_STATUSES.indexOf(a.status)),
      filterText: (a) => `${t(`status.${a.status}`)} ${a.overdue ? t("plan.overdue") : ""}`,
      cell: (a) => <ActivityStatusBadges status={a.status} overdue={a.overdue} />,
    },
  ];

  if (!unit)
    return <EmptyState headingOrder={1} title={t("plan.pageTitle")} description={t("common.noUnit")} />;

  return (
    <>
      <PageHeader
        title={t("plan.pageTitle")}
        description={t("plan.description", { unit: unit.name })}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
              {t("activity.new")}
            </Button>
          ) : null
        }
      />
      {plan.isPending ? (
        <PageLoader />
      ) : plan.isError ? (
        <ErrorAlert error={plan.error} title={t("common.loadFailed")} onRetry={() => void plan.refetch()} />
      ) : (
        <Stack gap="lg">
          {overdue.length ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t("plan.overdueTitle", { count: overdue.length })}
            >
              <Stack gap={2}>
                {overdue.map((a) => (
                  <Anchor key={a.id} component={Link} to={`/perubahan/rencana/${a.id}`} size="sm">
                    {t("plan.overdueItem", { title: a.title, pic: a.picName, date: f.date(a.dueDate) })}
                  </Anchor>
                ))}
              </Stack>
            </Alert>
          ) : null}
          <Grid>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Card withBorder radius="md" padding="md">
                <Title order={2} fz="h4" mb="sm">
                  {t("plan.chartTitle")}
                </Title>
                <AreaProgressChart areas={plan.data.areas} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <DataTable
                caption={t("plan.caption")}
                columns={columns}
                rows={rows}
                rowKey={(a) => a.id}
                filterLabel={t("plan.filter")}
                initialSort={{ key: "due", direction: "asc" }}
                empty={
                  <EmptyState
                    title={t("plan.empty")}
                    description={canManage ? t("plan.emptyManage") : undefined}
                  />
                }
                toolbar={
                  <Group gap="sm" align="flex-end" wrap="wrap">
                    <Select
                      label={t("activity.area")}
                      placeholder={t("plan.allAreas")}
                      data={LEVER_AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))}
                      value={area}
                      onChange={setArea}
                      clearable
                      w={{ base: "100%", xs: 240 }}
                    />
                    <Select
                      label={t("activity.status")}
                      placeholder={t("plan.allStatuses")}
                      data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                      value={status}
                      onChange={setStatus}
                      clearable
                      w={{ base: "100%", xs: 160 }}
                    />
                    <Checkbox
                      label={t("plan.onlyOverdue")}
                      checked={onlyOverdue}
                      onChange={(e) => setOnlyOverdue(e.currentTarget.checked)}
                      mb={8}
                    />
                  </Group>
                }
              />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
      {opened && canManage ? (
        <ActivityFormDialog
          opened={opened}
          onClose={close}
          unitId={unit.id}
          people={people.data ?? []}
          onSaved={(a) => navigate(`/perubahan/rencana/${a.id}`)}
        />
      ) : null}
    </>
  );
}
