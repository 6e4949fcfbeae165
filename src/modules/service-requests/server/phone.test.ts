import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeIdPhone } from "../contract";
import { whatsappCodeMessage } from "./requester";

describe("normalizeIdPhone (Indonesian mobile numbers → E.164)", () => {
  it.each([
    ["0812 3456 7890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["62 812 3456 7890", "+6281234567890"],
    ["+62 (812) 3456.7890", "+6281234567890"],
    ["+6281200000001", "+6281200000001"],
    ["0812345678", "+62812345678"],
  ])("%s → %s", (raw, e164) => expect(normalizeIdPhone(raw)).toBe(e164));

  it.each(["", "021 1234 5678", "+65 8123 4567", "0812", "0812345678901234", "0812abc45678", "+0812345678"])(
    "refuses %j",
    (raw) => expect(normalizeIdPhone(raw)).toBeNull(),
  );

  it("gives the same number for the three ways of writing it, and is idempotent", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8[0-9]{8,11}$/), (rest) => {
        const e164 = `+62${rest}`;
        expect(normalizeIdPhone(`0${rest}`)).toBe(e164);
        expect(normalizeIdPhone(`62${rest}`)).toBe(e164);
        expect(normalizeIdPhone(e164)).toBe(e164);
        expect(normalizeIdPhone(normalizeIdPhone(`0${rest}`))).toBe(e164);
      }),
    );
  });

  it("builds the WhatsApp authentication template with the code in the body and the copy button", () => {
    const m = whatsappCodeMessage("+6281234567890", "042917", "id");
    expect(m.to).toBe("+6281234567890");
    expect(m.template.language).toBe("id");
    expect(m.template.components.map((c) => c.parameters[0]!.text)).toEqual(["042917", "042917"]);
  });
});
