import {
  ActionIcon,
  Badge,
  Box,
  Divider,
  Grid,
  Group,
  Paper,
  Spoiler,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from "@mantine/core";
import { IconHistory } from "@tabler/icons-react";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { CellWire, RecordRefWire } from "../../contract";
import type { QuestionEntry } from "../../domain/rubric";
import { COLUMNS, type Column } from "../../domain/stages";
import { useZiFormat } from "../format";
import { answerText, type Draft } from "../worksheet";
import { AnswerControl } from "./AnswerControl";
import { type EvidenceFile, EvidencePanel } from "./EvidencePanel";

export interface QuestionRowProps {
  entry: QuestionEntry;
  code: string;
  /** The column the user writes now, or null (read-only worksheet). */
  column: Column | null;
  draft: Draft;
  dirty: boolean;
  cells: Record<Column, CellWire | undefined>;
  /** Preview points of the written column (or the saved points when read-only). */
  points: number;
  share: number;
  differsFromUnit: boolean;
  problem: string | null;
  serverError: string | null;
  active: boolean;
  cycleId: string;
  unitId: string;
  evidence: EvidenceFile[];
  /** Records of other modules linked as evidence (activities, meetings, posts…). */
  records: RecordRefWire[];
  cycleFiles: EvidenceFile[];
  canLink: boolean;
  onChange: (key: string, draft: Draft) => void;
  onFocusRow: (key: string) => void;
  onHistory: (key: string) => void;
  rowRef: (key: string, el: HTMLDivElement | null) => void;
}

function ReadOnlyCell({
  entry,
  column,
  cell,
}: {
  entry: QuestionEntry;
  column: Column;
  cell: CellWire | undefined;
}) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const text = cell ? answerText(entry.question, cell.answer as Draft["answer"], f.number) : null;
  return (
    <Paper bg="gray.0" p="xs" radius="sm" h="100%" data-column={column}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {t(`column.${column}`)}
      </Text>
      {text === null ? (
        <Text size="sm" c="dimmed">
          {t("worksheet.notAnswered")}
        </Text>
      ) : (
        <Text size="sm" fw={600}>
          {text}
          <Text span size="xs" c="dimmed" fw={400}>
            {" · "}
            {t("common.points", { value: f.score(cell?.points ?? 0) })}
          </Text>
        </Text>
      )}
      {cell?.source ? (
        <Text size="xs" c="dimmed">
          {cell.source}
        </Text>
      ) : null}
      {cell?.note ? (
        <Text size="xs" mt={2} style={{ whiteSpace: "pre-wrap" }}>
          {cell.note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** One question: code and text, the written column's input, the other columns read-only, evidence. */
export const QuestionRow = memo(function QuestionRow(props: QuestionRowProps) {
  const { entry, code, column, draft, cells, active } = props;
  const q = entry.question;
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const others = COLUMNS.filter((c) => c !== column);
  const error = props.serverError ?? props.problem;

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      tabIndex={0}
      role="group"
      aria-label={t("worksheet.questionLabel", { code })}
      data-question={q.key}
      ref={(el) => props.rowRef(q.key, el)}
      onFocus={() => props.onFocusRow(q.key)}
      style={{
        outline: active ? "3px solid var(--mantine-color-zona-6)" : undefined,
        outlineOffset: 2,
        borderColor: error ? "var(--mantine-color-red-7)" : undefined,
        scrollMarginTop: 160,
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Badge variant="outline" size="sm" ff="monospace" tt="none">
              {code}
            </Badge>
            {props.dirty ? (
              <Badge
                size="sm"
                color="yellow"
                variant="light"
                styles={{ root: { color: "var(--mantine-color-yellow-9)" } }}
              >
                {t("worksheet.changed")}
              </Badge>
            ) : null}
            {props.differsFromUnit ? (
              <Badge
                size="sm"
                color="orange"
                variant="light"
                styles={{ root: { color: "var(--mantine-color-orange-9)" } }}
              >
                {t("worksheet.differs")}
              </Badge>
            ) : null}
          </Group>
          <Text fw={500} style={{ overflowWrap: "anywhere" }}>
            {q.text}
          </Text>
          {q.formula ? (
            <Text size="xs" c="dimmed">
              {t("worksheet.formula", { formula: q.formula })}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flex: "none" }}>
          <Text size="sm" fw={700} style={{ whiteSpace: "nowrap" }} data-testid={`points-${q.key}`}>
            {t("worksheet.points", { points: f.score(props.points), share: f.score(props.share) })}
          </Text>
          <Tooltip label={t("worksheet.history")}>
            <ActionIcon
              variant="subtle"
              onClick={() => props.onHistory(q.key)}
              aria-label={`${t("worksheet.history")} ${code}`}
            >
              <IconHistory size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Stack>
      </Group>

      <Grid mt="sm" gap="sm">
        {column ? (
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Stack gap="xs">
              <AnswerControl
                question={q}
                draft={draft}
                label={t("worksheet.answerFor", { column: t(`column.${column}`), code })}
                onChange={(d) => props.onChange(q.key, d)}
                error={error}
              />
              <Textarea
                label={t("worksheet.note")}
                placeholder={t("worksheet.notePlaceholder")}
                autosize
                minRows={1}
                maxRows={6}
                maxLength={4000}
                value={draft.note}
                onChange={(e) => props.onChange(q.key, { ...draft, note: e.currentTarget.value })}
              />
            </Stack>
          </Grid.Col>
        ) : null}
        {others.map((c) => (
          <Grid.Col key={c} span={{ base: 12, sm: 6, lg: column ? 3 : 4 }}>
            <ReadOnlyCell entry={entry} column={c} cell={cells[c]} />
          </Grid.Col>
        ))}
      </Grid>

      <Divider my="sm" />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <EvidencePanel
            cycleId={props.cycleId}
            unitId={props.unitId}
            questionKey={q.key}
            code={code}
            files={props.evidence}
            records={props.records}
            cycleFiles={props.cycleFiles}
            canLink={props.canLink}
          />
        </Grid.Col>
        {q.evidence.length > 0 ? (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Box>
              <Text size="sm" fw={600} mb={4}>
                {t("worksheet.expectedEvidence")}
              </Text>
              <Spoiler maxHeight={66} showLabel={t("worksheet.showMore")} hideLabel={t("worksheet.showLess")}>
                <Box component="ul" m={0} pl="md">
                  {q.evidence.map((e) => (
                    <Text component="li" size="xs" key={e}>
                      {e}
                    </Text>
                  ))}
                </Box>
              </Spoiler>
            </Box>
          </Grid.Col>
        ) : null}
      </Grid>
    </Paper>
  );
});
