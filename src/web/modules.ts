import { ziModule } from "../modules/zona-integritas/web/routes";
import type { WebModule } from "../ui/module";
import { adminModule } from "./admin/routes";

/**
 * The installed web modules, in navbar order. A domain module adds its pages by exporting a
 * `WebModule` from `src/modules/<name>/web/routes.tsx` and listing it here, e.g.
 *
 *   import { ziModule } from "../modules/zona-integritas/web/routes";
 *   export const webModules: WebModule[] = [ziModule, adminModule];
 *
 * The kernel's own pages (audit trail, users and roles, work units) are the `admin` module, listed last.
 */
export const webModules: WebModule[] = [ziModule, adminModule];
