import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Kysely, SqliteDialect } from "kysely";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../clock";
import { openSqlite } from "../db/database";
import { migrateUp } from "../db/migrations";
import { channelsFromConfig } from "./channels";
import { notifyMigrations } from "./migrations";
import { Outbox } from "./outbox";
import { notifyWhatsApp, whatsappChannel, whatsappRequestBody } from "./whatsapp";
import { OutboxWorker } from "./worker";

const silent = pino({ level: "silent" });
const TOKEN = "EAAG-test-token";
const PHONE_ID = "106540352242922";

interface Seen {
  method: string;
  path: string;
  auth: string | undefined;
  contentType: string | undefined;
  body: any;
}

/** A stand-in for graph.facebook.com: checks the bearer token, answers like the Cloud API. */
let server: Server;
let apiUrl: string;
const seen: Seen[] = [];
let reply: ((s: Seen) => { status: number; body: unknown }) | undefined;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const s: Seen = {
      method: req.method ?? "",
      path: req.url ?? "",
      auth: req.headers.authorization,
      contentType: req.headers["content-type"],
      body: JSON.parse(await readBody(req)),
    };
    seen.push(s);
    let out: { status: number; body: unknown };
    if (reply) out = reply(s);
    else if (s.auth !== `Bearer ${TOKEN}`) {
      out = {
        status: 401,
        body: {
          error: {
            message: "Invalid OAuth access token - Cannot parse access token",
            type: "OAuthException",
            code: 190,
            fbtrace_id: "AbCdEf",
          },
        },
      };
    } else {
      out = {
        status: 200,
        body: {
          messaging_product: "whatsapp",
          contacts: [{ input: s.body.to, wa_id: s.body.to }],
          messages: [{ id: "wamid.HBgLNjI4MTIzNDU2Nzg5FQIAERgSQzVGRUY4RjA0QjQ4RjFCRUFBAA==" }],
        },
      };
    }
    res.writeHead(out.status, { "content-type": "application/json" });
    res.end(JSON.stringify(out.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v21.0`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("WhatsApp Cloud API channel", () => {
  const clock = fixedClock("2026-11-27T08:00:00.000Z");
  let db: Kysely<any>;
  let outbox: Outbox;
  let worker: OutboxWorker;

  beforeEach(async () => {
    seen.length = 0;
    reply = undefined;
    clock.set("2026-11-27T08:00:00.000Z");
    db = new Kysely<any>({ dialect: new SqliteDialect({ database: openSqlite(":memory:") }) });
    await migrateUp(db, [notifyMigrations]);
    outbox = new Outbox(db, clock);
    worker = new OutboxWorker({ db, outbox, clock, log: silent });
  });

  afterEach(async () => {
    await db.destroy();
  });

  const connectChannel = (accessToken = TOKEN) =>
    outbox.use(whatsappChannel({ apiUrl, phoneNumberId: PHONE_ID, accessToken, log: silent }));

  it("sends a text message with the Cloud API body and bearer token", async () => {
    connectChannel();
    const { id } = await db.transaction().execute((trx) =>
      notifyWhatsApp(outbox, trx, {
        to: "+62 812-3456-789",
        text: "Pengaduan Anda kami terima. Kode: ZX12",
      }),
    );
    expect(await worker.drain()).toMatchObject({ delivered: 1 });
    expect(seen).toEqual([
      {
        method: "POST",
        path: `/v21.0/${PHONE_ID}/messages`,
        auth: `Bearer ${TOKEN}`,
        contentType: "application/json",
        body: {
          messaging_product: "whatsapp",
          recipient_type: "individual",
          to: "628123456789",
          type: "text",
          text: { preview_url: false, body: "Pengaduan Anda kami terima. Kode: ZX12" },
        },
      },
    ]);
    expect(await outbox.get(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("sends a template message", async () => {
    connectChannel();
    const components = [{ type: "body", parameters: [{ type: "text", text: "ZX12" }] }];
    await db.transaction().execute((trx) =>
      notifyWhatsApp(outbox, trx, {
        to: "628123456789",
        template: { name: "status_pengaduan", language: "id", components },
      }),
    );
    await worker.drain();
    expect(seen[0]!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "628123456789",
      type: "template",
      template: { name: "status_pengaduan", language: { code: "id" }, components },
    });
  });

  it("records the API's error message in last_error on 401 and retries", async () => {
    connectChannel("expired-token");
    const { id } = await db
      .transaction()
      .execute((trx) => notifyWhatsApp(outbox, trx, { to: "628123456789", text: "Halo" }));
    expect(await worker.drain()).toMatchObject({ retried: 1 });
    const row = await outbox.get(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toContain(
      "WhatsApp API 401: Invalid OAuth access token - Cannot parse access token",
    );
    expect(row!.lastError).toContain("OAuthException, code 190");
  });

  it("fails a message at once when the API rejects it as invalid (4xx)", async () => {
    connectChannel();
    reply = () => ({
      status: 400,
      body: { error: { message: "(#131026) Message undeliverable", type: "OAuthException", code: 131026 } },
    });
    const { id } = await outbox.enqueue(db, {
      type: "whatsapp",
      payload: { to: "628123456789", text: "Halo" },
    });
    expect(await worker.drain()).toMatchObject({ failed: 1 });
    expect((await outbox.get(id))!.lastError).toContain("(#131026) Message undeliverable");
  });

  it("retries 5xx and throttling answers", async () => {
    connectChannel();
    reply = () => ({
      status: 400,
      body: { error: { message: "Rate limit hit", type: "OAuthException", code: 130429 } },
    });
    await outbox.enqueue(db, { type: "whatsapp", payload: { to: "628123456789", text: "Halo" } });
    expect(await worker.drain()).toMatchObject({ retried: 1 });
    clock.advance(60_000);
    reply = () => ({ status: 503, body: "Service Unavailable" });
    expect(await worker.drain()).toMatchObject({ retried: 1 });
  });

  it("rejects a malformed recipient at enqueue time", async () => {
    connectChannel();
    await expect(
      db.transaction().execute((trx) => notifyWhatsApp(outbox, trx, { to: "0812-345", text: "Halo" })),
    ).rejects.toThrow(/international format/);
  });

  it("logs instead of sending when not configured, and says so once", async () => {
    const lines: Array<Record<string, any>> = [];
    const log = pino({ level: "info" }, { write: (s: string) => lines.push(JSON.parse(s)) });
    const channels = channelsFromConfig(
      { MAIL_FROM: "Zona <zona@localhost>", WHATSAPP_API_URL: apiUrl, SMTP_URL: undefined },
      log,
    );
    expect(channels.map((c) => [c.type, c.mode])).toEqual([
      ["email", "log"],
      ["whatsapp", "log"],
    ]);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(2);
    for (const c of channels) outbox.use(c);
    await outbox.enqueue(db, { type: "whatsapp", payload: { to: "628123456789", text: "Halo" } });
    expect(await worker.drain()).toMatchObject({ delivered: 1 });
    expect(seen).toHaveLength(0);
    expect(lines.at(-1)).toMatchObject({ body: { to: "628123456789", text: { body: "Halo" } } });
  });

  it("builds the request body from either payload shape", () => {
    expect(() => whatsappRequestBody({ to: "6281", text: "x" })).toThrow(/international format/);
    expect(
      whatsappRequestBody({ to: "628123456789", text: "https://zona.example", previewUrl: true }),
    ).toMatchObject({
      text: { preview_url: true },
    });
  });
});
