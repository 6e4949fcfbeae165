import type { ServerModule } from "../module";
import { kernelErrors } from "./errors";
import { rateLimitMigrations } from "./rate-limit";

export const httpModule: ServerModule = {
  name: "http",
  migrations: rateLimitMigrations,
  errors: kernelErrors,
};
