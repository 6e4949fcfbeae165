import type { Actor } from "../identity/actor";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the auth hook when a session cookie or API token is valid. */
    actor: Actor | null;
    /** The cookie session behind `actor`, when there is one (carries the CSRF token). */
    session: { id: string; csrfToken: string; userId: string; expiresAt: string } | null;
    /** Preferred language for messages: Indonesian unless the client asks for English. */
    lang: "id" | "en";
  }
}

export function pickLang(acceptLanguage: string | undefined, cookie: string | undefined): "id" | "en" {
  if (cookie === "en" || cookie === "id") return cookie;
  if (!acceptLanguage) return "id";
  // First listed of id/en wins; anything else falls back to Indonesian.
  for (const part of acceptLanguage.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "id" || tag === "en") return tag;
  }
  return "id";
}
