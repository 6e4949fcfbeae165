import { lazy, type ReactNode, Suspense } from "react";
import type { RouteObject } from "react-router";
import { PageLoader } from "../ui/components/PageLoader";
import type { WebModule } from "../ui/module";
import { RouteError } from "./pages/RouteError";

// The signed-in shell is its own chunk, so sign-in and public pages never download it.
const SessionGate = lazy(() => import("./session/SessionGate"));
const LoginPage = lazy(() => import("./pages/LoginPage"));
const ForgotPasswordPage = lazy(() => import("./pages/ForgotPasswordPage"));
const ResetPasswordPage = lazy(() => import("./pages/ResetPasswordPage"));
const HomePage = lazy(() => import("./pages/HomePage"));
const AccountPage = lazy(() => import("./pages/AccountPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));

function standalone(node: ReactNode) {
  return <Suspense fallback={<PageLoader minHeight="100vh" />}>{node}</Suspense>;
}

/**
 * All routes: the public sign-in pages and module public pages, then the signed-in shell with home,
 * account and every module's routes. Pages are lazy chunks; the shell (SessionGate + layout) is not.
 */
export function createRoutes(modules: readonly WebModule[]): RouteObject[] {
  return [
    {
      errorElement: <RouteError />,
      children: [
        { path: "/masuk", element: standalone(<LoginPage />) },
        { path: "/lupa-sandi", element: standalone(<ForgotPasswordPage />) },
        { path: "/atur-ulang-sandi", element: standalone(<ResetPasswordPage />) },
        ...modules.flatMap((m) => m.publicRoutes ?? []),
        {
          path: "/",
          element: standalone(<SessionGate />),
          children: [
            {
              errorElement: <RouteError inShell />,
              children: [
                { index: true, element: <HomePage /> },
                { path: "akun", element: <AccountPage /> },
                ...modules.flatMap((m) => m.routes),
                { path: "*", element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}
