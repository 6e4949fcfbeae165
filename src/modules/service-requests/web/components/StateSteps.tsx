import { Box, Text, ThemeIcon, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SrState } from "../../contract";

/** The request's way as a stepper: Diajukan → Diproses (or waiting for documents) → Selesai/Ditolak. */
export function StateSteps({ state }: { state: SrState }) {
  const { t } = useTranslation("requests");
  const current =
    state === "submitted" ? 0 : state === "in_progress" || state === "waiting_requester" ? 1 : 2;
  const final = state === "rejected" || state === "cancelled";
  const steps = [
    t("steps.submitted"),
    state === "waiting_requester" ? t("steps.waiting") : t("steps.processing"),
    state === "rejected"
      ? t("state.rejected")
      : state === "cancelled"
        ? t("state.cancelled")
        : t("steps.completed"),
  ];
  return (
    <Box
      component="ol"
      aria-label={t("steps.label")}
      m={0}
      p={0}
      style={{
        listStyle: "none",
        display: "flex",
        gap: "var(--mantine-spacing-xs)",
        alignItems: "flex-start",
      }}
    >
      {steps.map((label, i) => {
        const done = i < current || (i === current && i === 2);
        const isCurrent = i === current;
        const failed = i === 2 && final;
        const color = failed ? "red" : done ? "green" : isCurrent ? "zona" : "gray";
        return (
          <Box
            component="li"
            key={label}
            aria-current={isCurrent ? "step" : undefined}
            style={{ flex: 1, minWidth: 0, textAlign: "center" }}
          >
            <ThemeIcon
              radius="xl"
              size="lg"
              color={color}
              variant={done || isCurrent ? "filled" : "light"}
              mx="auto"
              aria-hidden
            >
              {failed ? <IconX size={18} /> : done ? <IconCheck size={18} /> : <Text fw={700}>{i + 1}</Text>}
            </ThemeIcon>
            <Text size="sm" fw={isCurrent ? 700 : 400} mt={4}>
              {label}
            </Text>
            <VisuallyHidden>
              {isCurrent && !done ? t("steps.now") : done ? t("steps.done") : t("steps.todo")}
            </VisuallyHidden>
          </Box>
        );
      })}
    </Box>
  );
}
