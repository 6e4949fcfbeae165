import { MultiSelect } from "@mantine/core";
import { useMemo } from "react";

/** The part of an LKE rubric (GET /api/zi/rubrics/:id) a question picker needs. */
export interface RubricQuestions {
  components: Array<{
    name: string;
    areas: Array<{
      name: string;
      subpillars: Array<{ questions: Array<{ key: string; sourceId: string; text: string }> }>;
    }>;
  }>;
}

/** Every question of the rubric as "sourceId · text", grouped by component and area. */
export function questionOptions(rubric: RubricQuestions | undefined) {
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

/** Question key → its source id, text and area, for listing what a record is linked to. */
export function questionIndex(rubric: RubricQuestions | undefined) {
  const out = new Map<string, { sourceId: string; text: string; area: string }>();
  for (const c of rubric?.components ?? [])
    for (const a of c.areas)
      for (const s of a.subpillars)
        for (const q of s.questions)
          out.set(q.key, { sourceId: q.sourceId, text: q.text, area: `${c.name} · ${a.name}` });
  return out;
}

/**
 * Pick the LKE questions a record is evidence for (searchable, grouped by area). Every module that
 * links its records to the worksheet uses this one; the texts come from the module's namespace.
 */
export function QuestionPicker(props: {
  rubric: RubricQuestions | undefined;
  value: string[];
  onChange: (v: string[]) => void;
  disabled?: boolean;
  labels: { label: string; description: string; placeholder: string; nothingFound: string };
}) {
  const data = useMemo(() => questionOptions(props.rubric), [props.rubric]);
  return (
    <MultiSelect
      label={props.labels.label}
      description={props.labels.description}
      placeholder={props.labels.placeholder}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      disabled={props.disabled || !props.rubric}
      maxDropdownHeight={320}
      nothingFoundMessage={props.labels.nothingFound}
    />
  );
}
