import nodemailer from "nodemailer";
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

export const EMAIL = "email";

const address = z.string().trim().min(3).max(320).includes("@", { message: "must be an e-mail address" });

export const emailPayloadSchema = z.strictObject({
  to: z.union([address, z.array(address).min(1).max(50)]),
  subject: z.string().trim().min(1).max(250),
  text: z.string().max(100_000),
  html: z.string().max(500_000).optional(),
  replyTo: address.optional(),
});

export type EmailPayload = z.infer<typeof emailPayloadSchema>;

export interface EmailChannelOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`; unset → e-mails are written to the log instead. */
  smtpUrl?: string;
  /** The From header, e.g. `Zona <zona@kemenkeu.go.id>`. */
  from: string;
  log: NotifyLog;
}

/**
 * E-mail over SMTP with nodemailer. Each message carries `Message-ID: <outbox id@from-domain>`, the
 * same on every retry, so a receiving system can recognise a duplicate. SMTP 5xx replies are
 * permanent (the message is `failed`, not retried); connection problems and 4xx are retried.
 */
export function emailChannel(opts: EmailChannelOptions): Channel<EmailPayload> {
  const { log, from } = opts;
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "zona.invalid";
  if (!opts.smtpUrl) {
    log.warn("SMTP_URL is not set: e-mails are written to the log instead of being sent");
    return {
      type: EMAIL,
      mode: "log",
      async deliver(payload, meta) {
        const mail = parse(payload);
        log.info({ outboxId: meta.id, from, ...mail }, "e-mail (not sent: SMTP_URL is not set)");
      },
    };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    type: EMAIL,
    mode: "live",
    async deliver(payload: unknown, meta: DeliveryMeta) {
      const mail = parse(payload);
      try {
        const info = await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html !== undefined ? { html: mail.html } : {}),
          ...(mail.replyTo !== undefined ? { replyTo: mail.replyTo } : {}),
          messageId: `<${meta.id}@${domain}>`,
        });
        log.info({ outboxId: meta.id, messageId: info.messageId, to: mail.to }, "e-mail sent");
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        if (typeof code === "number" && code >= 500 && code < 600) {
          throw new PermanentDeliveryError(`SMTP ${code}: ${(err as Error).message}`, { cause: err });
        }
        throw err;
      }
    },
    async close() {
      transport.close();
    },
  };
}

function parse(payload: unknown): EmailPayload {
  const r = emailPayloadSchema.safeParse(payload);
  if (!r.success) throw new PermanentDeliveryError(`invalid e-mail payload: ${z.prettifyError(r.error)}`);
  return r.data;
}

/**
 * Queue an e-mail inside the caller's transaction; it is sent after commit. The payload is checked
 * here, so a malformed e-mail fails the service call instead of dying later in the worker.
 */
export function notifyEmail(
  outbox: Outbox,
  trx: Executor,
  input: EmailPayload & { dedupeKey?: string; notBefore?: Date | string },
): Promise<EnqueueResult> {
  const { dedupeKey, notBefore, ...mail } = input;
  const payload = emailPayloadSchema.parse(mail);
  return outbox.enqueue(trx, {
    type: EMAIL,
    payload,
    ...(dedupeKey !== undefined ? { dedupeKey } : {}),
    ...(notBefore !== undefined ? { notBefore } : {}),
  });
}
