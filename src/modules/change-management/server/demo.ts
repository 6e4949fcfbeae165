/**
 * The demo office's change management: KPKNL Bekasi's team (an earlier decree replaced by this
 * year's, so the history shows), a work plan of 15 activities across the six lever areas in every
 * state with two overdue (one owned by pegawai@zona.demo), and change agents with realised changes,
 * some integrated into SOPs. Dates are relative to the clock's today, so the overdue ones stay overdue.
 */
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import type { AppContext } from "../../../kernel/context";
import { systemActor } from "../../../kernel/identity/actor";
import type { Unit } from "../../../kernel/org/units";
import { linkRecordEvidence } from "../../zona-integritas/server";
import type { ActivityStatus, LeverArea, TeamRole } from "../domain/model";
import { CM_RECORD, type CmService } from "./service";

function pdf(title: string, lines: string[]): Promise<Buffer> {
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

async function upload(ctx: AppContext, unit: Unit, name: string, title: string, lines: string[]) {
  const bytes = await pdf(title, lines);
  return ctx.files.upload(systemActor("demo-seed"), {
    unitId: unit.id,
    unitPath: unit.path,
    filename: name,
    stream: Readable.from(bytes),
  });
}

/** today ± n days, as YYYY-MM-DD. */
function shift(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const TEAM: Array<[string, TeamRole, LeverArea | null]> = [
  ["kepala.bekasi", "penanggung_jawab", null],
  ["koordinator.zi", "koordinator", null],
  ["anggota.zi", "ketua_area", "manajemen_perubahan"],
  ["kekayaan", "ketua_area", "tatalaksana"],
  ["pejabat.lelang", "ketua_area", "sdm"],
  ["bendahara", "ketua_area", "akuntabilitas"],
  ["piutang", "ketua_area", "pengawasan"],
  ["layanan", "ketua_area", "pelayanan_publik"],
  ["agen.perubahan", "anggota", "manajemen_perubahan"],
  ["media", "anggota", "manajemen_perubahan"],
  ["pegawai", "anggota", "pelayanan_publik"],
];

/** [area, title, target, output, pic, start offset, due offset, status, progress, LKE questions] */
const PLAN: Array<
  [LeverArea, string, string, string, string, number, number, ActivityStatus, number, string[]]
> = [
  [
    "manajemen_perubahan",
    "Penetapan SK Tim Kerja ZI 2026",
    "SK ditetapkan Januari",
    "SK Kepala Kantor",
    "koordinator.zi",
    -320,
    -300,
    "selesai",
    100,
    ["pemenuhan.mp.tim-kerja.a"],
  ],
  [
    "manajemen_perubahan",
    "Penyusunan rencana kerja pembangunan ZI",
    "Rencana kerja disahkan pimpinan",
    "Dokumen rencana kerja",
    "anggota.zi",
    -310,
    -280,
    "selesai",
    100,
    ["pemenuhan.mp.rencana-zi.a", "pemenuhan.mp.rencana-zi.b"],
  ],
  [
    "manajemen_perubahan",
    "Monitoring dan evaluasi triwulanan pembangunan ZI",
    "4 kali rapat monev setahun",
    "Notulen dan laporan monev",
    "koordinator.zi",
    -270,
    25,
    "berjalan",
    75,
    ["pemenuhan.mp.pemantauan-evaluasi.b"],
  ],
  [
    "manajemen_perubahan",
    "Internalisasi nilai-nilai Kemenkeu melalui apel pagi",
    "Seluruh pegawai terlibat",
    "Dokumentasi dan daftar hadir",
    "agen.perubahan",
    -200,
    40,
    "berjalan",
    60,
    [],
  ],
  [
    "tatalaksana",
    "Reviu SOP layanan lelang dan piutang",
    "Seluruh SOP utama direviu",
    "Berita acara reviu SOP",
    "kekayaan",
    -120,
    -30,
    "selesai",
    100,
    ["pemenuhan.tt.sop.a"],
  ],
  [
    "tatalaksana",
    "Publikasi informasi publik di laman dan media sosial",
    "Informasi berkala terbit tiap bulan",
    "Daftar informasi publik",
    "media",
    -90,
    60,
    "berjalan",
    45,
    [],
  ],
  [
    "sdm",
    "Analisis kebutuhan diklat pegawai (TNA)",
    "TNA seluruh pegawai",
    "Laporan TNA",
    "pejabat.lelang",
    -100,
    -10,
    "selesai",
    100,
    [],
  ],
  [
    "sdm",
    "Sosialisasi kode etik dan disiplin pegawai",
    "Semua pegawai tersosialisasi",
    "Materi dan daftar hadir",
    "pejabat.lelang",
    10,
    45,
    "belum_mulai",
    0,
    [],
  ],
  [
    "akuntabilitas",
    "Penyusunan perjanjian kinerja dan cascading IKU",
    "PK seluruh pegawai",
    "Dokumen PK",
    "bendahara",
    -330,
    -300,
    "selesai",
    100,
    ["pemenuhan.ak.pengelolaan-akuntabilitas.a"],
  ],
  [
    "akuntabilitas",
    "Monitoring capaian IKU triwulan IV",
    "Capaian dilaporkan tepat waktu",
    "Laporan capaian kinerja",
    "bendahara",
    -20,
    35,
    "berjalan",
    30,
    [],
  ],
  [
    "pengawasan",
    "Kampanye pengendalian gratifikasi",
    "Banner dan sosialisasi kepada pengguna jasa",
    "Dokumentasi kampanye",
    "piutang",
    -150,
    -60,
    "selesai",
    100,
    ["pemenuhan.pw.gratifikasi.a"],
  ],
  [
    "pengawasan",
    "Pemetaan benturan kepentingan pada layanan lelang",
    "Peta benturan kepentingan",
    "Dokumen pemetaan",
    "piutang",
    -60,
    -12,
    "tertunda",
    40,
    [],
  ],
  [
    "pelayanan_publik",
    "Survei kepuasan masyarakat semester II",
    "IKM minimal 3,5",
    "Laporan SKM",
    "pegawai",
    -45,
    -5,
    "berjalan",
    70,
    [],
  ],
  [
    "pelayanan_publik",
    "Pembaruan maklumat dan standar pelayanan",
    "Maklumat terpasang di ruang layanan",
    "Maklumat pelayanan",
    "layanan",
    -30,
    20,
    "berjalan",
    50,
    ["pemenuhan.pp.standar-pelayanan.b"],
  ],
  [
    "pelayanan_publik",
    "Pelatihan budaya pelayanan prima bagi petugas layanan",
    "Seluruh petugas layanan terlatih",
    "Sertifikat dan dokumentasi",
    "layanan",
    15,
    60,
    "belum_mulai",
    0,
    [],
  ],
];

export async function seedCmDemo(ctx: AppContext, cm: CmService): Promise<void> {
  const unit = await ctx.org.byCode("KPKNL-BEKASI");
  if (!unit) return;
  const existing = await ctx.db
    .selectFrom("cm_decrees")
    .select("id")
    .where("unit_id", "=", unit.id)
    .executeTakeFirst();
  if (existing) return; // seeded before
  const system = systemActor("demo-seed");
  const people = new Map(
    (await ctx.identity.listUsers(system, { unitId: unit.id })).map((u) => [u.email.split("@")[0]!, u.id]),
  );
  const who = (handle: string) => people.get(handle) ?? "";
  const today = cm.today();
  const year = today.slice(0, 4);

  // The team: last year's decree, then this year's, which replaces it.
  const oldSk = await upload(ctx, unit, "sk-tim-zi-lama.pdf", "SK Tim Kerja ZI KPKNL Bekasi", [
    "Penetapan tim tahun lalu.",
  ]);
  await cm.createTeamDecree(system, {
    unitId: unit.id,
    number: `KEP-12/WKN.08/KNL.06/${Number(year) - 1}`,
    date: `${Number(year) - 1}-01-08`,
    fileId: oldSk.id,
    members: TEAM.filter(([h]) => h !== "media" && h !== "pegawai").map(([h, role, areaKey]) => ({
      userId: who(h),
      role: h === "layanan" ? "anggota" : role,
      areaKey: h === "layanan" ? "pelayanan_publik" : areaKey,
    })),
  });
  const sk = await upload(ctx, unit, "sk-tim-zi.pdf", "SK Tim Kerja Zona Integritas KPKNL Bekasi", [
    `Nomor KEP-3/WKN.08/KNL.06/${year}`,
    "Menetapkan Tim Kerja Pembangunan Zona Integritas menuju WBK/WBBM.",
  ]);
  await cm.createTeamDecree(system, {
    unitId: unit.id,
    number: `KEP-3/WKN.08/KNL.06/${year}`,
    date: `${year}-01-06`,
    fileId: sk.id,
    members: TEAM.map(([h, role, areaKey]) => ({ userId: who(h), role, areaKey })),
  });

  // The work plan.
  const report = await upload(ctx, unit, "laporan-kegiatan.pdf", "Laporan kegiatan ZI", [
    "Dokumentasi pelaksanaan kegiatan.",
  ]);
  for (const [i, [areaKey, title, target, output, pic, s, d, status, progress, keys]] of PLAN.entries()) {
    const a = await cm.createActivity(system, {
      unitId: unit.id,
      areaKey,
      title,
      target,
      output,
      picUserId: who(pic),
      startDate: shift(today, s),
      dueDate: shift(today, d),
      status,
      progress,
      note: "",
    });
    if (status === "selesai" && i % 2 === 0) await cm.attachFile(system, a.id, report.id);
    if (keys.length)
      await linkRecordEvidence(ctx, system, {
        unitId: unit.id,
        questionKeys: keys,
        ref: { ...CM_RECORD, id: a.id, title, path: `/perubahan/rencana/${a.id}` },
      });
  }

  // Change agents.
  const skAgents = await upload(ctx, unit, "sk-agen-perubahan.pdf", "SK Agen Perubahan KPKNL Bekasi", [
    `Nomor KEP-5/WKN.08/KNL.06/${year}`,
  ]);
  const data = await cm.createAgentDecree(system, {
    unitId: unit.id,
    number: `KEP-5/WKN.08/KNL.06/${year}`,
    date: `${year}-01-15`,
    fileId: skAgents.id,
    userIds: [who("agen.perubahan"), who("layanan"), who("media")],
  });
  const agent = (h: string) => data.agents.find((a) => a.userId === who(h))!.id;
  const sop = await upload(ctx, unit, "sop-antrean-daring.pdf", "SOP Layanan Antrean Daring", [
    "Ditetapkan Kepala Kantor.",
  ]);
  await cm.addChange(system, agent("agen.perubahan"), {
    title: "Antrean layanan daring melalui WhatsApp",
    description: "Pengguna jasa mengambil nomor antrean lewat WhatsApp sebelum datang ke kantor.",
    plannedDate: shift(today, -271),
    realisedDate: shift(today, -226),
    integrated: true,
    integrationRef: `SOP Layanan Antrean Daring (KEP-21/KNL.06/${year})`,
    integrationFileId: sop.id,
  });
  await cm.addChange(system, agent("agen.perubahan"), {
    title: "Papan kendali tindak lanjut monev",
    description: "Tindak lanjut rapat monev dipantau pada satu papan yang dibahas tiap apel Senin.",
    plannedDate: shift(today, -179),
    realisedDate: shift(today, -140),
    integrated: false,
    integrationRef: "",
  });
  await cm.addChange(system, agent("layanan"), {
    title: "Formulir permohonan salinan risalah lelang daring",
    description: "Permohonan salinan risalah tanpa datang ke kantor.",
    plannedDate: shift(today, -210),
    realisedDate: shift(today, -183),
    integrated: true,
    integrationRef: `Keputusan Kepala Kantor KEP-30/KNL.06/${year} tentang Standar Pelayanan`,
  });
  await cm.addChange(system, agent("media"), {
    title: "Kalender konten media sosial terjadwal",
    description: "Konten ZI dan layanan terbit terjadwal tiap pekan.",
    plannedDate: shift(today, -118),
    realisedDate: shift(today, -99),
    integrated: false,
    integrationRef: "",
  });
  await cm.addChange(system, agent("media"), {
    title: "Video tutorial lelang daring",
    description: "Serial video cara mengikuti lelang melalui lelang.go.id.",
    plannedDate: shift(today, 30),
    integrated: false,
    integrationRef: "",
  });
  await cm.addRoleModel(system, agent("agen.perubahan"), {
    title: "Memimpin apel pagi dan budaya 5R",
    description: "Memberi contoh datang tepat waktu dan ruang kerja rapi.",
    date: shift(today, -297),
  });
  await cm.addRoleModel(system, agent("layanan"), {
    title: "Pelayanan tanpa gratifikasi",
    description: "Menolak pemberian pengguna jasa dan melaporkannya ke UPG.",
    date: shift(today, -199),
  });
}
