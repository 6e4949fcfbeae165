import { type ComponentType, lazy, type ReactElement, Suspense } from "react";
import { PageLoader } from "./PageLoader";
import { RequirePermission } from "./RequirePermission";

/**
 * A route element for a page loaded on demand (its own chunk), guarded by a permission:
 *   { path: "/zi/lke", element: lazyPage(() => import("./pages/WorksheetPage"), { permission: "zi.read" }) }
 */
export function lazyPage(
  load: () => Promise<{ default: ComponentType }>,
  opts: { permission?: string } = {},
): ReactElement {
  const Page = lazy(load);
  return (
    <RequirePermission permission={opts.permission}>
      <Suspense fallback={<PageLoader />}>
        <Page />
      </Suspense>
    </RequirePermission>
  );
}

/**
 * A public page (no account: survey form, complaint form, tracking) loaded on demand. It must not
 * use the session: it renders outside the signed-in shell.
 */
export function publicLazyPage(load: () => Promise<{ default: ComponentType }>): ReactElement {
  const Page = lazy(load);
  return (
    <Suspense fallback={<PageLoader minHeight="100vh" />}>
      <Page />
    </Suspense>
  );
}
