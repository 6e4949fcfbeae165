import { MultiSelect } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { RubricTree } from "../api";

// A copy of change-management's picker (modules' web code cannot import each other's web code).

/** Every question of the rubric as "sourceId · text", grouped by component and area. */
export function questionOptions(rubric: RubricTree | undefined) {
  if (!rubric) return [];
  return rubric.components.flatMap((c) =>
    c.areas.map((a) => ({
      group: `${c.name} · ${a.name}`,
      items: a.subpillars.flatMap((s) =>
        s.questions.map((q) => ({ value: q.key, label: `${q.sourceId} · ${q.text}` })),
      ),
    })),
  );
}

export function questionIndex(rubric: RubricTree | undefined) {
  const out = new Map<string, { sourceId: string; text: string; area: string }>();
  for (const c of rubric?.components ?? [])
    for (const a of c.areas)
      for (const s of a.subpillars)
        for (const q of s.questions)
          out.set(q.key, { sourceId: q.sourceId, text: q.text, area: `${c.name} · ${a.name}` });
  return out;
}

/** Pick the LKE questions a pact round is evidence for (searchable, grouped by area). */
export function QuestionPicker(props: {
  rubric: RubricTree | undefined;
  value: string[];
  onChange: (v: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation("pact");
  const data = useMemo(() => questionOptions(props.rubric), [props.rubric]);
  return (
    <MultiSelect
      label={t("lke.questions")}
      description={t("lke.questionsHint")}
      placeholder={t("lke.questionsPlaceholder")}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      disabled={props.disabled || !props.rubric}
      maxDropdownHeight={320}
      nothingFoundMessage={t("lke.questionsNone")}
    />
  );
}
