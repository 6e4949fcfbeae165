import { Button, Group, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconEraser } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Question } from "../../domain/rubric";
import { useZiFormat } from "../format";
import { apiCode, countsOf, type Draft, isAnswered, selectedOption, surveyIndexOf } from "../worksheet";

export interface AnswerControlProps {
  question: Question;
  draft: Draft;
  /** "Jawaban Unit untuk PPA1A" */
  label: string;
  onChange: (draft: Draft) => void;
  error?: string | null;
  disabled?: boolean;
}

/** "A. Text" unless the option's text already starts with its code ("Ya, jika …"). */
export function optionLabel(code: string, text: string): string {
  if (!text || text.toLowerCase() === code.toLowerCase()) return code;
  return text.toLowerCase().startsWith(code.toLowerCase()) ? text : `${code}. ${text}`;
}

/** The input for one question, by its answer type, in the API's answer format. */
export function AnswerControl({ question, draft, label, onChange, error, disabled }: AnswerControlProps) {
  const { t } = useTranslation("zi");
  const f = useZiFormat();
  const set = (answer: Draft["answer"]) => onChange({ ...draft, answer });
  const decimalSeparator = f.lang === "id" ? "," : ".";

  if (question.answerType === "counts") {
    const counts = countsOf(question, draft.answer);
    return (
      <Stack gap={6}>
        <Text size="sm" fw={500} component="div">
          {label}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: Math.min(2, counts.length) }} spacing="xs">
          {(question.counts ?? []).map((c, i) => (
            <NumberInput
              key={c.key}
              label={c.label}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={f.lang === "id" ? "." : ","}
              decimalSeparator={decimalSeparator}
              value={counts[i] ?? ""}
              disabled={disabled}
              onChange={(v) => {
                const next = [...counts];
                next[i] = v === "" || v === null ? null : Number(v);
                set({ counts: next });
              }}
            />
          ))}
        </SimpleGrid>
        {error ? (
          <Text size="sm" c="red.9" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    );
  }

  if (question.answerType === "survey_index") {
    const index = surveyIndexOf(draft.answer);
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <NumberInput
          label={`${label} — ${t("worksheet.surveyIndex")}`}
          description={t("worksheet.surveyHelp")}
          min={1}
          max={4}
          step={0.01}
          decimalScale={2}
          decimalSeparator={decimalSeparator}
          clampBehavior="none"
          value={index ?? ""}
          disabled={disabled}
          onChange={(v) => set(v === "" || v === null ? null : Number(v))}
          error={error || undefined}
        />
        <TextInput
          label={t("worksheet.source")}
          placeholder={t("worksheet.sourcePlaceholder")}
          value={draft.source ?? ""}
          disabled={disabled}
          maxLength={300}
          onChange={(e) => onChange({ ...draft, source: e.currentTarget.value })}
        />
      </SimpleGrid>
    );
  }

  const selected = selectedOption(question, draft.answer);
  return (
    <Stack gap={6}>
      <Radio.Group
        label={label}
        value={selected ? apiCode(question, selected.code) : null}
        onChange={(v) => set(v)}
        error={error || undefined}
      >
        <Stack gap={6} mt={6}>
          {question.options.map((o, i) => (
            <Radio
              key={o.code}
              value={apiCode(question, o.code)}
              disabled={disabled}
              label={
                <span>
                  {optionLabel(o.code, o.text)}
                  <Text span size="xs" c="dimmed" ml={6} aria-hidden>
                    [{i + 1}]
                  </Text>
                </span>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
      {isAnswered(draft.answer) && !disabled ? (
        <Group>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={<IconEraser size={14} aria-hidden />}
            onClick={() => set(null)}
          >
            {t("worksheet.clear")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
