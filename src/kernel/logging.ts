import pino, { type Logger, type LoggerOptions } from "pino";

/**
 * Structured logs that never hold secrets: request bodies are not logged at all, and these paths
 * are redacted wherever they appear. Whistle-blowing routes log no IP or user agent (see hooks).
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "password",
  "*.password",
  "token",
  "*.token",
  "totp",
  "*.totp",
  "secret",
  "*.secret",
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    base: { app: "zona" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Request logs carry method and path only: no IP address, user agent, query string or headers,
    // so nothing that could identify a whistle-blower or leak a tracking secret reaches the logs.
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        path: String(req.url ?? "").split("?")[0],
        id: req.id,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
