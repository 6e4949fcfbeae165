import type { PublicPortal, ServiceDetail, ServiceListItem, VersionWire } from "../../contract";
import { EMPTY_CONTENT, type StandardContent } from "../../domain/model";

export const content: StandardContent = {
  ...EMPTY_CONTENT,
  requirements: ["Surat permohonan lelang", "Fotokopi sertipikat"],
  procedure: ["Ajukan permohonan", "Penetapan jadwal"],
  time: { value: 5, unit: "working_days", note: "" },
  cost: { kind: "variable", amountIdr: null, note: "Bea lelang sesuai tarif PNBP", legalBasis: "PP 62/2020" },
  products: ["Risalah lelang"],
  complaints: "SP4N-LAPOR!",
};

const stamp = "2026-11-20T01:00:00.000Z";
export function version(over: Partial<VersionWire> = {}): VersionWire {
  return {
    id: "v1",
    serviceId: "s1",
    unitId: "bekasi",
    number: 1,
    status: "published",
    state: "current",
    effectiveDate: "2025-07-01",
    decreeNumber: "KEP-41/2025",
    decreeDate: "2025-06-16",
    decreeFileId: null,
    changeNote: "",
    content,
    missing: { public: [], internal: ["legalBasis"] },
    publishedAt: stamp,
    createdAt: stamp,
    updatedAt: stamp,
    ...over,
  };
}

export const service = {
  id: "s1",
  unitId: "bekasi",
  code: "permohonan-lelang",
  nameId: "Pelayanan Permohonan Lelang",
  nameEn: "Auction requests",
  descriptionId: "Penetapan jadwal lelang",
  descriptionEn: "Auction scheduling",
  sortOrder: 10,
  active: true,
  createdAt: stamp,
  updatedAt: stamp,
};

export function detail(versions: VersionWire[]): ServiceDetail {
  return {
    service,
    versions,
    sops: [],
    completeness: {
      serviceId: "s1",
      failing: ["sop"],
      missing: { public: [], internal: [] },
      complete: false,
    },
    evidenceKeys: [],
    today: "2026-11-27",
  };
}

export const listItem: ServiceListItem = {
  ...service,
  currentVersion: { id: "v1", number: 2, effectiveDate: "2025-07-01" },
  hasDraft: true,
  scheduled: null,
  sopCount: 1,
  completeness: { serviceId: "s1", failing: [], missing: { public: [], internal: [] }, complete: true },
};

export const portal: PublicPortal = {
  unit: { code: "KPKNL-BEKASI", name: "KPKNL Bekasi", zone: "WIB" },
  contact: {
    address: "Jl. Ir. H. Juanda, Bekasi",
    phone: "(021) 555-0101",
    whatsapp: "0812-0000-0101",
    email: "kpknl-bekasi@zona.demo",
    website: "",
    serviceHours: "Senin–Jumat 08.00–16.00 WIB",
  },
  today: "2026-11-27",
  services: [
    {
      code: "permohonan-lelang",
      nameId: "Pelayanan Permohonan Lelang",
      nameEn: "Auction requests",
      descriptionId: "Penetapan jadwal lelang",
      descriptionEn: "Auction scheduling",
      standard: {
        requirements: content.requirements,
        procedure: content.procedure,
        time: content.time,
        cost: content.cost,
        products: content.products,
        complaints: content.complaints,
      },
      version: {
        number: 2,
        effectiveDate: "2025-07-01",
        decreeNumber: "KEP-41/2025",
        decreeDate: "2025-06-16",
      },
      sops: [{ number: "SOP-12", title: "SOP Penetapan Jadwal Lelang", effectiveDate: "2025-07-01" }],
    },
    {
      code: "informasi-konsultasi",
      nameId: "Layanan Informasi dan Konsultasi",
      nameEn: "Information and consultation",
      descriptionId: "",
      descriptionEn: "",
      standard: {
        requirements: ["KTP"],
        procedure: ["Datang"],
        time: { value: 30, unit: "minutes", note: "" },
        cost: { kind: "free", amountIdr: null, note: "", legalBasis: "UU 14/2008" },
        products: ["Informasi"],
        complaints: "SP4N-LAPOR!",
      },
      version: {
        number: 1,
        effectiveDate: "2024-01-02",
        decreeNumber: "KEP-2/2024",
        decreeDate: "2024-01-02",
      },
      sops: [],
    },
  ],
  pledge: {
    text: "Kami sanggup menyelenggarakan pelayanan sesuai standar.",
    signatoryName: "R. Hendra Gunawan",
    signatoryTitle: "Kepala KPKNL Bekasi",
    signedDate: "2024-01-02",
  },
  facilities: [
    {
      id: "f1",
      kind: "nursing_room",
      name: "Ruang laktasi",
      description: "Ruang menyusui",
      location: "Lantai 1",
      accessibility: ["step_free"],
      photos: [
        { url: "/api/public/units/KPKNL-BEKASI/facility-photos/file1", caption: "Ruang laktasi dengan sofa" },
      ],
    },
  ],
  links: { survey: "/survei/KPKNL-BEKASI", complaint: "/pengaduan/KPKNL-BEKASI" },
};
