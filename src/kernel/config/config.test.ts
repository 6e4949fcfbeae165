import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("defaults to a local SQLite file on port 3000 with the demo office", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe("file:./var/zona.db");
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe("localhost");
    expect(c.demo).toBe(true);
    expect(c.publicUrl).toBe("http://localhost:3000");
    expect(c.UPLOAD_MAX_BYTES).toBe(25 * 1024 * 1024);
  });

  it("lists every problem in one error", () => {
    try {
      loadConfig({ PORT: "seventy", DATABASE_URL: "mysql://x", SMTP_URL: "http://mail", FILES_DRIVER: "s3" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join("\n");
      for (const k of [
        "PORT",
        "DATABASE_URL",
        "SMTP_URL",
        "S3_ENDPOINT",
        "S3_BUCKET",
        "S3_ACCESS_KEY_ID",
        "S3_SECRET_ACCESS_KEY",
      ]) {
        expect(problems).toContain(k);
      }
      expect((e as ConfigError).problems.length).toBeGreaterThanOrEqual(7);
    }
  });

  it("requires secrets in production instead of defaulting them", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrowError(
      /SESSION_SECRET: is required in production[\s\S]*PUBLIC_URL[\s\S]*WBS_ENCRYPTION_KEY/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: "production",
        SESSION_SECRET: "x".repeat(40),
        PUBLIC_URL: "https://a.go.id",
        WBS_ENCRYPTION_KEY: "abc",
      }),
    ).toThrowError(/WBS_ENCRYPTION_KEY: must be 32 bytes/);
    const c = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      PUBLIC_URL: "https://zona.example.go.id",
      WBS_ENCRYPTION_KEY: "ab".repeat(32),
    });
    expect(c.isProduction).toBe(true);
    expect(c.demo).toBe(false);
  });

  it("refuses a short session secret", () => {
    expect(() => loadConfig({ SESSION_SECRET: "short" })).toThrowError(/SESSION_SECRET: must be at least 32/);
  });

  it("turns DEMO off when asked and recognises PostgreSQL", () => {
    const c = loadConfig({
      DEMO: "0",
      DATABASE_URL: "postgres://u:p@127.0.0.1/zona",
      PORT: "8080",
      HOST: "0.0.0.0",
    });
    expect(c.demo).toBe(false);
    expect(c.publicUrl).toBe("http://localhost:8080");
  });
});
