import { z } from "zod";
import type { Executor } from "../db/transaction";
import {
  type Channel,
  type DeliveryMeta,
  type EnqueueResult,
  type NotifyLog,
  type Outbox,
  PermanentDeliveryError,
} from "./outbox";

export const WHATSAPP = "whatsapp";

/** International format, digits only (a leading +, spaces and dashes are removed): 6281234567890. */
const msisdn = z
  .string()
  .transform((v) => v.replace(/[\s\-().]/g, "").replace(/^\+/, ""))
  .pipe(
    z.string().regex(/^[1-9]\d{7,14}$/, "must be a phone number in international format, e.g. 6281234567890"),
  );

const textMessage = z.strictObject({
  to: msisdn,
  text: z.string().min(1).max(4096),
  previewUrl: z.boolean().optional(),
});

const templateMessage = z.strictObject({
  to: msisdn,
  template: z.strictObject({
    /** An approved message template's name. */
    name: z.string().min(1).max(512),
    /** Its language code, e.g. "id" or "en_US". */
    language: z.string().min(2).max(15),
    /** Header/body/button parameters, exactly as the Cloud API takes them. */
    components: z.array(z.record(z.string(), z.unknown())).optional(),
  }),
});

export const whatsappPayloadSchema = z.union([textMessage, templateMessage]);

export type WhatsAppPayload = z.input<typeof whatsappPayloadSchema>;

/** The Cloud API request body for one message (POST /{phone-number-id}/messages). */
export function whatsappRequestBody(payload: WhatsAppPayload): Record<string, unknown> {
  const p = parse(payload);
  const base = { messaging_product: "whatsapp", recipient_type: "individual", to: p.to };
  if ("text" in p)
    return { ...base, type: "text", text: { preview_url: p.previewUrl ?? false, body: p.text } };
  return {
    ...base,
    type: "template",
    template: {
      name: p.template.name,
      language: { code: p.template.language },
      ...(p.template.components ? { components: p.template.components } : {}),
    },
  };
}

export interface WhatsAppChannelOptions {
  /** e.g. https://graph.facebook.com/v21.0 */
  apiUrl: string;
  phoneNumberId?: string;
  accessToken?: string;
  log: NotifyLog;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Cloud API error codes that mean "slow down", whatever the HTTP status: retry them. */
const THROTTLED = new Set([4, 80007, 130429, 131048, 131056]);

/** WhatsApp API failure, with the API's own message and codes. */
export class WhatsAppApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: number,
    readonly type?: string,
  ) {
    super(message);
    this.name = "WhatsAppApiError";
  }
}

/**
 * WhatsApp Cloud API channel. Without a phone number id and access token (development) messages
 * are written to the log instead. HTTP errors carry the API's `error.message`; a 4xx that retrying
 * cannot fix (bad number, unknown template) is permanent, while 401/403 (a token to renew), 408,
 * 429, throttling codes, 5xx and network errors are retried.
 */
export function whatsappChannel(opts: WhatsAppChannelOptions): Channel<WhatsAppPayload> {
  const { log } = opts;
  if (!opts.phoneNumberId || !opts.accessToken) {
    log.warn(
      "WhatsApp is not configured (WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_ACCESS_TOKEN): messages are logged",
    );
    return {
      type: WHATSAPP,
      mode: "log",
      async deliver(payload, meta) {
        log.info({ outboxId: meta.id, body: whatsappRequestBody(payload) }, "WhatsApp message (not sent)");
      },
    };
  }
  const url = `${opts.apiUrl.replace(/\/+$/, "")}/${encodeURIComponent(opts.phoneNumberId)}/messages`;
  const token = opts.accessToken;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    type: WHATSAPP,
    mode: "live",
    async deliver(payload: WhatsAppPayload, meta: DeliveryMeta) {
      const body = whatsappRequestBody(payload);
      const res = await doFetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let json: any;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      if (!res.ok) {
        const e = json?.error;
        const detail = typeof e?.message === "string" ? e.message : text.slice(0, 300) || res.statusText;
        const code = typeof e?.code === "number" ? e.code : undefined;
        const type = typeof e?.type === "string" ? e.type : undefined;
        const extra = [type, code !== undefined ? `code ${code}` : undefined].filter(Boolean).join(", ");
        const message = `WhatsApp API ${res.status}: ${detail}${extra ? ` (${extra})` : ""}`;
        const retryable =
          res.status >= 500 ||
          [401, 403, 408, 429].includes(res.status) ||
          (code !== undefined && THROTTLED.has(code));
        const err = new WhatsAppApiError(res.status, message, code, type);
        throw retryable ? err : new PermanentDeliveryError(message, { cause: err });
      }
      const wamid = json?.messages?.[0]?.id;
      log.info({ outboxId: meta.id, wamid, to: body.to }, "WhatsApp message sent");
    },
  };
}

function parse(payload: unknown): z.output<typeof whatsappPayloadSchema> {
  const r = whatsappPayloadSchema.safeParse(payload);
  if (!r.success) throw new PermanentDeliveryError(`invalid WhatsApp payload: ${z.prettifyError(r.error)}`);
  return r.data;
}

/** Queue a WhatsApp message inside the caller's transaction; it is sent after commit. */
export function notifyWhatsApp(
  outbox: Outbox,
  trx: Executor,
  input: WhatsAppPayload & { dedupeKey?: string; notBefore?: Date | string },
): Promise<EnqueueResult> {
  const { dedupeKey, notBefore, ...message } = input;
  const payload = whatsappPayloadSchema.parse(message);
  return outbox.enqueue(trx, {
    type: WHATSAPP,
    payload,
    ...(dedupeKey !== undefined ? { dedupeKey } : {}),
    ...(notBefore !== undefined ? { notBefore } : {}),
  });
}
