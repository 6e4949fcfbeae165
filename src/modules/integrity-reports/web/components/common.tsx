import { Select } from "@mantine/core";
import type { StatusTone } from "../../../../ui/components/StatusBadge";
import type { WbsStatus } from "../../domain/model";

export const WBS_TONE: Record<WbsStatus, StatusTone> = {
  received: "warning",
  in_review: "info",
  investigating: "info",
  closed_substantiated: "success",
  closed_unsubstantiated: "neutral",
  closed_insufficient: "neutral",
};

export const GRAT_TONE: Record<string, StatusTone> = {
  reported: "warning",
  reviewed: "info",
  forwarded: "info",
  decided: "success",
  closed: "neutral",
};

/** The current Jakarta year (the browser clock; pages only use it as a default). */
export function thisYear(): number {
  return Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
}

export function todayJakarta(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function YearSelect({
  value,
  onChange,
  label,
}: {
  value: number;
  onChange: (y: number) => void;
  label: string;
}) {
  const now = thisYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3].map(String);
  return (
    <Select
      label={label}
      data={years}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={120}
    />
  );
}
