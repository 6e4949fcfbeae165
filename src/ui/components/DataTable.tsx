import { Box, Group, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconArrowsSort, IconSearch, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import { type CSSProperties, type ReactNode, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLang } from "../i18n";

export interface DataTableColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable; the value sorted on (strings compare naturally, numbers numerically). */
  sortValue?: (row: T) => string | number | null | undefined;
  /** Text the filter box searches in this column (defaults to a string `sortValue`). */
  filterText?: (row: T) => string | null | undefined;
  align?: "left" | "right" | "center";
  width?: string | number;
}

export type SortDirection = "asc" | "desc";

export interface DataTableProps<T> {
  /** Names the table for screen readers (visually hidden unless `showCaption`). */
  caption: string;
  showCaption?: boolean;
  columns: DataTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Show the text filter (default: when any column is searchable). */
  filterable?: boolean;
  filterLabel?: string;
  initialSort?: { key: string; direction: SortDirection };
  /** What to show when there are no rows at all. */
  empty?: ReactNode;
  /** Extra controls beside the filter box (selects, buttons). */
  toolbar?: ReactNode;
  /** Below the table, e.g. "load more". */
  footer?: ReactNode;
}

/**
 * A table people can work through: sortable columns (buttons in the headers, with aria-sort), a text
 * filter over the searchable columns, a live count, and horizontal scrolling on small screens.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, showCaption, columns, rows, rowKey, initialSort, empty, toolbar, footer } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(initialSort ?? null);
  const captionId = useId();

  const searchable = useMemo(
    () =>
      columns
        .map((c) => c.filterText ?? (c.sortValue ? (r: T) => c.sortValue?.(r) : undefined))
        .filter((f): f is (r: T) => string | number | null | undefined => Boolean(f)),
    [columns],
  );
  const filterable = props.filterable ?? searchable.length > 0;

  const visible = useMemo(() => {
    const q = query.trim().toLocaleLowerCase(lang);
    let out = rows;
    if (q) {
      out = rows.filter((r) =>
        searchable.some((f) => {
          const v = f(r);
          return v !== null && v !== undefined && String(v).toLocaleLowerCase(lang).includes(q);
        }),
      );
    }
    const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (sort && col?.sortValue) {
      const get = col.sortValue;
      const collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
      const dir = sort.direction === "asc" ? 1 : -1;
      out = [...out].sort((a, b) => {
        const va = get(a);
        const vb = get(b);
        if (va === vb) return 0;
        if (va === null || va === undefined) return 1; // blanks last in both directions
        if (vb === null || vb === undefined) return -1;
        if (typeof va === "number" && typeof vb === "number") return (va - vb) * dir;
        return collator.compare(String(va), String(vb)) * dir;
      });
    }
    return out;
  }, [rows, query, sort, columns, searchable, lang]);

  function toggleSort(key: string) {
    setSort((s) =>
      s?.key === key ? { key, direction: s.direction === "asc" ? "desc" : "asc" } : { key, direction: "asc" },
    );
  }

  return (
    <Box>
      {filterable || toolbar ? (
        <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
          {filterable ? (
            <TextInput
              label={props.filterLabel ?? t("ui.table.filter")}
              placeholder={t("ui.table.filterPlaceholder")}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={{ base: "100%", sm: 280 }}
            />
          ) : null}
          {toolbar}
        </Group>
      ) : null}
      {rows.length === 0 && empty ? (
        empty
      ) : (
        // position: relative keeps visually hidden (absolute) labels inside the scroll box.
        <Box
          style={{ overflowX: "auto", position: "relative" }}
          tabIndex={0}
          role="region"
          aria-labelledby={captionId}
        >
          <Table striped highlightOnHover verticalSpacing="sm" miw={columns.length > 3 ? 640 : undefined}>
            <Table.Caption id={captionId} style={showCaption ? undefined : visuallyHidden}>
              {caption}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => {
                  const active = sort?.key === c.key;
                  const ariaSort = active
                    ? sort.direction === "asc"
                      ? "ascending"
                      : "descending"
                    : undefined;
                  const Icon = active
                    ? sort.direction === "asc"
                      ? IconSortAscending
                      : IconSortDescending
                    : IconArrowsSort;
                  return (
                    <Table.Th key={c.key} aria-sort={ariaSort} style={{ textAlign: c.align, width: c.width }}>
                      {c.sortValue ? (
                        <UnstyledButton
                          onClick={() => toggleSort(c.key)}
                          fw={700}
                          fz="sm"
                          style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
                        >
                          {c.header}
                          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.55 }} />
                          <VisuallyHidden>
                            {active
                              ? t(sort.direction === "asc" ? "ui.table.sortedAsc" : "ui.table.sortedDesc")
                              : t("ui.table.sortable")}
                          </VisuallyHidden>
                        </UnstyledButton>
                      ) : (
                        c.header
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Text c="dimmed" ta="center" py="md">
                      {t("ui.table.noMatch")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                visible.map((r) => (
                  <Table.Tr key={rowKey(r)}>
                    {columns.map((c) => (
                      <Table.Td key={c.key} style={{ textAlign: c.align }}>
                        {c.cell(r)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {filterable && rows.length > 0 ? (
        <Text size="sm" c="dimmed" mt="xs" aria-live="polite">
          {t("ui.table.count", { shown: visible.length, total: rows.length })}
        </Text>
      ) : null}
      {footer}
    </Box>
  );
}

const visuallyHidden: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};
