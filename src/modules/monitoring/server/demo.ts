/**
 * The demo office's monev: KPKNL Bekasi's weekly MODEL meetings (Monday evaluation) of the last two
 * months, a monthly evaluation and a quarterly Dialog Kinerja Organisasi, with follow-ups in every
 * state — done on time, done late, dropped, open and carried over, and one overdue owned by
 * pegawai@zona.demo. Dates are relative to the clock, so the data is always "recent"; everything
 * else is fixed, so screenshots and tests agree. Meetings are recorded in date order and follow-ups
 * closed on their completion day's turn, so carry-over happens exactly as it would in real use.
 */
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { isWorkingDay, nextWorkingDay } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { systemActor } from "../../../kernel/identity/actor";
import type { MeetingKind } from "../domain/rules";
import type { MonevService } from "./service";

const DAY = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday

function notulenPdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Producer: "Zona demo" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(16).text(title).moveDown().fontSize(11);
    for (const l of lines) doc.text(l);
    doc.moveDown().fontSize(9).fillColor("#666").text("Dokumen contoh (data demo Zona).");
    doc.end();
  });
}

interface PlannedFollowUp {
  text: string;
  owner: string;
  /** Days after the meeting. */
  dueIn: number;
  /** Days after the meeting it was done (late when > dueIn), or dropped, or left open. */
  outcome: { doneIn: number; note?: string } | { droppedIn: number; reason: string } | "open";
}

interface PlannedMeeting {
  kind: MeetingKind;
  date: string;
  title: string;
  agenda: string[];
  decisions: string[];
  minutes: string;
  followUps: PlannedFollowUp[];
  evidence?: string[];
}

const WEEKLY_TOPICS: Array<{ agenda: string[]; decision: string; followUps: PlannedFollowUp[] }> = [
  {
    agenda: ["Capaian layanan lelang pekan lalu", "Antrean permohonan ALASCA"],
    decision: "Percepat penyelesaian permohonan salinan risalah lelang",
    followUps: [
      {
        text: "Susun daftar permohonan salinan risalah yang melewati SLA",
        owner: "layanan",
        dueIn: 4,
        outcome: { doneIn: 3 },
      },
      {
        text: "Perbarui papan informasi jadwal lelang di ruang layanan",
        owner: "media",
        dueIn: 7,
        outcome: { doneIn: 9, note: "Menunggu cetak banner" },
      },
    ],
  },
  {
    agenda: ["Evaluasi survei kepuasan bulan berjalan", "Kesiapan sosialisasi ZI"],
    decision: "Sosialisasi ZI kepada pengguna layanan setiap Rabu",
    followUps: [
      {
        text: "Siapkan materi sosialisasi ZI untuk pengguna layanan",
        owner: "agen.perubahan",
        dueIn: 9,
        outcome: { doneIn: 8 },
      },
      {
        text: "Rekap hasil survei kepuasan per unsur pelayanan",
        owner: "anggota.zi",
        dueIn: 11,
        outcome: "open",
      },
    ],
  },
  {
    agenda: ["Penagihan piutang negara jatuh tempo", "Kebersihan ruang arsip"],
    decision: "Tertibkan arsip berkas piutang tahun berjalan",
    followUps: [
      {
        text: "Tata ulang arsip berkas piutang tahun berjalan",
        owner: "piutang",
        dueIn: 14,
        outcome: { doneIn: 20, note: "Selesai setelah pindah rak" },
      },
      {
        text: "Pengadaan rak arsip tambahan",
        owner: "bendahara",
        dueIn: 10,
        outcome: { droppedIn: 6, reason: "Rak dipinjam dari Seksi PKN" },
      },
    ],
  },
  {
    agenda: ["Pemutakhiran data BMN satker mitra", "Persiapan lelang eksekusi hak tanggungan"],
    decision: "Lengkapi data foto objek lelang sebelum pengumuman",
    followUps: [
      {
        text: "Lengkapi foto objek lelang eksekusi hak tanggungan",
        owner: "pejabat.lelang",
        dueIn: 6,
        outcome: { doneIn: 5 },
      },
      {
        text: "Perbarui daftar pemutakhiran data BMN satker mitra",
        owner: "kekayaan",
        dueIn: 12,
        outcome: { doneIn: 12 },
      },
    ],
  },
  {
    agenda: ["Tindak lanjut pengaduan WA-CARE", "Kedisiplinan jam layanan"],
    decision: "Jawaban pengaduan paling lama 3 hari kerja",
    followUps: [
      {
        text: "Lengkapi rekap jawaban pengaduan WA-CARE bulan ini",
        owner: "pegawai",
        dueIn: 5,
        outcome: "open",
      },
      { text: "Tempel jam layanan baru di pintu masuk", owner: "layanan", dueIn: 3, outcome: { doneIn: 2 } },
    ],
  },
  {
    agenda: ["Publikasi kegiatan ZI di media sosial", "Capaian IKU triwulan berjalan"],
    decision: "Satu unggahan kegiatan ZI setiap pekan",
    followUps: [
      {
        text: "Jadwalkan unggahan kegiatan ZI sepekan ke depan",
        owner: "media",
        dueIn: 4,
        outcome: { doneIn: 4 },
      },
      {
        text: "Validasi realisasi IKU bulan berjalan",
        owner: "koordinator.zi",
        dueIn: 10,
        outcome: { doneIn: 13 },
      },
    ],
  },
  {
    agenda: ["Pengendalian gratifikasi menjelang akhir tahun", "Kesiapan evaluasi TPI"],
    decision: "Imbauan pengendalian gratifikasi kepada seluruh pegawai",
    followUps: [
      {
        text: "Edarkan imbauan pengendalian gratifikasi akhir tahun",
        owner: "agen.perubahan",
        dueIn: 3,
        outcome: { doneIn: 1 },
      },
      {
        text: "Kumpulkan data dukung LKE area penguatan pengawasan",
        owner: "anggota.zi",
        dueIn: 21,
        outcome: "open",
      },
    ],
  },
  {
    agenda: ["Kinerja layanan pekan lalu", "Pemeliharaan gedung"],
    decision: "Perbaikan pendingin ruang layanan",
    followUps: [
      { text: "Ajukan perbaikan pendingin ruang layanan", owner: "bendahara", dueIn: 7, outcome: "open" },
    ],
  },
  {
    agenda: ["Persiapan penilaian TPN", "Inovasi layanan"],
    decision: "Simulasi presentasi inovasi di depan pimpinan",
    followUps: [
      {
        text: "Siapkan bahan presentasi inovasi layanan",
        owner: "koordinator.zi",
        dueIn: 10,
        outcome: "open",
      },
    ],
  },
];

