import { useTranslation } from "react-i18next";
import { QuestionPicker as Picker, type RubricQuestions } from "../../../../ui/components/QuestionPicker";

export { questionIndex, questionOptions } from "../../../../ui/components/QuestionPicker";

/** The shared LKE question picker with this module's texts (a pact round as evidence). */
export function QuestionPicker(props: {
  rubric: RubricQuestions | undefined;
  value: string[];
  onChange: (v: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation("pact");
  return (
    <Picker
      {...props}
      labels={{
        label: t("lke.questions"),
        description: t("lke.questionsHint"),
        placeholder: t("lke.questionsPlaceholder"),
        nothingFound: t("lke.questionsNone"),
      }}
    />
  );
}
