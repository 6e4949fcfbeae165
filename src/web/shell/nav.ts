import type { IconComponent, WebHomeCard, WebModule, WebNavItem } from "../../ui/module";
import { hasPermission } from "../../ui/session";

export interface NavGroup {
  name: string;
  titleKey: string;
  items: WebNavItem[];
}

/**
 * The navbar for a user: each module's items the user holds the permission for; modules left with
 * no item disappear entirely.
 */
export function buildNav(modules: readonly WebModule[], permissions: readonly string[]): NavGroup[] {
  const groups: NavGroup[] = [];
  for (const m of modules) {
    const items = m.nav.filter((i) => hasPermission(permissions, i.permission));
    if (items.length > 0) groups.push({ name: m.name, titleKey: m.titleKey, items });
  }
  return groups;
}

export interface HomeCardEntry extends WebHomeCard {
  module: string;
  icon?: IconComponent;
}

/** One home-screen card per installed module the user may use. */
export function homeCards(modules: readonly WebModule[], permissions: readonly string[]): HomeCardEntry[] {
  return modules
    .filter((m) => m.homeCard && hasPermission(permissions, m.homeCard.permission))
    .map((m) => ({ ...(m.homeCard as WebHomeCard), module: m.name }));
}

/** The nav item that matches a pathname best (longest prefix), for highlighting. */
export function activeNavPath(groups: readonly NavGroup[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const g of groups) {
    for (const i of g.items) {
      const match = pathname === i.path || pathname.startsWith(i.path.endsWith("/") ? i.path : `${i.path}/`);
      if (match && (!best || i.path.length > best.length)) best = i.path;
    }
  }
  return best;
}
