/** Zona's design system and browser plumbing: import from here in pages and module web code. */
export * from "./api";
export { ConfirmButton, type ConfirmButtonProps } from "./components/ConfirmButton";
export { DataTable, type DataTableColumn, type DataTableProps } from "./components/DataTable";
export { Dialog, type DialogProps } from "./components/Dialog";
export { EmptyState, type EmptyStateProps } from "./components/EmptyState";
export { ErrorAlert, type ErrorAlertProps, errorMessage } from "./components/ErrorAlert";
export { lazyPage } from "./components/lazyPage";
export { PageHeader, type PageHeaderProps } from "./components/PageHeader";
export { PageLoader } from "./components/PageLoader";
export { Forbidden, RequirePermission } from "./components/RequirePermission";
export { StatusBadge, type StatusBadgeProps, type StatusTone } from "./components/StatusBadge";
export * from "./format";
export { localized, useFormat, useLang } from "./i18n";
export type { IconComponent, WebHomeCard, WebModule, WebNavItem } from "./module";
export { notifyInfo, notifySuccess } from "./notify";
export * from "./session";
export * from "./types";
