import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { issuesByPath } from "../../../../ui/api";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { useFormat } from "../../../../ui/i18n";
import { notifySuccess } from "../../../../ui/notify";
import { GRAT_FORMS, GRAT_OCCASIONS } from "../../domain/model";
import { useGratMutations } from "../api";
import { todayJakarta } from "./common";

/** The employee's gratification report form (a gift received or refused). */
export function GratReportDialog({
  unitId,
  opened,
  onClose,
}: {
  unitId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("integrity");
  const f = useFormat();
  const { create } = useGratMutations();
  const [action, setAction] = useState<"ditolak" | "diterima">("ditolak");
  const [giverName, setGiverName] = useState("");
  const [giverRelation, setGiverRelation] = useState("");
  const [occasion, setOccasion] = useState<string | null>("lainnya");
  const [form, setForm] = useState<string | null>("barang");
  const [description, setDescription] = useState("");
  const [valueIdr, setValue] = useState<number | string>("");
  const [receivedOn, setReceivedOn] = useState(todayJakarta());
  const [place, setPlace] = useState("");
  const issues = issuesByPath(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        unitId,
        action,
        giverName,
        giverRelation,
        occasion: occasion as never,
        form: form as never,
        description,
        valueIdr: Number(valueIdr || 0),
        receivedOn,
        place: place || undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t("grat.reported"));
          onClose();
        },
      },
    );
  };

  return (
    <Dialog opened={opened} onClose={onClose} title={t("grat.newTitle")} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t("grat.action")}
            value={action}
            onChange={(v) => setAction(v as typeof action)}
            data={[
              { value: "ditolak", label: t("gratAction.ditolak") },
              { value: "diterima", label: t("gratAction.diterima") },
            ]}
          />
          <TextInput
            label={t("grat.giverName")}
            required
            value={giverName}
            onChange={(e) => setGiverName(e.currentTarget.value)}
            error={issues.giverName}
          />
          <TextInput
            label={t("grat.giverRelation")}
            description={t("grat.giverRelationHint")}
            required
            value={giverRelation}
            onChange={(e) => setGiverRelation(e.currentTarget.value)}
            error={issues.giverRelation}
          />
          <Group grow align="flex-start">
            <Select
              label={t("grat.occasion")}
              data={GRAT_OCCASIONS.map((o) => ({ value: o, label: t(`gratOccasion.${o}`) }))}
              value={occasion}
              onChange={setOccasion}
              allowDeselect={false}
            />
            <Select
              label={t("grat.form")}
              data={GRAT_FORMS.map((o) => ({ value: o, label: t(`gratForm.${o}`) }))}
              value={form}
              onChange={setForm}
              allowDeselect={false}
            />
          </Group>
          <Textarea
            label={t("grat.description")}
            required
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={issues.description}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t("grat.value")}
              description={valueIdr ? f.rupiah(Number(valueIdr)) : undefined}
              required
              min={0}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              value={valueIdr}
              onChange={setValue}
              error={issues.valueIdr}
            />
            <TextInput
              label={t("grat.receivedOn")}
              type="date"
              required
              value={receivedOn}
              max={todayJakarta()}
              onChange={(e) => setReceivedOn(e.currentTarget.value)}
              error={issues.receivedOn}
            />
          </Group>
          <TextInput
            label={t("grat.place")}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
          />
          <Alert role="note" color="zona">
            <Text size="sm">{t("grat.deadlineHint")}</Text>
          </Alert>
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t("grat.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
