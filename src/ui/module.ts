import type { ComponentType } from "react";
import type { RouteObject } from "react-router";

/** A Tabler icon or any component taking the same props. */
export type IconComponent = ComponentType<{
  size?: number | string;
  stroke?: number;
  "aria-hidden"?: boolean;
}>;

export interface WebNavItem {
  /** Absolute path, e.g. '/admin/audit'. */
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  icon?: IconComponent;
  /** Shown only to users holding this permission. */
  permission?: string;
}

export interface WebHomeCard {
  titleKey: string;
  descriptionKey: string;
  path: string;
  icon?: IconComponent;
  permission?: string;
}

/**
 * A module's contribution to the browser app. Each domain module exports one from
 * `src/modules/<name>/web/routes.tsx`; `src/web/modules.ts` lists them. Routes render inside the
 * signed-in shell; `publicRoutes` (portal pages, tracking) render without it and need no account.
 */
export interface WebModule {
  name: string;
  /** i18n key of the module's title (navbar group label). */
  titleKey: string;
  nav: WebNavItem[];
  /** React Router route objects; keep their pages lazy (see `lazyPage`). */
  routes: RouteObject[];
  publicRoutes?: RouteObject[];
  homeCard?: WebHomeCard;
  /**
   * The module's strings, added to i18next under the module's `name` as namespace, so keys read
   * `'<name>:some.key'`. Kernel/admin strings live in the shell's own files.
   */
  translations?: { id: Record<string, unknown>; en: Record<string, unknown> };
}
