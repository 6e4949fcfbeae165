/**
 * Every route declares who may call it, in `config.access`:
 *   "public"                 anyone, no session needed (rate-limit it)
 *   "authenticated"          any signed-in user (e.g. /api/me)
 *   { permission: "x.y" }    a signed-in user holding that permission at some unit; the service then
 *                            checks the unit scope of the data it touches (assertScope)
 * A route that declares none fails at registration, and a test walks the route table too.
 */
export type Access = "public" | "authenticated" | { permission: string };

export interface RateLimitRule {
  /** Counter name shared by all nodes, e.g. "login" or "survey.submit". */
  name: string;
  max: number;
  windowSeconds: number;
  /** What to count by; default the client IP. */
  key?: "ip" | "ip+path";
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    rateLimit?: RateLimitRule;
    /** Skip the CSRF check (login form, public forms that carry no session). */
    csrf?: false;
    /** Never log anything identifying about the caller (whistle-blowing). */
    anonymous?: boolean;
  }
}

export function describeAccess(a: Access | undefined): string {
  if (!a) return "(none)";
  return typeof a === "string" ? a : `permission:${a.permission}`;
}
