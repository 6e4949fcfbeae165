import { addWorkingDaysToDate, jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { codec } from "../../../kernel/db/codecs";
import type { Actor } from "../../../kernel/identity/actor";
import type { CoiService } from "./coi.service";
import type { GratService } from "./grat.service";
import { solveChallenge } from "./secrets";
import type { WbsService } from "./wbs.service";

/** A signed-in-like actor for a demo account (kernel tables, read only). */
export async function actorForEmail(ctx: AppContext, email: string): Promise<Actor | null> {
  const u = await ctx.db
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("email", "=", email)
    .executeTakeFirst();
  if (!u) return null;
  const rows = await ctx.db
    .selectFrom("role_assignments as a")
    .innerJoin("units as un", "un.id", "a.unit_id")
    .innerJoin("roles as r", "r.key", "a.role_key")
    .select(["a.id", "a.role_key", "a.unit_id", "un.path", "r.permissions"])
    .where("a.user_id", "=", codec.text(u.id))
    .execute();
  return {
    kind: "user",
    userId: codec.text(u.id),
    email: codec.text(u.email),
    name: codec.text(u.name),
    assignments: rows.map((r) => ({
      id: codec.text(r.id),
      roleKey: codec.text(r.role_key),
      unitId: codec.text(r.unit_id),
      unitPath: codec.text(r.path),
      permissions: codec.json<string[]>(r.permissions),
    })),
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * KPKNL Bekasi's integrity records: four WBS reports in different states (no identities), five
 * gratification reports (one refused gift returned, one forwarded to KPK and decided, one waiting
 * for the UPG), two public campaign items, the year's COI declarations from most staff and a
 * function mapping. Deterministic for a clock; does nothing when Bekasi already has WBS reports.
 */
export async function seedIntegrityDemo(
  ctx: AppContext,
  s: { wbs: WbsService; grat: GratService; coi: CoiService },
): Promise<void> {
  const unit = await ctx.org.byCode("KPKNL-BEKASI");
  if (!unit) return;
  const any = await ctx.db
    .selectFrom("wbs_reports")
    .select("id")
    .where("origin_unit_id", "=", unit.id)
    .executeTakeFirst();
  if (any) return;
  const coordinator = await actorForEmail(ctx, "koordinator.zi@zona.demo");
  const today = jakartaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const pow = () => {
    const c = s.wbs.challenge().challenge;
    return { challenge: c, nonce: solveChallenge(c) };
  };

  // ---- WBS
  const reports = [
    {
      category: "pungli" as const,
      subject: "Petugas loket penyerahan dokumen lelang (nama tidak diketahui), lantai 1",
      when: "Awal bulan ini, sekitar pukul 10.00",
      where: "Loket layanan lelang KPKNL Bekasi",
      description:
        "Saya diminta memberikan 'uang rokok' agar salinan risalah lelang bisa diambil hari itu juga. Saya menolak dan diminta kembali minggu depan.",
      steps: [
        [
          "in_review",
          "Laporan diterima dan sedang ditelaah. Mohon informasi tambahan bila ada bukti tanda terima.",
        ],
      ],
      reply: "Terima kasih. Kami telah meminta rekaman CCTV loket pada tanggal tersebut.",
    },
    {
      category: "benturan_kepentingan" as const,
      subject: "Pejabat yang menangani permohonan lelang sebuah aset",
      when: "Triwulan lalu",
      where: null,
      description:
        "Pejabat yang memproses permohonan lelang diduga memiliki hubungan keluarga dengan salah satu peserta lelang.",
      steps: [
        ["in_review", ""],
        ["investigating", "Telaah awal menunjukkan indikasi yang perlu diperiksa lebih lanjut."],
      ],
      reply: null,
    },
    {
      category: "pelanggaran_kode_etik" as const,
      subject: "Pegawai bagian umum",
      when: "Bulan lalu",
      where: "Ruang rapat lantai 2",
      description: "Pegawai berbicara kasar kepada pengguna layanan dan menolak melayani.",
      steps: [
        ["in_review", ""],
        [
          "closed_insufficient",
          "Informasi belum cukup untuk ditindaklanjuti; silakan kirim laporan baru bila ada bukti.",
        ],
      ],
      reply: null,
    },
    {
      category: "gratifikasi" as const,
      subject: "Seorang pejabat lelang",
      when: null,
      where: null,
      description: "Ada dugaan pejabat menerima parsel dari balai lelang swasta menjelang hari raya.",
      steps: [],
      reply: null,
    },
  ];
  for (const r of reports) {
    const receipt = await s.wbs.submit(unit.code, {
      pow: pow(),
      category: r.category,
      aboutHead: false,
      subject: r.subject,
      when: r.when ?? undefined,
      where: r.where ?? undefined,
      description: r.description,
    });
    const row = await ctx.db
      .selectFrom("wbs_reports")
      .select("id")
      .where("code", "=", receipt.code)
      .executeTakeFirstOrThrow();
    const id = codec.text(row.id);
    if (!coordinator) continue;
    for (const [status, note] of r.steps)
      await s.wbs.setStatus(coordinator, id, { status: status as never, note: note || undefined });
    if (r.reply) await s.wbs.post(coordinator, id, { body: r.reply, internal: false });
    if (r.steps.length > 0)
      await s.wbs.post(coordinator, id, {
        body: "Koordinasi dengan Kepatuhan Internal Kanwil.",
        internal: true,
      });
  }

  // ---- Gratification
  const cal = await ctx.calendar.calendarFor(unit.id);
  const gifts = [
    {
      who: "pejabat.lelang@zona.demo",
      giverName: "PT Balai Lelang Sentosa",
      giverRelation: "Balai lelang mitra (pemohon lelang)",
      occasion: "lainnya" as const,
      form: "barang" as const,
      description:
        "Parsel makanan dan minuman menjelang akhir tahun; ditolak di tempat dan dikembalikan melalui kurir.",
      valueIdr: 750_000,
      daysAgo: 40,
      action: "ditolak" as const,
      flow: "closed",
    },
    {
      who: "piutang@zona.demo",
      giverName: "Sdr. H (debitur BKPN)",
      giverRelation: "Debitur piutang negara yang ditangani",
      occasion: "lainnya" as const,
      form: "voucher" as const,
      description:
        "Voucher belanja diselipkan dalam map dokumen pelunasan; diterima tanpa sengaja dan segera dilaporkan.",
      valueIdr: 2_000_000,
      daysAgo: 60,
      action: "diterima" as const,
      flow: "decided",
    },
    {
      who: "pegawai@zona.demo",
      giverName: "Rekan kerja kantor lain",
      giverRelation: "Rekan kerja",
      occasion: "pernikahan_keagamaan_adat" as const,
      form: "uang" as const,
      description: "Amplop pada resepsi pernikahan pegawai.",
      valueIdr: 1_000_000,
      daysAgo: 20,
      action: "diterima" as const,
      flow: "reviewed",
    },
    {
      who: "layanan@zona.demo",
      giverName: "Pengguna layanan (pemenang lelang)",
      giverRelation: "Pengguna layanan",
      occasion: "lainnya" as const,
      form: "makanan" as const,
      description: "Kue dan buah sebagai ucapan terima kasih setelah serah terima dokumen; ditolak.",
      valueIdr: 300_000,
      daysAgo: 5,
      action: "ditolak" as const,
      flow: "reported",
    },
  ];
  for (const g of gifts) {
    const actor = await actorForEmail(ctx, g.who);
    if (!actor) continue;
    let receivedOn = addDays(today, -g.daysAgo);
    while (addWorkingDaysToDate(cal, receivedOn, 0) !== receivedOn) receivedOn = addDays(receivedOn, -1);
    const rep = await s.grat.create(actor, {
      unitId: unit.id,
      giverName: g.giverName,
      giverRelation: g.giverRelation,
      occasion: g.occasion,
      form: g.form,
      description: g.description,
      valueIdr: g.valueIdr,
      receivedOn,
      action: g.action,
    });
    // Reported two working days after receipt in the demo story.
    const twoDaysLater = addWorkingDaysToDate(cal, receivedOn, 2);
    await ctx.db
      .updateTable("grat_reports")
      .set({
        reported_on: [twoDaysLater, today].sort()[0],
      })
      .where("id", "=", rep.id)
      .execute();
    if (!coordinator) continue;
    if (g.flow === "closed")
      await s.grat.review(coordinator, rep.id, {
        note: "Penolakan terdokumentasi; barang dikembalikan kepada pemberi dengan tanda terima.",
        decision: "dikembalikan_ke_pemberi",
      });
    if (g.flow === "reviewed")
      await s.grat.review(coordinator, rep.id, {
        note: "Nilai di bawah batas Rp1.500.000 untuk pernikahan (Peraturan KPK 1/2026); dicatat.",
      });
    if (g.flow === "decided") {
      const forwardedOn = addWorkingDaysToDate(cal, receivedOn, 8);
      await s.grat.forward(coordinator, rep.id, {
        kpkReference: `GOL-${year}-0413-${unit.code.slice(-6)}`,
        forwardedOn,
      });
      await s.grat.decide(coordinator, rep.id, {
        decision: "milik_negara",
        decidedOn: addWorkingDaysToDate(cal, forwardedOn, 20),
        decisionReference: `SK KPK ${year}/GRAT/1187`,
      });
    }
  }
  if (coordinator) {
    await s.grat.addCampaign(coordinator, {
      unitId: unit.id,
      title: "Banner 'Kami Menolak Gratifikasi' di ruang layanan",
      date: `${year}-02-12`,
      channel: "Banner ruang layanan",
    });
    await s.grat.addCampaign(coordinator, {
      unitId: unit.id,
      title: "Unggahan Instagram: Stop Gratifikasi menjelang hari raya",
      date: `${year}-03-20`,
      channel: "Instagram @kpknlbekasi",
      url: "https://www.instagram.com/kpknlbekasi/",
    });
  }

  // ---- Conflict of interest
  const declarers = [
    ["kepala.bekasi@zona.demo", false, null],
    ["koordinator.zi@zona.demo", false, null],
    ["anggota.zi@zona.demo", false, null],
    ["agen.perubahan@zona.demo", false, null],
    ["layanan@zona.demo", false, null],
    ["bendahara@zona.demo", false, null],
    [
      "pejabat.lelang@zona.demo",
      true,
      "Saudara kandung bekerja di balai lelang swasta yang sering menjadi mitra pemohon lelang.",
    ],
    ["kekayaan@zona.demo", false, null],
  ] as const;
  for (const [email, has, details] of declarers) {
    const actor = await actorForEmail(ctx, email);
    if (!actor) continue;
    await s.coi.declare(actor, {
      unitId: unit.id,
      kind: "annual",
      year,
      hasConflict: has,
      details: details ?? undefined,
    });
  }
  const lelang = await actorForEmail(ctx, "pejabat.lelang@zona.demo");
  if (lelang)
    await s.coi.declare(lelang, {
      unitId: unit.id,
      kind: "adhoc",
      year,
      hasConflict: true,
      details: "Salah satu peserta lelang adalah kerabat (sepupu).",
      activityName: "Lelang eksekusi hak tanggungan — rumah tinggal di Bekasi Selatan",
      activityDate: addDays(today, -10),
    });
  const head = await actorForEmail(ctx, "kepala.bekasi@zona.demo");
  if (head) {
    const pending = await s.coi.list(head, { unitId: unit.id, year });
    const adhoc = pending.find((d) => d.kind === "adhoc");
    if (adhoc)
      await s.coi.review(head, adhoc.id, {
        decision: "dialihkan_ke_pejabat_lain",
        note: "Pelaksanaan lelang dialihkan kepada pejabat lelang lain (surat tugas pengganti).",
      });
    const fns = [
      [
        "Pejabat Lelang Kelas I",
        "Memimpin pelaksanaan lelang dan menetapkan pemenang",
        "tinggi",
        "Rotasi penugasan; deklarasi ad hoc sebelum setiap lelang",
      ],
      [
        "Bendahara Penerimaan",
        "Menerima dan menyetor uang jaminan dan hasil lelang",
        "tinggi",
        "Rekonsiliasi harian; pemisahan tugas",
      ],
      [
        "Seksi Piutang Negara",
        "Penanganan berkas kasus piutang negara dan keringanan utang",
        "sedang",
        "Reviu berjenjang atas usulan keringanan",
      ],
      [
        "Seksi Pelayanan Penilaian",
        "Penilaian aset untuk lelang dan pemanfaatan BMN",
        "sedang",
        "Penilai independen dari tim berbeda",
      ],
      ["Subbagian Umum (pengadaan)", "Pengadaan barang/jasa kantor", "rendah", "Pakta integritas penyedia"],
    ] as const;
    for (const [name, description, riskLevel, controls] of fns)
      await s.coi.saveFunction(head, null, { unitId: unit.id, year, name, description, riskLevel, controls });
  }
}
