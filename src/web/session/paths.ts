/** Where to go after signing in, from `?next=` (same-site paths only). */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

/** The login page, remembering where the person was (except home and login itself). */
export function loginPath(pathname: string, search = ""): string {
  const here = pathname + search;
  return here === "/" || pathname === "/masuk" ? "/masuk" : `/masuk?next=${encodeURIComponent(here)}`;
}

/** Paths that render without a session (sign-in pages; module public pages add their own). */
export const PUBLIC_AUTH_PATHS = ["/masuk", "/lupa-sandi", "/atur-ulang-sandi"];
