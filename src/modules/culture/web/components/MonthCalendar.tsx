import { Box, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../ui/i18n";
import { isWeekend, monthWeeks } from "../dates";

/**
 * A month as a table (Monday first): each day cell shows its number and what `renderDay` gives.
 * A table keeps the grid readable by screen readers (weekday headers, the date in each cell).
 */
export function MonthCalendar({
  month,
  caption,
  renderDay,
  muted,
  today,
}: {
  month: string;
  caption: string;
  renderDay: (date: string) => ReactNode;
  /** Dates shown dimmed (non-working days); weekends are always dimmed. */
  muted?: (date: string) => boolean;
  today?: string;
}) {
  const { t } = useTranslation("culture");
  const f = useFormat();
  const weekdays = t("calendar.weekdays", { returnObjects: true }) as string[];
  return (
    <Box style={{ overflowX: "auto" }}>
      <Table withTableBorder withColumnBorders layout="fixed" miw={640} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {weekdays.map((d) => (
              <Table.Th key={d} ta="center">
                {d}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {monthWeeks(month).map((week) => (
            <Table.Tr key={week.find(Boolean) ?? "pad"}>
              {week.map((date, i) =>
                date ? (
                  <Table.Td
                    key={date}
                    valign="top"
                    h={84}
                    bg={isWeekend(date) || muted?.(date) ? "var(--mantine-color-gray-0)" : undefined}
                    style={today === date ? { outline: "2px solid var(--mantine-color-zona-6)" } : undefined}
                    data-date={date}
                  >
                    <Group justify="space-between" gap={4} wrap="nowrap">
                      <Text
                        size="sm"
                        fw={today === date ? 700 : 500}
                        c={isWeekend(date) ? "dimmed" : undefined}
                      >
                        <span aria-hidden>{Number(date.slice(8, 10))}</span>
                        <VisuallyHidden>{f.date(date, { weekday: true })}</VisuallyHidden>
                      </Text>
                    </Group>
                    {renderDay(date)}
                  </Table.Td>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity
                  <Table.Td key={`pad-${i}`} bg="var(--mantine-color-gray-0)" />
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