/** Mondays (or the next working day when Monday is a holiday) of the last ~two months, oldest first. */
async function weeklyDates(ctx: AppContext, unitId: string, today: string): Promise<string[]> {
  const cal = await ctx.calendar.calendarFor(unitId);
  let monday = addDays(today, -((weekday(today) + 6) % 7));
  if (monday >= today) monday = addDays(monday, -7);
  const out: string[] = [];
  for (let i = 0; i < 9; i++) {
    const m = addDays(monday, -7 * i);
    out.push(isWorkingDay(cal, m) ? m : nextWorkingDay(cal, m));
  }
  return out.filter((d) => d < today).reverse();
}

export async function seedMonevDemo(ctx: AppContext, monev: MonevService): Promise<void> {
  const bekasi = await ctx.org.byCode("KPKNL-BEKASI");
  if (!bekasi) return;
  const system = systemActor("demo-seed");
  if ((await monev.listMeetings(system, { unitId: bekasi.id })).length > 0) return;
  const people = await monev.people(bekasi.id);
  const who = (handle: string) => {
    const p = people.find((x) => x.email === `${handle}@zona.demo`);
    if (!p) throw new Error(`demo user ${handle} missing`);
    return p.id;
  };
  const today = await monev.today(bekasi.id);
  const weekly = await weeklyDates(ctx, bekasi.id, today);
  const everyone = people.map((p) => p.id);

  const plans: PlannedMeeting[] = weekly.map((date, i) => {
    const topic = WEEKLY_TOPICS[i % WEEKLY_TOPICS.length]!;
    return {
      kind: "weekly",
      date,
      title: `Rapat MODEL (Monday Evaluation) ${date}`,
      agenda: ["Tindak lanjut rapat sebelumnya", ...topic.agenda],
      decisions: [topic.decision],
      minutes: `Rapat dipimpin Kepala Kantor. Dibahas: ${topic.agenda.join("; ")}. Tindak lanjut rapat sebelumnya ditinjau satu per satu.`,
      followUps: topic.followUps,
      ...(i === weekly.length - 1 ? { evidence: ["pemenuhan.mp.pemantauan-evaluasi.b"] } : {}),
    };
  });
  const monthly = addDays(weekly[Math.max(0, weekly.length - 4)]!, 3);
  plans.push({
    kind: "monthly",
    date: monthly,
    title: "Rapat Evaluasi Bulanan Pembangunan Zona Integritas",
    agenda: ["Capaian rencana kerja ZI bulan lalu", "Hasil survei internal", "Kesiapan LKE"],
    decisions: ["Rencana kerja ZI bulan depan disahkan", "Koordinator menyiapkan ringkasan capaian per area"],
    minutes:
      "Koordinator Tim ZI memaparkan capaian enam area pengungkit. Pimpinan meminta data dukung area manajemen perubahan dilengkapi.",
    followUps: [
      {
        text: "Susun ringkasan capaian per area pengungkit",
        owner: "koordinator.zi",
        dueIn: 7,
        outcome: { doneIn: 6 },
      },
      {
        text: "Lengkapi notulen seluruh rapat MODEL sebagai data dukung",
        owner: "anggota.zi",
        dueIn: 14,
        outcome: { doneIn: 16 },
      },
    ],
  });
  const quarterly = addDays(weekly[0]!, 2);
  plans.push({
    kind: "quarterly",
    date: quarterly,
    title: "Dialog Kinerja Organisasi (DKO) Triwulan",
    agenda: ["Capaian IKU dan NKO triwulan", "Kendala dan rencana aksi", "Monitoring pembangunan ZI"],
    decisions: [
      "Rencana aksi peningkatan capaian IKU penyelesaian piutang",
      "Evaluasi ZI masuk agenda DKO berikutnya",
    ],
    minutes:
      "DKO dipimpin Kepala Kantor dengan seluruh kepala seksi. NKO triwulan dibahas per IKU; dua IKU di bawah target diberi rencana aksi.",
    followUps: [
      {
        text: "Rencana aksi peningkatan penyelesaian BKPN",
        owner: "piutang",
        dueIn: 30,
        outcome: { doneIn: 28 },
      },
      {
        text: "Kajian ulang target IKU frekuensi lelang",
        owner: "pejabat.lelang",
        dueIn: 21,
        outcome: { droppedIn: 10, reason: "Target ditetapkan ulang oleh Kanwil" },
      },
    ],
    evidence: ["pemenuhan.mp.pemantauan-evaluasi.b", "pemenuhan.mp.pemantauan-evaluasi.c"],
  });
  plans.sort((a, b) => a.date.localeCompare(b.date));

  // Closures waiting for their day: done before the next meeting means not carried into it.
  const pending: Array<{ id: string; on: string; apply: () => Promise<unknown> }> = [];
  const flush = async (before: string) => {
    pending.sort((a, b) => a.on.localeCompare(b.on));
    while (pending.length && pending[0]!.on < before) await pending.shift()!.apply();
  };

  for (const plan of plans) {
    await flush(plan.date);
    const pdf = await notulenPdf(`Notulen ${plan.title}`, [
      plan.minutes,
      "",
      ...plan.decisions.map((d) => `Keputusan: ${d}`),
    ]);
    const file = await ctx.files.upload(system, {
      unitId: bekasi.id,
      unitPath: bekasi.path,
      filename: `notulen-${plan.kind}-${plan.date}.pdf`,
      stream: Readable.from(pdf),
    });
    const meeting = await monev.createMeeting(system, {
      unitId: bekasi.id,
      kind: plan.kind,
      date: plan.date,
      title: plan.title,
      chairId: who("kepala.bekasi"),
      participantIds: plan.kind === "weekly" ? everyone.filter((_, i) => i % 4 !== 3) : everyone,
      agenda: plan.agenda,
      minutes: plan.minutes,
      decisions: plan.decisions,
      fileIds: [file.id],
    });
    for (const f of plan.followUps) {
      const created = await monev.addFollowUp(system, meeting.id, {
        text: f.text,
        ownerId: who(f.owner),
        dueDate: addDays(plan.date, f.dueIn),
      });
      const o = f.outcome;
      if (o === "open") continue;
      const on = addDays(plan.date, "doneIn" in o ? o.doneIn : o.droppedIn);
      if (on > today) continue;
      pending.push({
        id: created.id,
        on,
        apply: () =>
          monev.changeStatus(
            system,
            created.id,
            "doneIn" in o
              ? { status: "done", completedOn: on, ...(o.note ? { note: o.note } : {}) }
              : { status: "dropped", reason: o.reason },
          ),
      });
    }
    if (plan.evidence) {
      try {
        await monev.linkEvidence(system, meeting.id, plan.evidence);
      } catch (e) {
        ctx.log.warn({ err: e }, "monev demo: evidence link skipped");
      }
    }
  }
  await flush(addDays(today, 1));
}
