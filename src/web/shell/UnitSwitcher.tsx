import { Select } from "@mantine/core";
import { IconBuilding } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../ui/session";

/** The work unit the user is working in; every page reads it as its context. */
export function UnitSwitcher({ withLabel = false }: { withLabel?: boolean }) {
  const { t } = useTranslation();
  const { units, currentUnit, setCurrentUnitId } = useSession();
  if (units.length === 0) return null;
  const minDepth = Math.min(...units.map((u) => u.depth));
  const data = units.map((u) => ({ value: u.id, label: u.name }));
  // Options are indented by depth so the list shows the tree; the input shows the plain name.
  const indent = new Map(units.map((u) => [u.id, Math.max(0, u.depth - minDepth)]));
  return (
    <Select
      label={withLabel ? t("shell.unit.label") : undefined}
      aria-label={withLabel ? undefined : t("shell.unit.label")}
      data={data}
      value={currentUnit?.id ?? null}
      onChange={(v) => v && setCurrentUnitId(v)}
      allowDeselect={false}
      searchable={units.length > 8}
      nothingFoundMessage={t("shell.unit.nothingFound")}
      leftSection={<IconBuilding size={16} aria-hidden />}
      comboboxProps={{ width: "max-content", position: "bottom-start" }}
      w={withLabel ? "100%" : 280}
      renderOption={({ option }) => (
        <span style={{ paddingLeft: `${(indent.get(option.value) ?? 0) * 0.9}rem` }}>{option.label}</span>
      )}
      styles={{ input: { textOverflow: "ellipsis" } }}
    />
  );
}
