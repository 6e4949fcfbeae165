import type { Channel, ItemDetail, ItemSummary, MonthView, Report } from "../../contract";
import { daysOfMonth, isoWeekday } from "../../domain/calendar";

export const channels: Channel[] = [
  {
    id: "ig",
    unitId: "bekasi",
    kind: "instagram",
    name: "Instagram KPKNL Bekasi",
    handle: "@kpknlbekasi",
    url: "https://www.instagram.com/kpknlbekasi",
    active: true,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  },
  {
    id: "yt",
    unitId: "bekasi",
    kind: "youtube",
    name: "YouTube KPKNL Bekasi",
    handle: null,
    url: null,
    active: true,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  },
];

const zero = { views: 0, likes: 0, comments: 0, shares: 0 };
export function summary(id: string, plannedDate: string, partial: Partial<ItemSummary> = {}): ItemSummary {
  return {
    id,
    unitId: "bekasi",
    plannedDate,
    theme: "zi",
    title: `Konten ${id}`,
    status: "draft",
    channelIds: ["ig"],
    assignee: { id: "u-media", name: "Petugas Media" },
    reach: zero,
    ...partial,
  };
}

/** November 2026: items on the 2nd, 3rd (two) and 4th; the 5th and 6th are gaps; weekends off. */
export function monthView(partial: Partial<MonthView> = {}): MonthView {
  const items = [
    summary("a", "2026-11-02", {
      status: "published",
      title: "Komitmen menuju WBBM",
      reach: { views: 1200, likes: 90, comments: 4, shares: 6 },
    }),
    summary("b", "2026-11-03", { status: "approved", title: "Jadwal lelang pekan ini", theme: "lelang" }),
    summary("c", "2026-11-03", { status: "rejected", title: "Waspada penipuan lelang", theme: "lelang" }),
    summary("d", "2026-11-04", {
      status: "idea",
      title: "Agen perubahan bulan ini",
      channelIds: ["ig", "yt"],
    }),
  ];
  const gaps = new Set(["2026-11-05", "2026-11-06"]);
  return {
    unitId: "bekasi",
    month: "2026-11",
    planWeekends: false,
    days: daysOfMonth("2026-11").map((date) => {
      const weekday = isoWeekday(date);
      const working = weekday <= 5;
      return {
        date,
        weekday,
        working,
        holiday: null,
        required: working,
        gap: gaps.has(date),
        items: items.filter((i) => i.plannedDate === date),
      };
    }),
    gapCount: 2,
    requiredDays: 21,
    statusCounts: { idea: 1, draft: 0, submitted: 0, approved: 1, published: 1, rejected: 1 },
    byChannel: [
      { key: "ig", items: 4, publications: 1, reach: { views: 1200, likes: 90, comments: 4, shares: 6 } },
      { key: "yt", items: 1, publications: 0, reach: zero },
    ],
    byTheme: [
      { key: "lelang", items: 2, publications: 0, reach: zero },
      { key: "zi", items: 2, publications: 1, reach: { views: 1200, likes: 90, comments: 4, shares: 6 } },
    ],
    reach: { views: 1200, likes: 90, comments: 4, shares: 6 },
    channels,
    evidenceKeys: [],
    ...partial,
  };
}

export function itemDetail(partial: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...summary("item-1", "2026-11-30", { status: "submitted", title: "Pelantikan agen perubahan" }),
    draftText: "Selamat kepada agen perubahan baru.",
    rejectReason: null,
    createdBy: { id: "u-media", name: "Petugas Media" },
    submittedBy: { id: "u-media", name: "Petugas Media" },
    approvedBy: null,
    approvedAt: null,
    publishedAt: null,
    version: 4,
    createdAt: "2026-11-20T02:00:00.000Z",
    updatedAt: "2026-11-25T02:00:00.000Z",
    publications: [],
    attachments: [],
    history: [
      {
        id: "h2",
        action: "submit",
        fromStatus: "draft",
        toStatus: "submitted",
        note: null,
        actorName: "Petugas Media",
        at: "2026-11-25T02:00:00.000Z",
      },
      {
        id: "h1",
        action: "created",
        fromStatus: null,
        toStatus: "idea",
        note: null,
        actorName: "Petugas Media",
        at: "2026-11-20T02:00:00.000Z",
      },
    ],
    commands: ["approve", "reject", "withdraw"],
    editable: false,
    evidenceKeys: [],
    ...partial,
  };
}

export const report: Report = {
  unitId: "bekasi",
  from: "2026-10",
  to: "2026-11",
  months: [
    {
      month: "2026-10",
      items: 22,
      published: 22,
      gapCount: 1,
      reach: { views: 15000, likes: 1600, comments: 120, shares: 80 },
    },
    {
      month: "2026-11",
      items: 20,
      published: 15,
      gapCount: 3,
      reach: { views: 11000, likes: 1200, comments: 90, shares: 60 },
    },
  ],
  byChannel: [
    {
      key: "ig",
      items: 42,
      publications: 37,
      reach: { views: 20000, likes: 2500, comments: 200, shares: 120 },
    },
    { key: "yt", items: 8, publications: 8, reach: { views: 6000, likes: 300, comments: 10, shares: 20 } },
  ],
  byTheme: [
    { key: "zi", items: 14, publications: 12, reach: { views: 9000, likes: 900, comments: 70, shares: 40 } },
    {
      key: "lelang",
      items: 10,
      publications: 9,
      reach: { views: 7000, likes: 700, comments: 50, shares: 30 },
    },
  ],
  reach: { views: 26000, likes: 2800, comments: 210, shares: 140 },
  channels,
};
