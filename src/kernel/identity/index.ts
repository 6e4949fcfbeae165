import type { ServerModule } from "../module";
import { identityErrors } from "./errors";
import { identityMigrations } from "./migrations";
import { kernelPermissions } from "./roles";
import { identityRoutes } from "./routes";

export * from "./actor";
export { type IdentityOptions, IdentityService, type PublicUser } from "./identity.service";
export { membersAt, type Person, peopleById, peopleWith, type UnitMember } from "./people";
export { builtinRoles, kernelPermissions, ROLE_KEYS, type RoleDef, resolveBuiltinRoles } from "./roles";
export { SESSION_COOKIE } from "./routes";

export const identityModule: ServerModule = {
  name: "identity",
  migrations: identityMigrations,
  permissions: kernelPermissions,
  errors: identityErrors,
  routes: identityRoutes,
  jobs: [
    {
      name: "identity.prune-sessions",
      everySeconds: 3600,
      run: async (ctx) => {
        await ctx.identity.pruneSessions();
        await ctx.rateLimiter.prune(ctx.clock.now());
      },
    },
  ],
};
