import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { configureApi } from "../ui/api";
import { App, createQueryClient } from "./App";
import { currentLanguage, initI18n } from "./i18n";
import { webModules } from "./modules";
import { createRoutes } from "./router";
import { loginPath } from "./session/SessionGate";

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

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} />
  </StrictMode>,
);
