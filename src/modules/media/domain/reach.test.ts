import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../kernel/http/errors";
import { byChannel, byMonth, byTheme, checkReach, engagement, type PublishedFact, totalReach } from "./reach";

const fact = (
  channelId: string,
  theme: string,
  publishedOn: string,
  views: number,
  likes = 0,
): PublishedFact => ({
  channelId,
  theme,
  publishedOn,
  reach: { views, likes, comments: 1, shares: 0 },
});

describe("reach", () => {
  it("accepts non-negative whole numbers and names the bad field", () => {
    expect(checkReach({ views: 1200, likes: 80, comments: 4, shares: 0 })).toEqual({
      views: 1200,
      likes: 80,
      comments: 4,
      shares: 0,
    });
    for (const [field, value] of [
      ["views", -1],
      ["likes", 1.5],
      ["comments", Number.NaN],
      ["shares", "3"],
    ] as const) {
      try {
        checkReach({ views: 1, likes: 1, comments: 1, shares: 1, [field]: value });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe("MEDIA_REACH_INVALID");
        expect((e as DomainError).params.field).toBe(field);
      }
    }
  });

  it("sums per channel, theme and month", () => {
    const facts = [
      fact("ig", "zi", "2026-11-02", 100, 10),
      fact("ig", "lelang", "2026-11-20", 50, 5),
      fact("yt", "zi", "2026-12-01", 400, 20),
    ];
    expect(byChannel(facts).map((b) => [b.key, b.publications, b.reach.views])).toEqual([
      ["ig", 2, 150],
      ["yt", 1, 400],
    ]);
    expect(byTheme(facts).map((b) => [b.key, b.reach.likes])).toEqual([
      ["lelang", 5],
      ["zi", 30],
    ]);
    expect(byMonth(facts).map((b) => [b.key, b.publications])).toEqual([
      ["2026-11", 2],
      ["2026-12", 1],
    ]);
    expect(totalReach(facts)).toEqual({ views: 550, likes: 35, comments: 3, shares: 0 });
    expect(engagement(totalReach(facts))).toBe(38);
  });

  it("property: every grouping preserves the totals", () => {
    const arb = fc.array(
      fc.record({
        channelId: fc.constantFrom("ig", "yt", "web"),
        theme: fc.constantFrom("zi", "lelang", "edukasi"),
        publishedOn: fc.constantFrom("2026-10-05", "2026-11-11", "2026-12-24"),
        reach: fc.record({
          views: fc.nat(1e6),
          likes: fc.nat(1e4),
          comments: fc.nat(1e3),
          shares: fc.nat(1e3),
        }),
      }),
    );
    fc.assert(
      fc.property(arb, (facts) => {
        const total = totalReach(facts);
        for (const groups of [byChannel(facts), byTheme(facts), byMonth(facts)]) {
          expect(groups.reduce((s, g) => s + g.publications, 0)).toBe(facts.length);
          expect(totalReach(groups.map((g) => ({ ...facts[0]!, reach: g.reach })))).toEqual(total);
        }
      }),
    );
  });
});
