import {
  ActionIcon,
  Anchor,
  Button,
  FileButton,
  Group,
  List,
  Select,
  Stack,
  Text,
  Tooltip,
} from "@mantine/core";
import { IconDownload, IconLink, IconPaperclip, IconUnlink, IconUpload } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConfirmButton } from "../../../../ui/components/ConfirmButton";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import { notifySuccess } from "../../../../ui/notify";
import type { RecordRefWire } from "../../contract";
import { linkEvidence, unlinkEvidence, uploadFile, ziDownloads, ziKeys } from "../api";
import { useZiFormat } from "../format";

export interface EvidenceFile {
  id: string;
  name: string;
  mime: string;
  sizeBytes: number;
}

/** A question's evidence: the files (download, unlink), upload a new one, or link one already uploaded. */
export function EvidencePanel({
  cycleId,
  unitId,
  questionKey,
  code,
  files,
  records = [],
  cycleFiles,
  canLink,
}: {
  cycleId: string;
  unitId: string;
  questionKey: string;
  code: string;
  files: EvidenceFile[];
  /** Records of other modules linked to this question (read-only here; linked from their pages). */
  records?: RecordRefWire[];
  /** Every file linked anywhere in the cycle, to link again here. */
  cycleFiles: EvidenceFile[];
  canLink: boolean;
}) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pick, setPick] = useState<string | null>(null);
  const linkable = cycleFiles.filter((c) => !files.some((x) => x.id === c.id));

  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ziKeys.worksheet(cycleId) }),
      qc.invalidateQueries({ queryKey: ziKeys.cycle(cycleId) }),
    ]);

  async function upload(file: File | null) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const meta = await uploadFile(unitId, file);
      await linkEvidence(cycleId, meta.id, [questionKey]);
      await refresh();
      notifySuccess(t("evidence.uploaded", { name: meta.originalName }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function link() {
    const file = linkable.find((c) => c.id === pick);
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await linkEvidence(cycleId, file.id, [questionKey]);
      await refresh();
      setPick(null);
      notifySuccess(t("evidence.linked", { name: file.name }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={6}>
      <Group gap={6}>
        <IconPaperclip size={16} aria-hidden />
        <Text size="sm" fw={600}>
          {t("evidence.title")}
        </Text>
      </Group>
      {records.length > 0 ? (
        <List size="sm" spacing={4} listStyleType="none" p={0} aria-label={t("evidence.records")}>
          {records.map((r) => (
            <List.Item key={`${r.module}:${r.type}:${r.id}`}>
              <Group gap={4} wrap="nowrap">
                <IconLink size={14} aria-hidden />
                <Anchor component={Link} to={r.path} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {r.title}
                </Anchor>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
      {files.length === 0 ? (
        records.length === 0 ? (
          <Text size="sm" c="red.9">
            {t("evidence.missing")}
          </Text>
        ) : null
      ) : (
        <List size="sm" spacing={4} listStyleType="none" p={0}>
          {files.map((file) => (
            <List.Item key={file.id}>
              <Group gap={4} wrap="nowrap">
                <Anchor
                  href={ziDownloads.file(file.id)}
                  size="sm"
                  aria-label={t("evidence.download", { name: file.name })}
                  style={{ overflowWrap: "anywhere" }}
                >
                  <IconDownload size={14} aria-hidden style={{ verticalAlign: "middle", marginRight: 4 }} />
                  {file.name}
                </Anchor>
                <Text span size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {t("evidence.size", { size: f.number(file.sizeBytes / 1024, { maxDecimals: 0 }) })}
                </Text>
                {canLink ? (
                  <ConfirmButton
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t("evidence.unlink", { name: file.name })}
                    title={t("evidence.unlinkTitle")}
                    message={t("evidence.unlinkMessage", { name: file.name, code })}
                    confirmLabel={t("evidence.unlinkConfirm")}
                    onConfirm={async () => {
                      await unlinkEvidence(cycleId, questionKey, file.id);
                      await refresh();
                    }}
                  >
                    <IconUnlink size={14} aria-hidden />
                  </ConfirmButton>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {canLink ? (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <FileButton onChange={(file) => void upload(file)}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                loading={busy}
                leftSection={<IconUpload size={14} aria-hidden />}
              >
                {t("evidence.upload")}
              </Button>
            )}
          </FileButton>
          {linkable.length > 0 ? (
            <Group gap={4} align="flex-end" wrap="nowrap">
              <Select
                size="xs"
                label={t("evidence.link")}
                placeholder={t("evidence.linkPlaceholder")}
                data={linkable.map((c) => ({ value: c.id, label: c.name }))}
                value={pick}
                onChange={setPick}
                searchable
                w={220}
              />
              <Tooltip label={t("evidence.linkButton")}>
                <ActionIcon
                  size="lg"
                  variant="light"
                  onClick={() => void link()}
                  disabled={!pick}
                  aria-label={t("evidence.linkButton")}
                >
                  <IconLink size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ) : null}
        </Group>
      ) : null}
      <ErrorAlert error={error} mb="0" />
    </Stack>
  );
}
