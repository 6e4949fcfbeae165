import { useTranslation } from "react-i18next";
import { QuestionPicker as Picker, type RubricQuestions } from "../../../../ui/components/QuestionPicker";

export { questionIndex, questionOptions } from "../../../../ui/components/QuestionPicker";

/** The shared LKE question picker with this module's texts. */
export function QuestionPicker(props: {
  rubric: RubricQuestions | undefined;
  value: string[];
  onChange: (v: string[]) => void;
  disabled?: boolean;
  /** What the record becomes on the worksheet (defaults to the activity's wording). */
  description?: string;
}) {
  const { t } = useTranslation("cm");
  return (
    <Picker
      {...props}
      labels={{
        label: t("activity.questions"),
        description: props.description ?? t("activity.questionsHint"),
        placeholder: t("activity.questionsPlaceholder"),
        nothingFound: t("activity.questionsNone"),
      }}
    />
  );
}
