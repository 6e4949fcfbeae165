/** Work units, pure parts: kinds, the materialised path, and tree rules. */
export const UNIT_KINDS = ["kementerian", "eselon1", "kanwil", "kantor", "kawasan"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { id: string; en: string }> = {
  kementerian: { id: "Kementerian/Lembaga", en: "Ministry/agency" },
  eselon1: { id: "Unit Eselon I", en: "Echelon I unit" },
  kanwil: { id: "Kantor Wilayah", en: "Regional office" },
  kantor: { id: "Kantor/Satker", en: "Office/work unit" },
  kawasan: { id: "Kawasan", en: "Area grouping" },
};

export type Zone = "WIB" | "WITA" | "WIT";

export interface Unit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  /** "/<rootId>/…/<id>/": a unit covers every unit whose path starts with its own. */
  path: string;
  depth: number;
  zone: Zone;
  createdAt: string;
  updatedAt: string;
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? "/"}${id}/`;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Sort a flat list into tree order (parents before children, siblings by code) with depth. */
export function treeOrder<T extends { id: string; parentId: string | null; code: string }>(units: T[]): T[] {
  const byParent = new Map<string | null, T[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  const out: T[] = [];
  const walk = (key: string | null) => {
    for (const u of (byParent.get(key) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  return out;
}
