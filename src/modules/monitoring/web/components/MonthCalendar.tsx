import { ActionIcon, Anchor, Box, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { StatusBadge } from "../../../../ui/components/StatusBadge";
import type { MeetingSummary } from "../../contract";
import { KIND_TONE } from "../format";

const pad = (n: number) => String(n).padStart(2, "0");

/** The days of a month laid out Monday-first, with leading blanks. */
export function monthGrid(month: string): Array<{ key: string; date: string | null }> {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  return [
    ...Array.from({ length: lead }, (_, i) => ({ key: `lead-${i}`, date: null })),
    ...Array.from({ length: days }, (_, i) => ({
      key: `${month}-${pad(i + 1)}`,
      date: `${month}-${pad(i + 1)}`,
    })),
  ];
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const t = y * 12 + (m - 1) + delta;
  return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
}

/** A month of meetings, Monday first (MODEL meetings line up in one column). */
export function MonthCalendar({
  month,
  onMonth,
  meetings,
}: {
  month: string;
  onMonth: (m: string) => void;
  meetings: MeetingSummary[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === "en" ? "en-GB" : "id-ID";
  const [y, m] = month.split("-").map(Number) as [number, number];
  const monthName = new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 15)),
  );
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(2026, 10, 23 + i)),
    ),
  );
  const byDate = new Map<string, MeetingSummary[]>();
  for (const mt of meetings) byDate.set(mt.date, [...(byDate.get(mt.date) ?? []), mt]);

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <ActionIcon
          variant="subtle"
          aria-label={t("monev:meetings.prevMonth")}
          onClick={() => onMonth(shiftMonth(month, -1))}
        >
          <IconChevronLeft aria-hidden />
        </ActionIcon>
        <Title order={2} size="h4">
          {monthName}
        </Title>
        <ActionIcon
          variant="subtle"
          aria-label={t("monev:meetings.nextMonth")}
          onClick={() => onMonth(shiftMonth(month, 1))}
        >
          <IconChevronRight aria-hidden />
        </ActionIcon>
      </Group>
      <Box
        component="section"
        aria-label={t("monev:meetings.calendar", { month: monthName })}
        style={{ overflowX: "auto" }}
      >
        <SimpleGrid cols={7} spacing={4} miw={560}>
          {weekdays.map((w) => (
            <Text key={w} size="xs" fw={600} ta="center">
              {w}
            </Text>
          ))}
          {monthGrid(month).map(({ key, date: d }) =>
            d === null ? (
              <Box key={key} />
            ) : (
              <Paper key={key} withBorder p={4} mih={72}>
                <Text size="xs" c="dimmed">
                  {Number(d.slice(8))}
                </Text>
                <Stack gap={2}>
                  {(byDate.get(d) ?? []).map((mt) => (
                    <Anchor key={mt.id} component={Link} to={`/monev/rapat/${mt.id}`} size="xs" lineClamp={2}>
                      <StatusBadge tone={KIND_TONE[mt.kind]} size="xs">
                        {t(`monev:kind.${mt.kind}`)}
                      </StatusBadge>{" "}
                      {mt.title}
                    </Anchor>
                  ))}
                </Stack>
              </Paper>
            ),
          )}
        </SimpleGrid>
      </Box>
    </Stack>
  );
}
