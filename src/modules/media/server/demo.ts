/**
 * The demo office's media work: KPKNL Bekasi's channels (Instagram @kpknlbekasi, YouTube, the DJKN
 * portal page) and a content plan for the previous and the current month (by the clock): past days
 * published with reach figures, today and the coming days in every workflow status, and a few
 * working days left empty so the gaps show. Deterministic and idempotent (skips a unit that already
 * has channels). Past history is written directly (the workflow refuses backdated approvals).
 */
import { isWorkingDay, localDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { systemActor } from "../../../kernel/identity/actor";
import { linkRecordEvidence } from "../../zona-integritas/server/index";
import { daysOfMonth, shiftMonth } from "../domain/calendar";
import { EVIDENCE_MODULE, EVIDENCE_TYPES, type Status, type Theme } from "../domain/model";
import type { MediaService } from "./service";

const TITLES: Array<[Theme, string, string]> = [
  [
    "zi",
    "Komitmen bersama menuju WBBM",
    "KPKNL Bekasi terus membangun Zona Integritas menuju Wilayah Birokrasi Bersih dan Melayani. #ZonaIntegritas #WBBM",
  ],
  [
    "lelang",
    "Jadwal lelang eksekusi hak tanggungan pekan ini",
    "Simak jadwal lelang pekan ini dan ikuti melalui lelang.go.id. Jaminan penawaran disetor ke rekening virtual, bukan rekening pribadi.",
  ],
  [
    "edukasi",
    "Cara ikut lelang online di lelang.go.id",
    "Empat langkah mudah: daftar akun, verifikasi, setor jaminan, tawar. Gratis dan tanpa perantara.",
  ],
  [
    "piutang",
    "Keringanan utang bagi debitur UMKM",
    "Program keringanan utang piutang negara masih dibuka. Datangi KPKNL Bekasi atau hubungi layanan WhatsApp kami.",
  ],
  [
    "budaya_kerja",
    "Apel pagi dan pembacaan nilai-nilai Kemenkeu",
    "Integritas, Profesionalisme, Sinergi, Pelayanan, Kesempurnaan — dibaca bersama setiap Senin.",
  ],
  [
    "kekayaan",
    "Pemanfaatan BMN: sewa aset negara",
    "Aset negara yang belum digunakan dapat disewakan secara transparan. Kenali prosedurnya.",
  ],
  [
    "zi",
    "Maklumat pelayanan KPKNL Bekasi",
    "Kami berjanji melayani sesuai standar pelayanan, tanpa pungutan, tanpa gratifikasi.",
  ],
  [
    "lelang",
    "Waspada penipuan mengatasnamakan lelang",
    "KPKNL tidak pernah meminta transfer ke rekening pribadi. Cek keaslian informasi di lelang.go.id.",
  ],
  ["zi", "Agen perubahan bulan ini", "Kenalan dengan agen perubahan KPKNL Bekasi dan inovasi layanannya."],
  [
    "edukasi",
    "Mengenal layanan KPKNL dalam satu menit",
    "Lelang, piutang negara, kekayaan negara dan penilaian — semua di satu kantor.",
  ],
  [
    "budaya_kerja",
    "Budaya 5R di ruang pelayanan",
    "Ringkas, rapi, resik, rawat, rajin: ruang layanan yang nyaman untuk pengguna jasa.",
  ],
  [
    "zi",
    "Hasil survei kepuasan layanan triwulan ini",
    "Terima kasih atas penilaian Anda. Indeks kepuasan dan tindak lanjut saran kami sampaikan di sini.",
  ],
];

const REJECT_REASON =
  "Foto kurang jelas dan belum mencantumkan tautan lelang.go.id; mohon perbaiki lalu ajukan kembali.";

export async function seedMediaDemo(ctx: AppContext, media: MediaService): Promise<void> {
  const unit = await ctx.org.byCode("KPKNL-BEKASI");
  if (!unit) return;
  const existing = await ctx.db
    .selectFrom("media_channels")
    .select("id")
    .where("unit_id", "=", unit.id)
    .executeTakeFirst();
  if (existing) return;
  const system = systemActor("demo-seed");
  const staff = await ctx.identity.listUsers(system, { unitId: unit.id });
  const userId = (email: string) => staff.find((u) => u.email === email)?.id ?? null;
  const officer = userId("media@zona.demo");
  const coordinator = userId("koordinator.zi@zona.demo");
  const head = userId("kepala.bekasi@zona.demo");
  const names = new Map(staff.map((u) => [u.id, u.name]));
  const cal = await ctx.calendar.calendarFor(unit.id);
  const now = ctx.clock.now();
  const today = localDate(now, unit.zone);
  const thisMonth = today.slice(0, 7);
  const months = [shiftMonth(thisMonth, -1), thisMonth];

  const ig = await media.createChannel(system, {
    unitId: unit.id,
    kind: "instagram",
    name: "Instagram KPKNL Bekasi",
    handle: "@kpknlbekasi",
    url: "https://www.instagram.com/kpknlbekasi",
  });
  const yt = await media.createChannel(system, {
    unitId: unit.id,
    kind: "youtube",
    name: "YouTube KPKNL Bekasi",
    handle: "@kpknlbekasi",
    url: "https://www.youtube.com/@kpknlbekasi",
  });
  const portal = await media.createChannel(system, {
    unitId: unit.id,
    kind: "portal",
    name: "Portal DJKN — KPKNL Bekasi",
    handle: null,
    url: "https://www.djkn.kemenkeu.go.id/kpknl-bekasi",
  });

  // Working days of both months, minus a few left empty on purpose (the gaps the page highlights).
  const plannedDays: string[] = [];
  for (const m of months) {
    const working = daysOfMonth(m).filter((d) => isWorkingDay(cal, d));
    working.forEach((d, i) => {
      if (m === thisMonth ? [4, 11, 17].includes(i) : i === 8) return;
      plannedDays.push(d);
    });
  }
  // Statuses for today and later: every status of the workflow appears at least once.
  const pending: Status[] = ["submitted", "approved", "rejected", "draft", "idea", "approved", "draft"];
  const upcoming = plannedDays.filter((d) => d >= today);
  const plan: Array<{ date: string; status: Status }> = plannedDays
    .filter((d) => d < today)
    .map((date) => ({ date, status: "published" as Status }));
  for (const [i, date] of upcoming.entries())
    plan.push({ date, status: pending[i] ?? (i % 2 ? "idea" : "draft") });
  const last = upcoming.at(-1) ?? today;
  for (const s of pending.slice(upcoming.length)) plan.push({ date: last, status: s });

  const at = (date: string, hour: number) =>
    new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+07:00`).toISOString();
  const dayBefore = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  };
  const nowIso = now.toISOString();
  let zItemId: string | null = null;

  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, p] of plan.entries()) {
      const [theme, title, text] = TITLES[i % TITLES.length]!;
      const weekday = new Date(`${p.date}T00:00:00Z`).getUTCDay();
      const channelIds = [ig.id, ...(i % 3 === 0 ? [portal.id] : []), ...(weekday === 5 ? [yt.id] : [])];
      const id = newId();
      const created = p.date < today ? at(dayBefore(dayBefore(p.date)), 9) : nowIso;
      const approver = i % 2 === 0 ? coordinator : head;
      const submitted = ["submitted", "approved", "published", "rejected"].includes(p.status);
      const approved = p.status === "approved" || p.status === "published";
      const approvedAt = p.status === "published" ? at(dayBefore(p.date), 14) : nowIso;
      await trx
        .insertInto("media_items")
        .values({
          id,
          unit_id: unit.id,
          planned_date: p.date,
          theme,
          title,
          draft_text: p.status === "idea" ? "" : text,
          assignee_id: officer,
          status: p.status,
          reject_reason: p.status === "rejected" ? REJECT_REASON : null,
          author_ids: enc.json(officer ? [officer] : []),
          created_by: officer,
          submitted_by: submitted ? officer : null,
          submitted_at: submitted ? created : null,
          approved_by: approved ? approver : null,
          approved_at: approved ? approvedAt : null,
          published_at: p.status === "published" ? at(p.date, 10) : null,
          version: 1,
          created_at: created,
          updated_at: p.status === "published" ? at(p.date, 10) : nowIso,
        })
        .execute();
      for (const channelId of channelIds)
        await trx
          .insertInto("media_item_channels")
          .values({ item_id: id, channel_id: channelId, unit_id: unit.id })
          .execute();
      const events: Array<[string, Status | null, Status, string | null, string | null, string]> = [
        ["created", null, "idea", null, officer, created],
      ];
      if (p.status !== "idea") events.push(["start_draft", "idea", "draft", null, officer, created]);
      if (submitted) events.push(["submit", "draft", "submitted", null, officer, created]);
      if (approved) events.push(["approve", "submitted", "approved", null, approver, approvedAt]);
      if (p.status === "rejected")
        events.push(["reject", "submitted", "rejected", REJECT_REASON, head, nowIso]);
      if (p.status === "published")
        events.push(["publish", "approved", "published", null, officer, at(p.date, 10)]);
      for (const [action, from, to, note, who, when] of events)
        await trx
          .insertInto("media_item_events")
          .values({
            id: newId(),
            item_id: id,
            unit_id: unit.id,
            action,
            from_status: from,
            to_status: to,
            note,
            actor_id: who,
            actor_name: (who && names.get(who)) ?? "Zona",
            at: when,
          })
          .execute();
      if (p.status === "published") {
        if (theme === "zi" && !zItemId) zItemId = id;
        for (const [k, channelId] of channelIds.entries()) {
          const views = 250 + ((i * 137 + k * 61) % 900) + (channelId === yt.id ? 600 : 0);
          const slug = `${p.date.replaceAll("-", "")}${k}`;
          const url =
            channelId === ig.id
              ? `https://www.instagram.com/p/KB${slug}/`
              : channelId === yt.id
                ? `https://www.youtube.com/watch?v=kb${slug}`
                : `https://www.djkn.kemenkeu.go.id/kpknl-bekasi/berita/${slug}`;
          await trx
            .insertInto("media_publications")
            .values({
              id: newId(),
              item_id: id,
              unit_id: unit.id,
              channel_id: channelId,
              url,
              published_on: p.date,
              views,
              likes: Math.floor(views / 9),
              comments: (i * 7 + k) % 23,
              shares: (i * 3 + k) % 11,
              reach_updated_at: at(p.date, 16),
              created_at: at(p.date, 10),
            })
            .execute();
        }
      }
    }
    await ctx.audit.record(trx, system, {
      action: "media.demo.seeded",
      unitId: unit.id,
      entityType: "media_plan",
      entityId: unit.id,
      data: { items: plan.length, months },
    });
  });

  // The ZI building's publications are evidence for the LKE: one post, and last month's plan.
  if (zItemId) {
    await linkRecordEvidence(ctx, system, {
      unitId: unit.id,
      questionKeys: ["pemenuhan.mp.rencana-zi.c"],
      ref: {
        module: EVIDENCE_MODULE,
        type: EVIDENCE_TYPES.item,
        id: zItemId,
        title: "Publikasi media: Komitmen bersama menuju WBBM",
        path: `/media/konten/${zItemId}`,
      },
    });
  }
  await media.linkMonthEvidence(system, unit.id, months[0]!, [
    "pemenuhan.mp.rencana-zi.c",
    "pemenuhan.pp.budaya-pelayanan-prima.b",
  ]);
}
