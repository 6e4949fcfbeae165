/**
 * KPKNL Bekasi's complaints: cases in every state, dated relative to today so some are overdue,
 * one forwarded to SP4N-LAPOR!, and one a month through the year for the recap. Codes and secrets
 * are fixed (documented in the README) so a demo visitor can open the tracking page.
 */
import type { AppContext } from "../../../kernel/context";
import { type Actor, systemActor } from "../../../kernel/identity/actor";
import type { TransitionInput } from "../contract";
import type { SlaClass } from "../domain/sla-rules";
import type { Category } from "../domain/workflow";
import type { ComplaintService } from "./service";

const DAY = 86_400_000;

interface DemoCase {
  n: number;
  daysAgo: number;
  category: Category;
  service: string;
  description: string;
  contactEmail?: string;
  steps: Array<{ after: number; input: TransitionInput | { command: "note"; body: string } }>;
  rating?: { score: number; comment: string };
}

const verify = (slaClass: SlaClass): TransitionInput => ({ command: "verify", slaClass, note: null });
const assign = (id: string): TransitionInput => ({
  command: "assign",
  assigneeId: id,
  note: "Mohon ditindaklanjuti sesuai SOP.",
});
const start: TransitionInput = { command: "start", note: null };
const answer = (text: string): TransitionInput => ({ command: "answer", answer: text });
const close: TransitionInput = { command: "close", note: null };

export const DEMO_SECRET = (n: number) => `DEM0-BKS0-0000-${String(n).padStart(4, "0")}`;
export const DEMO_CODE = (n: number) => `ADU-BKS0-${String(n).padStart(4, "0")}`;

