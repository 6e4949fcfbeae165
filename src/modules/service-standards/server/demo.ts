/**
 * The demo office's service standards: KPKNL Bekasi with five services and full standards (one of
 * them revised in 2025, one with a draft revision in progress), its maklumat pelayanan, two SOPs,
 * the public contact card and six facilities with photos. Deterministic and idempotent.
 */
import { Readable } from "node:stream";
import { deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";
import type { AppContext } from "../../../kernel/context";
import { type Actor, systemActor } from "../../../kernel/identity/actor";
import type { Unit } from "../../../kernel/org/units";
import type { StandardContent } from "../domain/model";
import type { StandardsService } from "./service";

const BEKASI = "KPKNL-BEKASI";

function pdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Producer: "Zona demo" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(16).text(title).moveDown();
    doc.fontSize(11);
    for (const l of lines) doc.text(l);
    doc.moveDown().fontSize(9).fillColor("#666").text("Dokumen contoh (data demo Zona).");
    doc.end();
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = (CRC_TABLE[(c ^ x) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A flat-colour PNG with a lighter band, big enough to look like a photo placeholder. */
export function flatPng(rgb: [number, number, number], width = 320, height = 200): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const light = rgb.map((c) => Math.round(c + (255 - c) * 0.35)) as [number, number, number];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    const colour = y > height * 0.62 && y < height * 0.78 ? light : rgb;
    for (let x = 0; x < width; x++) raw.set(colour, row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const upload = (ctx: AppContext, actor: Actor, unit: Unit, filename: string, data: Buffer) =>
  ctx.files.upload(actor, { unitId: unit.id, unitPath: unit.path, filename, stream: Readable.from([data]) });

const COMPLAINTS =
  "Pengaduan, saran dan masukan dapat disampaikan melalui: (1) kotak pengaduan dan petugas di ruang layanan; (2) SP4N-LAPOR! (www.lapor.go.id); (3) WISE Kementerian Keuangan; (4) telepon/WhatsApp dan surel KPKNL Bekasi; (5) formulir pengaduan daring di portal layanan ini.";

const INTERNAL = {
  facilities:
    "Ruang layanan terpadu, loket informasi, ruang tunggu, komputer dan aplikasi lelang.go.id, pojok e-auction, toilet disabilitas, ruang laktasi.",
  supervision:
    "Pengawasan melekat oleh atasan langsung, Kepala Seksi dan Kepala Kantor; pemantauan Unit Kepatuhan Internal; reviu Inspektorat Jenderal Kementerian Keuangan.",
  serviceGuarantee:
    "Pelayanan diberikan sesuai standar pelayanan; apabila tidak sesuai, pengguna layanan dapat menyampaikan pengaduan dan berhak atas tindak lanjut sesuai Maklumat Pelayanan.",
  securityGuarantee:
    "Data dan dokumen pengguna layanan dijaga kerahasiaannya; pelayanan bebas pungutan liar, gratifikasi dan benturan kepentingan; lingkungan kantor dilengkapi CCTV dan petugas keamanan.",
  evaluation:
    "Evaluasi kinerja pelaksana dilakukan setiap triwulan melalui Survei Kepuasan Masyarakat, pemantauan waktu penyelesaian dan reviu pengaduan; hasilnya dibahas dalam rapat monitoring dan evaluasi.",
};

interface DemoService {
  code: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  content: StandardContent;
}

const SERVICES: DemoService[] = [
  {
    code: "permohonan-lelang",
    nameId: "Pelayanan Permohonan Lelang",
    nameEn: "Auction requests",
    descriptionId:
      "Penetapan jadwal dan pelaksanaan lelang atas permohonan penjual (instansi, bank, perorangan).",
    descriptionEn:
      "Scheduling and conducting an auction at a seller's request (agencies, banks, individuals).",
    content: {
      requirements: [
        "Surat permohonan lelang dari penjual/pemohon lelang",
        "Salinan/fotokopi surat keputusan penunjukan penjual, bila penjual bukan pemilik barang",
        "Daftar barang yang akan dilelang beserta nilai limit",
        "Salinan dokumen kepemilikan/hak atas barang (sertipikat, BPKB, dsb.)",
        "Surat pernyataan penjual bertanggung jawab atas keabsahan dokumen dan gugatan",
        "Informasi tertulis mengenai barang yang dilelang",
      ],
      procedure: [
        "Pemohon menyampaikan permohonan lelang melalui aplikasi lelang.go.id atau loket layanan",
        "Petugas meneliti kelengkapan dokumen persyaratan",
        "Kepala Kantor menetapkan jadwal lelang dan menyampaikan surat penetapan kepada pemohon",
        "Penjual mengumumkan lelang sesuai ketentuan",
        "Pelaksanaan lelang secara elektronik oleh Pejabat Lelang",
        "Pembuatan dan penyerahan kutipan/salinan risalah lelang",
      ],
      time: { value: 5, unit: "working_days", note: "Penetapan jadwal sejak dokumen persyaratan lengkap" },
      cost: {
        kind: "variable",
        amountIdr: null,
        note: "Bea lelang penjual dan pembeli dihitung dari pokok lelang sesuai tarif PNBP",
        legalBasis:
          "PP Nomor 62 Tahun 2020 tentang Jenis dan Tarif atas Jenis PNBP pada Kementerian Keuangan",
      },
      products: ["Surat penetapan jadwal lelang", "Risalah lelang"],
      complaints: COMPLAINTS,
      legalBasis: [
        "Vendu Reglement (Staatsblad 1908:189)",
        "PMK Nomor 122 Tahun 2023 tentang Petunjuk Pelaksanaan Lelang",
        "PP Nomor 62 Tahun 2020",
      ],
      competence:
        "Pejabat Lelang Kelas I bersertifikat; petugas layanan memahami ketentuan lelang dan aplikasi lelang.go.id.",
      staffCount: 6,
      ...INTERNAL,
    },
  },
  {
    code: "pengurusan-piutang-negara",
    nameId: "Pengurusan Piutang Negara",
    nameEn: "State receivables management",
    descriptionId:
      "Penerimaan penyerahan pengurusan piutang negara dan permohonan keringanan/penyelesaian utang.",
    descriptionEn:
      "Accepting state receivables for collection and debtors' requests for relief or settlement.",
    content: {
      requirements: [
        "Surat penyerahan pengurusan piutang negara dari penyerah piutang",
        "Resume dan dokumen dasar timbulnya piutang",
        "Identitas debitur/penanggung utang",
        "Dokumen barang jaminan, bila ada",
      ],
      procedure: [
        "Penyerah piutang menyampaikan berkas penyerahan",
        "Petugas meneliti kelengkapan berkas",
        "Panitia Urusan Piutang Negara menerbitkan Surat Penerimaan Pengurusan Piutang Negara atau surat penolakan",
        "Pemanggilan debitur dan pembuatan pernyataan bersama",
      ],
      time: { value: 10, unit: "working_days", note: "Sejak berkas penyerahan lengkap" },
      cost: {
        kind: "free",
        amountIdr: null,
        note: "Biaya administrasi pengurusan piutang negara dibebankan kepada debitur sesuai ketentuan",
        legalBasis: "PP Nomor 62 Tahun 2020",
      },
      products: ["Surat Penerimaan Pengurusan Piutang Negara (SP3N)"],
      complaints: COMPLAINTS,
      legalBasis: [
        "UU Nomor 49 Prp Tahun 1960 tentang Panitia Urusan Piutang Negara",
        "PMK Nomor 163 Tahun 2020 tentang Pengelolaan Piutang Negara",
      ],
      competence:
        "Petugas piutang negara memahami pengurusan piutang negara dan berkomunikasi dengan debitur.",
      staffCount: 5,
      ...INTERNAL,
    },
  },
  {
    code: "pengelolaan-kekayaan-negara",
    nameId: "Pengelolaan Kekayaan Negara (BMN)",
    nameEn: "State asset (BMN) management",
    descriptionId: "Persetujuan pemanfaatan, pemindahtanganan dan penghapusan Barang Milik Negara.",
    descriptionEn: "Approval of the use, transfer and write-off of state-owned assets.",
    content: {
      requirements: [
        "Surat permohonan dari pengguna/kuasa pengguna barang",
        "Data BMN yang dimohonkan (kode barang, NUP, nilai perolehan)",
        "Surat pernyataan dan kajian pengguna barang",
        "Foto BMN",
      ],
      procedure: [
        "Satuan kerja menyampaikan permohonan",
        "Petugas meneliti kelengkapan dan kesesuaian data BMN",
        "Penelitian lapangan dan penilaian bila diperlukan",
        "Penerbitan surat persetujuan atau penolakan",
      ],
      time: { value: 15, unit: "working_days", note: "Sejak dokumen lengkap dan benar" },
      cost: { kind: "free", amountIdr: null, note: "", legalBasis: "PP Nomor 62 Tahun 2020" },
      products: ["Surat persetujuan/penolakan pengelolaan BMN"],
      complaints: COMPLAINTS,
      legalBasis: [
        "PP Nomor 27 Tahun 2014 jo. PP Nomor 28 Tahun 2020 tentang Pengelolaan BMN/D",
        "PMK Nomor 115 Tahun 2020 tentang Pemanfaatan BMN",
      ],
      competence: "Petugas pengelolaan kekayaan negara memahami penatausahaan dan pengelolaan BMN.",
      staffCount: 4,
      ...INTERNAL,
    },
  },
  {
    code: "penilaian",
    nameId: "Pelayanan Penilaian",
    nameEn: "Valuation",
    descriptionId: "Penilaian BMN, barang jaminan dan aset lain oleh Penilai Pemerintah.",
    descriptionEn: "Valuation of state assets, collateral and other assets by government valuers.",
    content: {
      requirements: [
        "Surat permohonan penilaian",
        "Data objek penilaian (lokasi, luas, dokumen kepemilikan)",
        "Nama dan kontak petugas pendamping survei lapangan",
      ],
      procedure: [
        "Pemohon menyampaikan permohonan penilaian",
        "Penetapan tim penilai",
        "Survei lapangan dan pengumpulan data",
        "Analisis dan penyusunan laporan penilaian",
        "Penyampaian laporan penilaian kepada pemohon",
      ],
      time: { value: 20, unit: "working_days", note: "Sejak survei lapangan selesai" },
      cost: { kind: "free", amountIdr: null, note: "", legalBasis: "PP Nomor 62 Tahun 2020" },
      products: ["Laporan penilaian"],
      complaints: COMPLAINTS,
      legalBasis: ["PMK Nomor 173 Tahun 2020 tentang Penilaian oleh Penilai Pemerintah di Lingkungan DJKN"],
      competence: "Penilai Pemerintah bersertifikat dengan pendidikan penilaian properti.",
      staffCount: 3,
      ...INTERNAL,
    },
  },
  {
    code: "informasi-konsultasi",
    nameId: "Layanan Informasi dan Konsultasi",
    nameEn: "Information and consultation",
    descriptionId: "Informasi dan konsultasi tentang lelang, piutang negara, kekayaan negara dan penilaian.",
    descriptionEn: "Information and advice on auctions, state receivables, state assets and valuation.",
    content: {
      requirements: [
        "Identitas diri (KTP/SIM) untuk layanan tatap muka",
        "Pertanyaan atau permintaan informasi",
      ],
      procedure: [
        "Pengguna layanan datang ke loket, menelepon, mengirim WhatsApp atau surel",
        "Petugas mencatat permintaan dalam buku/aplikasi layanan",
        "Petugas memberikan informasi atau konsultasi",
        "Pertanyaan yang memerlukan kajian dijawab tertulis",
      ],
      time: {
        value: 30,
        unit: "minutes",
        note: "Untuk layanan langsung; permintaan tertulis paling lama 5 hari kerja",
      },
      cost: {
        kind: "free",
        amountIdr: null,
        note: "",
        legalBasis: "UU Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
      },
      products: ["Informasi/jawaban konsultasi"],
      complaints: COMPLAINTS,
      legalBasis: [
        "UU Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
        "UU Nomor 25 Tahun 2009 tentang Pelayanan Publik",
      ],
      competence: "Petugas layanan memahami seluruh layanan KPKNL dan bersikap ramah.",
      staffCount: 2,
      ...INTERNAL,
    },
  },
];

const FACILITIES: Array<{
  kind:
    | "priority_parking"
    | "disability_toilet"
    | "nursing_room"
    | "prayer_room"
    | "honesty_canteen"
    | "e_auction_corner";
  name: string;
  description: string;
  location: string;
  accessibility: Array<
    | "wheelchair_accessible"
    | "ramp"
    | "handrail"
    | "priority_for_elderly"
    | "priority_for_pregnant"
    | "step_free"
  >;
  colour: [number, number, number];
  caption: string;
}> = [
  {
    kind: "priority_parking",
    name: "Parkir prioritas",
    description: "Dua petak parkir dekat pintu masuk untuk penyandang disabilitas, lansia dan ibu hamil.",
    location: "Halaman depan, sebelah pintu utama",
    accessibility: ["wheelchair_accessible", "priority_for_elderly", "priority_for_pregnant", "step_free"],
    colour: [21, 101, 192],
    caption: "Petak parkir prioritas bertanda biru di depan pintu utama",
  },
  {
    kind: "disability_toilet",
    name: "Toilet disabilitas",
    description: "Toilet dengan pintu lebar, pegangan rambat dan tombol panggil darurat.",
    location: "Lantai 1, sebelah ruang layanan",
    accessibility: ["wheelchair_accessible", "handrail", "step_free"],
    colour: [0, 121, 107],
    caption: "Toilet disabilitas dengan pegangan rambat",
  },
  {
    kind: "nursing_room",
    name: "Ruang laktasi",
    description: "Ruang menyusui yang tertutup dengan sofa, wastafel dan lemari pendingin.",
    location: "Lantai 1, sebelah ruang tunggu",
    accessibility: ["priority_for_pregnant", "step_free"],
    colour: [173, 20, 87],
    caption: "Ruang laktasi dengan sofa dan wastafel",
  },
  {
    kind: "prayer_room",
    name: "Musala",
    description: "Musala untuk pengguna layanan dan pegawai, dilengkapi tempat wudu.",
    location: "Lantai 1, bagian belakang",
    accessibility: ["ramp"],
    colour: [46, 125, 50],
    caption: "Musala dengan tempat wudu",
  },
  {
    kind: "honesty_canteen",
    name: "Kantin kejujuran",
    description: "Minuman dan makanan ringan tanpa penjaga: ambil sendiri, bayar sendiri.",
    location: "Ruang tunggu layanan",
    accessibility: ["step_free"],
    colour: [239, 108, 0],
    caption: "Rak kantin kejujuran dengan kotak pembayaran",
  },
  {
    kind: "e_auction_corner",
    name: "Pojok e-auction",
    description: "Komputer dan pendamping untuk mendaftar dan menawar lelang di lelang.go.id.",
    location: "Ruang layanan terpadu",
    accessibility: ["wheelchair_accessible", "step_free"],
    colour: [69, 39, 160],
    caption: "Meja komputer pojok e-auction dengan petugas pendamping",
  },
];

export async function seedStandardsDemo(ctx: AppContext, std: StandardsService): Promise<void> {
  const unit = await ctx.org.byCode(BEKASI);
  if (!unit) return;
  const done = await ctx.db
    .selectFrom("std_services")
    .select("id")
    .where("unit_id", "=", unit.id)
    .executeTakeFirst();
  if (done) return;
  const actor = systemActor("demo-seed");

  await std.setProfile(actor, unit.id, {
    address: "Gedung Keuangan Negara Bekasi, Jl. Ir. H. Juanda, Kota Bekasi, Jawa Barat",
    phone: "(021) 555-0101",
    whatsapp: "0812-0000-0101",
    email: "kpknl-bekasi@zona.demo",
    website: "https://www.djkn.kemenkeu.go.id",
    serviceHours: "Senin–Jumat 08.00–16.00 WIB (istirahat 12.00–13.00 WIB)",
  });

  const decree2024 = await upload(
    ctx,
    actor,
    unit,
    "kep-standar-pelayanan-2024.pdf",
    await pdf("Keputusan Kepala KPKNL Bekasi Nomor KEP-2/WKN.08/KNL.06/2024", [
      "tentang Standar Pelayanan pada Kantor Pelayanan Kekayaan Negara dan Lelang Bekasi",
    ]),
  );
  const decree2025 = await upload(
    ctx,
    actor,
    unit,
    "kep-perubahan-standar-lelang-2025.pdf",
    await pdf("Keputusan Kepala KPKNL Bekasi Nomor KEP-41/WKN.08/KNL.06/2025", [
      "tentang Perubahan Standar Pelayanan Lelang",
    ]),
  );

  const ids: Record<string, string> = {};
  for (const [i, s] of SERVICES.entries()) {
    const service = await std.createService(actor, {
      unitId: unit.id,
      code: s.code,
      nameId: s.nameId,
      nameEn: s.nameEn,
      descriptionId: s.descriptionId,
      descriptionEn: s.descriptionEn,
      sortOrder: (i + 1) * 10,
    });
    ids[s.code] = service.id;
    const first = await std.createDraft(actor, service.id);
    const v1Content =
      s.code === "permohonan-lelang" ? { ...s.content, time: { ...s.content.time!, value: 7 } } : s.content;
    await std.updateVersion(actor, first.id, {
      content: v1Content,
      decreeNumber: "KEP-2/WKN.08/KNL.06/2024",
      decreeDate: "2024-01-02",
      effectiveDate: "2024-01-02",
      decreeFileId: decree2024.id,
      changeNote: "Penetapan standar pelayanan 2024",
    });
    await std.publishVersion(actor, first.id);
    if (s.code === "permohonan-lelang") {
      const second = await std.createDraft(actor, service.id);
      await std.updateVersion(actor, second.id, {
        content: s.content,
        decreeNumber: "KEP-41/WKN.08/KNL.06/2025",
        decreeDate: "2025-06-16",
        effectiveDate: "2025-07-01",
        decreeFileId: decree2025.id,
        changeNote:
          "Waktu penetapan jadwal dipersingkat dari 7 menjadi 5 hari kerja (hasil SKM dan FGD pemangku kepentingan)",
      });
      await std.publishVersion(actor, second.id);
    }
    if (s.code === "informasi-konsultasi") {
      const draft = await std.createDraft(actor, service.id);
      await std.updateVersion(actor, draft.id, {
        content: {
          ...s.content,
          procedure: [
            ...s.content.procedure,
            "Layanan informasi juga tersedia melalui WhatsApp 24 jam (jawaban otomatis)",
          ],
        },
        changeNote: "Rancangan: menambah kanal WhatsApp 24 jam",
      });
    }
  }

  const sopLelang = await upload(
    ctx,
    actor,
    unit,
    "sop-penetapan-jadwal-lelang.pdf",
    await pdf("SOP Penetapan Jadwal Lelang", ["Nomor SOP-12/KNL.06/2025"]),
  );
  await std.createSop(actor, {
    serviceId: ids["permohonan-lelang"] as string,
    number: "SOP-12/KNL.06/2025",
    title: "SOP Penetapan Jadwal Lelang",
    fileId: sopLelang.id,
    effectiveDate: "2025-07-01",
  });
  const sopPiutang = await upload(
    ctx,
    actor,
    unit,
    "sop-penerimaan-piutang.pdf",
    await pdf("SOP Penerimaan Pengurusan Piutang Negara", ["Nomor SOP-05/KNL.06/2024"]),
  );
  await std.createSop(actor, {
    serviceId: ids["pengurusan-piutang-negara"] as string,
    number: "SOP-05/KNL.06/2024",
    title: "SOP Penerimaan Pengurusan Piutang Negara",
    fileId: sopPiutang.id,
    effectiveDate: "2024-01-02",
  });

  const pledgeFile = await upload(
    ctx,
    actor,
    unit,
    "maklumat-pelayanan-kpknl-bekasi.pdf",
    await pdf("Maklumat Pelayanan KPKNL Bekasi", [MAKLUMAT]),
  );
  const pledge = await std.createPledge(actor, {
    unitId: unit.id,
    text: MAKLUMAT,
    signatoryName: "R. Hendra Gunawan",
    signatoryTitle: "Kepala Kantor Pelayanan Kekayaan Negara dan Lelang Bekasi",
    signedDate: "2024-01-02",
    fileId: pledgeFile.id,
  });
  await std.publishPledge(actor, pledge.id);

  for (const [i, f] of FACILITIES.entries()) {
    const facility = await std.createFacility(actor, {
      unitId: unit.id,
      kind: f.kind,
      name: f.name,
      description: f.description,
      location: f.location,
      accessibility: f.accessibility,
      published: true,
      sortOrder: (i + 1) * 10,
    });
    const photo = await upload(ctx, actor, unit, `foto-${f.kind.replace(/_/g, "-")}.png`, flatPng(f.colour));
    await std.addPhoto(actor, facility.id, { fileId: photo.id, caption: f.caption });
  }
}

const MAKLUMAT =
  "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.";
