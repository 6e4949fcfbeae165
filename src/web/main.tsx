import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, matchRoutes } from "react-router";
import { configureApi } from "../ui/api";
import { App, createQueryClient } from "./App";
import { currentLanguage, initI18n } from "./i18n";
import { webModules } from "./modules";
import { createRoutes } from "./router";
import { loginPath, PUBLIC_AUTH_PATHS } from "./session/paths";
import { meQueryOptions } from "./session/queries";

/** The browser's composition root: i18n, API client, router from the installed modules. */
initI18n(undefined, webModules);
const queryClient = createQueryClient();
const router = createBrowserRouter(createRoutes(webModules));

configureApi({
  getLanguage: currentLanguage,
  // A request made with a session got 401: the session ended (expired, logged out elsewhere).
  onUnauthorized: () => {
    const { pathname, search } = router.state.location;
    if (pathname === "/masuk") return;
    void router.navigate(loginPath(pathname, search), { replace: true, state: { notice: "sessionExpired" } });
  },
});

// On a signed-in page, fetch the session and the shell's code in parallel with the first render.
const publicRoutes = webModules.flatMap((m) => m.publicRoutes ?? []);
const onPublicPage =
  PUBLIC_AUTH_PATHS.includes(window.location.pathname) ||
  (matchRoutes(publicRoutes, window.location)?.length ?? 0) > 0;
if (!onPublicPage) {
  void queryClient.prefetchQuery(meQueryOptions);
  void import("./session/SessionGate");
}

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} />
  </StrictMode>,
);