export async function seedComplaintsDemo(ctx: AppContext, svc: ComplaintService): Promise<void> {
  const unit = await ctx.org.byCode("KPKNL-BEKASI");
  if (!unit) return;
  const done = await ctx.db
    .selectFrom("cmp_cases")
    .select("id")
    .where("code", "=", DEMO_CODE(1))
    .executeTakeFirst();
  if (done) return;
  const officer = (await ctx.identity.listUsers(systemActor("demo"), { unitId: unit.id })).find(
    (u) => u.email === "layanan@zona.demo",
  );
  if (!officer) return;
  // the demo acts as the system, with the officer's name on the timeline
  const staff: Actor = systemActor(officer.name);

  const now = ctx.clock.now().getTime();
  const year = new Date(now).getUTCFullYear();
  const cases: DemoCase[] = [
    {
      n: 1,
      daysAgo: 1,
      category: "pengaduan",
      service: "Lelang",
      description:
        "Jadwal lelang di situs lelang.go.id berbeda dengan pengumuman di surat kabar. Mohon kejelasan tanggal yang berlaku.",
      contactEmail: "warga.bekasi@example.com",
      steps: [],
    },
    {
      n: 2,
      daysAgo: 8,
      category: "pengaduan",
      service: "Informasi dan Konsultasi",
      description: "Telepon layanan informasi tidak diangkat selama tiga hari berturut-turut pada jam kerja.",
      steps: [],
    },
    {
      n: 3,
      daysAgo: 4,
      category: "permintaan_informasi",
      service: "Pengurusan Piutang Negara",
      description: "Saya ingin mengetahui persyaratan keringanan utang untuk debitur UMKM.",
      steps: [{ after: 1, input: verify("information") }],
    },
    {
      n: 4,
      daysAgo: 17,
      category: "pengaduan",
      service: "Pengelolaan Kekayaan Negara (BMN)",
      description: "Permohonan sewa BMN yang kami ajukan dua bulan lalu belum mendapat jawaban.",
      steps: [
        { after: 1, input: verify("regular") },
        { after: 2, input: assign("__officer__") },
      ],
    },
    {
      n: 5,
      daysAgo: 35,
      category: "pengaduan",
      service: "Lelang",
      description: "Uang jaminan lelang belum dikembalikan padahal saya tidak ditetapkan sebagai pemenang.",
      contactEmail: "peserta.lelang@example.com",
      steps: [
        { after: 1, input: verify("regular") },
        { after: 2, input: assign("__officer__") },
        { after: 3, input: start },
        {
          after: 4,
          input: { command: "note", body: "Menunggu konfirmasi bank persepsi atas mutasi rekening." },
        },
      ],
    },
    {
      n: 6,
      daysAgo: 20,
      category: "permintaan_informasi",
      service: "Penilaian",
      description: "Berapa lama proses penilaian aset untuk permohonan pemindahtanganan?",
      steps: [
        { after: 1, input: verify("information") },
        { after: 1, input: assign("__officer__") },
        { after: 2, input: start },
        {
          after: 3,
          input: answer(
            "Penilaian diselesaikan paling lama 20 hari kerja sejak dokumen lengkap diterima, sesuai standar pelayanan KPKNL Bekasi.",
          ),
        },
      ],
    },
    {
      n: 7,
      daysAgo: 45,
      category: "pengaduan",
      service: "Lelang",
      description: "Petugas meminta biaya tambahan di luar ketentuan saat pengambilan risalah lelang.",
      steps: [
        { after: 1, input: verify("supervisory") },
        { after: 1, input: assign("__officer__") },
        { after: 2, input: start },
        {
          after: 20,
          input: answer(
            "Pengaduan telah diperiksa; petugas terkait diberi sanksi disiplin dan biaya yang dipungut telah dikembalikan. Terima kasih atas laporan Anda.",
          ),
        },
        { after: 25, input: close },
      ],
      rating: { score: 4, comment: "Ditangani serius, terima kasih." },
    },
    {
      n: 8,
      daysAgo: 25,
      category: "pengaduan",
      service: "Lainnya",
      description: "Pengurusan sertifikat tanah di BPN Kabupaten Bekasi lambat.",
      steps: [
        {
          after: 1,
          input: {
            command: "reject",
            kind: "not_authority",
            reason:
              "Pengurusan sertifikat tanah adalah kewenangan Kantor Pertanahan (BPN) Kabupaten Bekasi, bukan KPKNL.",
          },
        },
      ],
    },
    {
      n: 9,
      daysAgo: 15,
      category: "pengaduan",
      service: "Pengurusan Piutang Negara",
      description: "Dugaan pungutan liar oleh oknum yang mengaku petugas piutang negara.",
      steps: [
        { after: 1, input: verify("supervisory") },
        {
          after: 2,
          input: {
            command: "forward",
            channel: "sp4n_lapor",
            reference: "LAPOR-2026-1187342",
            note: "Diteruskan ke Itjen melalui SP4N-LAPOR!",
          },
        },
      ],
    },
  ];
  // one closed case per month of the year so far, for the recap (every third one late)
  const month = new Date(now).getUTCMonth();
  for (let m = 0; m < month; m++) {
    const received = Date.UTC(year, m, 6, 2);
    const daysAgo = Math.floor((now - received) / DAY);
    if (daysAgo < 50) continue;
    cases.push({
      n: 20 + m,
      daysAgo,
      category: m % 2 === 0 ? "pengaduan" : "permintaan_informasi",
      service: ["Lelang", "Pengurusan Piutang Negara", "Penilaian", "Informasi dan Konsultasi"][m % 4]!,
      description: `Pertanyaan/pengaduan layanan bulan ${m + 1}: mohon informasi status permohonan saya.`,
      steps: [
        { after: 1, input: verify("regular") },
        { after: 1, input: assign("__officer__") },
        { after: 2, input: start },
        {
          after: m % 3 === 2 ? 30 : 8,
          input: answer("Permohonan Anda telah selesai diproses; dokumen dapat diambil di loket layanan."),
        },
        { after: m % 3 === 2 ? 32 : 10, input: close },
      ],
      rating: m % 2 === 0 ? { score: 3 + (m % 3), comment: "Cukup baik." } : undefined,
    });
  }

  for (const c of cases) {
    const receivedAt = new Date(now - c.daysAgo * DAY);
    const r = await svc.intake(
      {
        unitCode: unit.code,
        category: c.category,
        service: c.service,
        description: c.description,
        contactName: c.contactEmail ? "Warga Bekasi" : null,
        contactEmail: c.contactEmail ?? null,
        contactPhone: null,
        lang: "id",
      },
      {
        receivedAt,
        code: DEMO_CODE(c.n),
        secret: DEMO_SECRET(c.n),
        // two of the current cases came in at the counter and by phone, recorded by staff
        ...(c.n === 4
          ? { channel: "counter", actor: staff }
          : c.n === 6
            ? { channel: "phone", actor: staff }
            : {}),
      },
    );
    for (const s of c.steps) {
      const at = new Date(receivedAt.getTime() + s.after * DAY);
      if (s.input.command === "note") await svc.addNote(staff, r.id, s.input.body, { at });
      else {
        const input = s.input.command === "assign" ? { ...s.input, assigneeId: officer.id } : s.input;
        await svc.transition(staff, r.id, input, { at });
      }
    }
    if (c.rating) await svc.seedRating(r.id, c.rating.score, c.rating.comment);
  }
}
