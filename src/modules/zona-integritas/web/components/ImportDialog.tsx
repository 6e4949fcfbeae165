import { Alert, Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { IconFileSpreadsheet } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../../../ui/components/Dialog";
import { ErrorAlert } from "../../../../ui/components/ErrorAlert";
import type { Column } from "../../domain/stages";
import { type ImportResult, type ImportRowError, importErrorsOf, importWorksheet, ziKeys } from "../api";

function ErrorTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation("zi");
  return (
    <div style={{ overflowX: "auto", maxHeight: 320 }}>
      <Table striped verticalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("import.row")}</Table.Th>
            <Table.Th>{t("import.question")}</Table.Th>
            <Table.Th>{t("import.columnName")}</Table.Th>
            <Table.Th>{t("import.message")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e) => (
            <Table.Tr key={`${e.row}|${e.question ?? ""}|${e.column ?? ""}|${e.message}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td style={{ fontFamily: "monospace" }}>{e.question ?? "–"}</Table.Td>
              <Table.Td>{e.column ?? "–"}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Import the editable column from an XLSX; a refused file lists its bad rows, nothing applied. */
export function ImportDialog({
  cycleId,
  column,
  opened,
  onClose,
}: {
  cycleId: string;
  column: Column;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("zi");
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const rowErrors = importErrorsOf(error);

  async function submit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await importWorksheet(cycleId, column, file);
      setResult(r);
      setFile(null);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ziKeys.worksheet(cycleId) }),
        qc.invalidateQueries({ queryKey: ziKeys.cycle(cycleId) }),
      ]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t("import.title", { column: t(`column.${column}`) })}
      size="xl"
      centered
    >
      <Stack>
        <Text size="sm">{t("import.description")}</Text>
        <FileInput
          label={t("import.file")}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          onChange={setFile}
          clearable
        />
        {rowErrors ? (
          <Alert color="red" variant="light" title={t("import.errorsTitle", { count: rowErrors.length })}>
            <ErrorTable errors={rowErrors} />
          </Alert>
        ) : (
          <ErrorAlert error={error} mb="0" />
        )}
        {result ? (
          <Alert
            color="green"
            variant="light"
            title={t("import.done", { imported: result.imported, rows: result.rows })}
          >
            {result.errors.length > 0 ? (
              <>
                <Text size="sm" mb="xs">
                  {t("import.warnings")}
                </Text>
                <ErrorTable errors={result.errors} />
              </>
            ) : null}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.close")}
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!file}>
            {t("import.submit")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
