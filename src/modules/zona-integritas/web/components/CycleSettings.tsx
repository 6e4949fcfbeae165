import {
  Anchor,
  Button,
  FileInput,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { IconDeviceFloppy, IconFileUpload } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { issuesByPath } from "../../../../ui/api";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import type { CycleDetail, CycleWire } from "../../contract";
import { type Predicate, type UpdateCycleInput, uploadFile, useCycleMutations, ziDownloads } from "../api";

/** Pact percentage, declaration (date and file), prior WBK and target: what the gates of pencanangan read. */
export function CycleSettings({ cycle, pact: live }: { cycle: CycleWire; pact?: CycleDetail["pact"] }) {
  const { t } = useTranslation("zi");
  const { update } = useCycleMutations(cycle.id);
  const [target, setTarget] = useState<Predicate>(cycle.target);
  const [pact, setPact] = useState<number | string>(cycle.pactPercent ?? "");
  const [date, setDate] = useState(cycle.declarationDate ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [priorWbk, setPriorWbk] = useState(cycle.priorWbk);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = issuesByPath(error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const body: UpdateCycleInput = {
        version: cycle.version,
        target,
        priorWbk,
        pactPercent: pact === "" ? null : Number(pact),
        declarationDate: date || null,
      };
      if (file) {
        setUploading(true);
        const meta = await uploadFile(cycle.unit.id, file);
        body.declarationFileId = meta.id;
      }
      await update.mutateAsync(body);
      setFile(null);
      notifySuccess(t("settings.saved"));
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="zi-settings-target">
            {t("settings.target")}
          </Text>
          <SegmentedControl
            aria-labelledby="zi-settings-target"
            value={target}
            onChange={(v) => setTarget(v as Predicate)}
            data={["WBK", "WBBM"]}
          />
        </div>
        {live ? (
          // Signatures collected in Zona decide the pencanangan gate; the recorded share is a fallback.
          <Text size="sm" data-testid="zi-pact-live">
            {t("settings.pactLive", {
              title: live.title,
              signed: live.signed,
              total: live.total,
              percent: live.percent.toLocaleString("id-ID", { maximumFractionDigits: 2 }),
            })}{" "}
            <Anchor component={Link} to="/pakta" size="sm" underline="always">
              {t("settings.pactOpen")}
            </Anchor>
          </Text>
        ) : null}
        <NumberInput
          disabled={Boolean(live)}
          label={t("settings.pactPercent")}
          description={t("settings.pactHelp")}
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          value={pact}
          onChange={setPact}
          error={issues.pactPercent}
        />
        <TextInput
          type="date"
          label={t("settings.declarationDate")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={issues.declarationDate}
        />
        {cycle.declarationFileId ? (
          <Text size="sm">
            {t("settings.declarationFileCurrent")}:{" "}
            <Anchor href={ziDownloads.file(cycle.declarationFileId)}>{cycle.declarationFileId}</Anchor>
          </Text>
        ) : null}
        <FileInput
          label={t("settings.declarationFile")}
          placeholder={t("settings.declarationFilePick")}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          value={file}
          onChange={setFile}
          clearable
        />
        <Switch
          label={t("settings.priorWbk")}
          checked={priorWbk}
          onChange={(e) => setPriorWbk(e.currentTarget.checked)}
        />
        <ErrorAlert error={error} mb="0" />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={update.isPending || uploading}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
