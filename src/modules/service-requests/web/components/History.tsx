import { Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../../ui/i18n";
import type { SrEventKind } from "../../contract";

export interface HistoryItem {
  key: string;
  kind: SrEventKind;
  at: string;
  body: string | null;
  actorName?: string | null;
  internal?: boolean;
  extra?: string | null;
}

/** The request's history, oldest first; all text renders escaped. */
export function History({ items }: { items: HistoryItem[] }) {
  const { t } = useTranslation("requests");
  const f = useFormat();
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length - 1}>
      {items.map((e) => (
        <Timeline.Item
          key={e.key}
          title={`${t(`event.${e.kind}`)}${e.internal ? ` (${t("event.internal")})` : ""}`}
        >
          <Text size="xs" c="dimmed">
            {f.dateTime(e.at)}
            {e.actorName ? ` · ${e.actorName}` : ""}
          </Text>
          {e.extra ? <Text size="sm">{e.extra}</Text> : null}
          {e.body ? (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {e.body}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
