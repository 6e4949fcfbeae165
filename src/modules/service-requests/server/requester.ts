/**
 * The requester's side of ALASCA without the database: sign-in addresses, sessions, who owns a
 * request, the WhatsApp code message, and their limits.
 */
import { fail } from "../../../kernel/http/errors";
import { maskEmail, maskPhone, normalizeIdPhone, type RequesterSession } from "../contract";
import type { RequestRow } from "./rows";

export const OTP_TTL_MINUTES = 10;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_MAX_PER_15_MIN = 3;
export const REQUESTER_SESSION_DAYS = 7;
export const REQUESTER_COOKIE = "zona_requester";

/**
 * The WhatsApp message template of the sign-in code: an AUTHENTICATION template (body "{{1}} is your
 * verification code" with a copy-code button) the office registers in WhatsApp Manager under this
 * name, in Indonesian (`id`) and English (`en`). A business-initiated message must be a template.
 */
export const WHATSAPP_OTP_TEMPLATE = "zona_kode_masuk";

/** Who signed in with a one-time code: an e-mail address or an Indonesian phone (E.164). */
export type RequesterAddress = { email: string; phone?: undefined } | { phone: string; email?: undefined };

/** A requester session: the address it was opened with (exactly one of email and phone). */
export interface RequesterIdentity {
  email: string | null;
  phone: string | null;
  expiresAt: string;
}

/** A session owns a request when its e-mail or its phone (both normalised) is the requester's. */
export function ownsRequest(s: RequesterIdentity | null, r: RequestRow): boolean {
  if (!s) return false;
  if (s.email) return s.email === r.requesterEmail;
  return !!s.phone && s.phone === r.requesterPhoneE164;
}

/** The address a sign-in form sent, normalised: a lower-case e-mail or an E.164 phone (SR_PHONE_INVALID). */
export function loginAddress(body: {
  email?: string | undefined;
  phone?: string | undefined;
}): RequesterAddress {
  if (body.email !== undefined) return { email: body.email };
  const phone = normalizeIdPhone(body.phone);
  if (!phone) fail("SR_PHONE_INVALID", { field: "phone" });
  return { phone };
}

/** What a requester session looks like on the wire (masked address, channel). */
export function requesterSessionView(s: RequesterIdentity): RequesterSession {
  return s.phone
    ? {
        channel: "phone",
        email: null,
        emailMasked: null,
        phone: s.phone,
        phoneMasked: maskPhone(s.phone),
        expiresAt: s.expiresAt,
      }
    : {
        channel: "email",
        email: s.email,
        emailMasked: maskEmail(s.email),
        phone: null,
        phoneMasked: null,
        expiresAt: s.expiresAt,
      };
}

/** The address for the audit trail, masked (no personal data in audit rows). */
export function maskedAddress(a: RequesterAddress): Record<string, string | null> {
  return a.phone !== undefined ? { phone: maskPhone(a.phone) } : { email: maskEmail(a.email) };
}

/**
 * The sign-in code over WhatsApp: the authentication template (WHATSAPP_OTP_TEMPLATE) with the code
 * as the body parameter and as the copy-code button's parameter, as the Cloud API takes them.
 * The number is E.164 (+628…); the kernel channel sends it as international digits.
 */
export function whatsappCodeMessage(phone: string, code: string, lang: "id" | "en") {
  return {
    to: phone,
    template: {
      name: WHATSAPP_OTP_TEMPLATE,
      language: lang,
      components: [
        { type: "body", parameters: [{ type: "text", text: code }] },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: code }] },
      ],
    },
  };
}
