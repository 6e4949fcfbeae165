import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../kernel/http/errors";
import { STATUSES, type Status } from "./model";
import {
  applyCommand,
  COMMANDS,
  type CommandInput,
  commandsAt,
  type ItemState,
  isEditable,
  isValidDate,
  isValidUrl,
  TRANSITIONS,
} from "./workflow";

const base: ItemState = {
  status: "submitted",
  authorIds: ["writer"],
  assigneeId: "officer",
  submittedBy: "officer",
  approvedOn: null,
  channelIds: ["ig", "yt"],
};
const acting = { actorId: "head", today: "2026-11-27" };
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return "ok";
};

describe("content workflow", () => {
  it("walks idea → draft → submitted → approved → published", () => {
    let s: ItemState = { ...base, status: "idea" };
    for (const [command, to] of [
      ["start_draft", "draft"],
      ["submit", "submitted"],
      ["approve", "approved"],
    ] as const) {
      const next = applyCommand(s, { command }, acting);
      expect(next).toBe(to);
      s = { ...s, status: next, approvedOn: to === "approved" ? "2026-11-25" : null };
    }
    expect(
      applyCommand(
        s,
        {
          command: "publish",
          publications: [{ channelId: "ig", url: "https://instagram.com/p/abc", publishedOn: "2026-11-26" }],
        },
        acting,
      ),
    ).toBe("published");
  });

  it("rejects with a reason to 'rejected', and revise brings it back to draft", () => {
    expect(applyCommand(base, { command: "reject", reason: "Foto buram" }, acting)).toBe("rejected");
    expect(code(() => applyCommand(base, { command: "reject", reason: "  " }, acting))).toBe(
      "MEDIA_REASON_REQUIRED",
    );
    expect(applyCommand({ ...base, status: "rejected" }, { command: "revise" }, acting)).toBe("draft");
    expect(applyCommand(base, { command: "withdraw" }, acting)).toBe("draft");
  });

  it("refuses approval or rejection by any of the item's authors", () => {
    for (const who of ["writer", "officer"]) {
      expect(code(() => applyCommand(base, { command: "approve" }, { ...acting, actorId: who }))).toBe(
        "MEDIA_SELF_APPROVAL",
      );
      expect(
        code(() => applyCommand(base, { command: "reject", reason: "x" }, { ...acting, actorId: who })),
      ).toBe("MEDIA_SELF_APPROVAL");
    }
    const submitter = { ...base, assigneeId: null, authorIds: [], submittedBy: "coord" };
    expect(code(() => applyCommand(submitter, { command: "approve" }, { ...acting, actorId: "coord" }))).toBe(
      "MEDIA_SELF_APPROVAL",
    );
  });

  it("publishing needs an approved item, a link per planned channel, valid URLs and dates in order", () => {
    const approved: ItemState = { ...base, status: "approved", approvedOn: "2026-11-20" };
    const pub = (p: Partial<{ channelId: string; url: string; publishedOn: string }>[]): CommandInput => ({
      command: "publish",
      publications: p.map((x) => ({
        channelId: "ig",
        url: "https://www.instagram.com/p/Cx1",
        publishedOn: "2026-11-21",
        ...x,
      })),
    });
    expect(code(() => applyCommand({ ...approved, status: "submitted" }, pub([{}]), acting))).toBe(
      "MEDIA_TRANSITION_INVALID",
    );
    expect(code(() => applyCommand(approved, pub([]), acting))).toBe("MEDIA_PUBLICATION_REQUIRED");
    expect(code(() => applyCommand(approved, pub([{ url: "instagram.com/p/1" }]), acting))).toBe(
      "MEDIA_URL_INVALID",
    );
    expect(code(() => applyCommand(approved, pub([{ url: "javascript:alert(1)" }]), acting))).toBe(
      "MEDIA_URL_INVALID",
    );
    expect(code(() => applyCommand(approved, pub([{ channelId: "tiktok" }]), acting))).toBe(
      "MEDIA_CHANNEL_NOT_ON_ITEM",
    );
    expect(code(() => applyCommand(approved, pub([{}, {}]), acting))).toBe("MEDIA_CHANNEL_DUPLICATE");
    expect(code(() => applyCommand(approved, pub([{ publishedOn: "2026-11-19" }]), acting))).toBe(
      "MEDIA_PUBLISH_DATE_ORDER",
    );
    expect(code(() => applyCommand(approved, pub([{ publishedOn: "2026-11-28" }]), acting))).toBe(
      "MEDIA_PUBLISH_DATE_ORDER",
    );
    expect(code(() => applyCommand(approved, pub([{ publishedOn: "2026-02-30" }]), acting))).toBe(
      "MEDIA_DATE_INVALID",
    );
    expect(applyCommand(approved, pub([{}, { channelId: "yt", publishedOn: "2026-11-27" }]), acting)).toBe(
      "published",
    );
  });

  it("editability: only before submission", () => {
    expect(STATUSES.filter(isEditable)).toEqual(["idea", "draft", "rejected"]);
    expect(commandsAt("published")).toEqual([]);
    expect(commandsAt("submitted").sort()).toEqual(["approve", "reject", "withdraw"]);
  });

  it("property: a command succeeds only from its listed statuses, and lands on its target", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...COMMANDS), (status: Status, command) => {
        const input: CommandInput =
          command === "reject"
            ? { command, reason: "alasan" }
            : command === "publish"
              ? {
                  command,
                  publications: [
                    { channelId: "ig", url: "https://kpknl.go.id/x", publishedOn: "2026-11-27" },
                  ],
                }
              : { command };
        const state = { ...base, status, approvedOn: "2026-11-01" };
        const r = code(() => applyCommand(state, input, acting));
        if (TRANSITIONS[command].from.includes(status)) {
          expect(r).toBe("ok");
          expect(applyCommand(state, input, acting)).toBe(TRANSITIONS[command].to);
        } else expect(r).toBe("MEDIA_TRANSITION_INVALID");
      }),
    );
  });

  it("property: nobody among the authors can ever approve", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        (authors, pick) => {
          const actor = authors[pick % authors.length]!;
          const state = { ...base, authorIds: authors, assigneeId: null, submittedBy: null };
          expect(code(() => applyCommand(state, { command: "approve" }, { ...acting, actorId: actor }))).toBe(
            "MEDIA_SELF_APPROVAL",
          );
        },
      ),
    );
  });

  it("validates URLs and dates", () => {
    expect(isValidUrl("https://www.youtube.com/watch?v=abc")).toBe(true);
    expect(isValidUrl("http://kpknl-bekasi.go.id/berita/1")).toBe(true);
    for (const bad of [
      "",
      "ftp://x.com/a",
      "https://localhost",
      "https://a b.com",
      "www.x.com",
      "https://x.",
    ])
      expect(isValidUrl(bad)).toBe(false);
    expect(isValidDate("2028-02-29")).toBe(true);
    expect(isValidDate("2026-02-29")).toBe(false);
    expect(isValidDate("2026-1-01")).toBe(false);
  });
});
