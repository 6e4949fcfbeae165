import { z } from "zod";

/**
 * One schema over process.env. Parsed once at start; every problem is listed in one message so an
 * operator fixes the environment in one go instead of restarting once per mistake.
 */
const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const port = z.coerce.number().int().min(0).max(65535);

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("localhost"),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: or postgres://")
    .default("file:./var/zona.db"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  TRUST_PROXY: bool.default(false),
  FILES_DRIVER: z.enum(["local", "s3"]).default("local"),
  FILES_DIR: z.string().min(1).default("./var/files"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Zona <zona@localhost>"),
  WHATSAPP_API_URL: z.string().url().default("https://graph.facebook.com/v21.0"),
  WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().optional(),
  WHATSAPP_APP_SECRET: z.string().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().optional(),
  DEMO: bool.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JOBS: bool.default(true),
  JOBS_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  NODE_ID: z.string().max(100).optional(),
  /** Encrypts whistle-blowers' optional identity fields and attachments (AES-256-GCM); 32 bytes. */
  WBS_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => /^[0-9a-fA-F]{64}$/.test(v.trim()) || Buffer.from(v.trim(), "base64").length === 32,
      "must be 32 bytes: 64 hex digits or base64",
    )
    .optional(),
  /** Proof-of-work difficulty of the anonymous channel (leading zero bits; 16 ≈ one second on a phone). */
  WBS_POW_BITS: z.coerce.number().int().min(8).max(24).default(16),
});

/**
 * Checks across variables, run on the raw environment so they are reported together with the
 * per-variable problems (a zod refinement would only run once every field parsed).
 */
function crossChecks(env: Record<string, string>): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === "production") {
    if (!env.SESSION_SECRET) problems.push("SESSION_SECRET: is required in production");
    if (!env.PUBLIC_URL) problems.push("PUBLIC_URL: is required in production");
    if (!env.WBS_ENCRYPTION_KEY) problems.push("WBS_ENCRYPTION_KEY: is required in production");
  }
  if (env.FILES_DRIVER === "s3") {
    for (const k of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) {
      if (!env[k]) problems.push(`${k}: is required when FILES_DRIVER=s3`);
    }
  }
  if (env.WHATSAPP_PHONE_NUMBER_ID && !env.WHATSAPP_ACCESS_TOKEN) {
    problems.push("WHATSAPP_ACCESS_TOKEN: is required when WHATSAPP_PHONE_NUMBER_ID is set");
  }
  return problems;
}

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  /** The secret used for HMACs (session token hashing, CSRF). A development default outside production. */
  sessionSecret: string;
  publicUrl: string;
  isProduction: boolean;
  /** Load the demo office on first start. Defaults to on for SQLite outside production. */
  demo: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

const DEV_SECRET = "zona-development-secret-do-not-use-in-production!";

/** Parse an environment (process.env by default). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  ) as Record<string, string>;
  const parsed = configSchema.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`)),
    ...crossChecks(cleaned),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const c = parsed.data;
  const isProduction = c.NODE_ENV === "production";
  const hostForUrl = c.HOST === "0.0.0.0" || c.HOST === "::" ? "localhost" : c.HOST;
  return {
    ...c,
    isProduction,
    sessionSecret: c.SESSION_SECRET ?? DEV_SECRET,
    publicUrl: (c.PUBLIC_URL ?? `http://${hostForUrl}:${c.PORT}`).replace(/\/$/, ""),
    demo: c.DEMO ?? (!isProduction && c.DATABASE_URL.startsWith("file:")),
  };
}
