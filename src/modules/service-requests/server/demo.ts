/**
 * Demo data: the four post-auction services for every KPKNL, auction payments recorded by the
 * treasurer, and KPKNL Bekasi's requests in every state — fresh, accepted, waiting for the
 * requester (clock paused), near the limit, breached, completed on time and late (with their
 * PDFs and ratings), rejected and cancelled. Dates are working days before the demo clock's
 * today at fixed hours, so the data is deterministic for a given clock. Numbers and secrets are
 * fixed (README) so a visitor can open the tracking page; the requester is pemenang.lelang@zona.demo,
 * phone 0812-0000-0001 (DEMO_REQUESTER_PHONE).
 */
import { Readable } from "node:stream";
import { type Calendar, isWorkingDay, localToInstant, toLocal } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { type Actor, systemActor } from "../../../kernel/identity/actor";
import type { TransitionInput } from "../contract";
import { STARTERS } from "../domain/catalogue";
import type { ServiceRequestService } from "./service";

export const DEMO_REQUESTER = "pemenang.lelang@zona.demo";
export const DEMO_NUMBER = (n: number) => `ALC-BKS0-${String(n).padStart(4, "0")}`;
/** The demo requester's phone in E.164 (WhatsApp sign-in). */
export const DEMO_REQUESTER_PHONE = "+6281200000001";
export const DEMO_SECRET = (n: number) => `DEM0-BKS0-0000-${String(n).padStart(4, "0")}`;

/** A one-page PDF and a 1×1 PNG: what a phone upload of a scan looks like to the file store. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

type Step = { after: number; input: TransitionInput | { command: "note"; body: string } };
interface DemoRequest {
  n: number;
  service: "KRL" | "KPL" | "BPHTB" | "SSP";
  /** Working days before today, and the local hour of submission. */
  daysBack: number;
  hour: string;
  fields: Record<string, string>;
  docs: string[];
  name: string;
  /** Steps: minutes after submission (wall clock). */
  steps: Step[];
  cancel?: number;
  rating?: { score: number; comment: string | null };
}

function workingDateBack(cal: Calendar, today: string, n: number): string {
  let d = new Date(`${today}T00:00:00Z`);
  let left = n;
  while (left > 0 || !isWorkingDay(cal, d.toISOString().slice(0, 10))) {
    d = new Date(d.getTime() - 86_400_000);
    if (isWorkingDay(cal, d.toISOString().slice(0, 10))) left--;
    if (left < 0) break;
  }
  return d.toISOString().slice(0, 10);
}

export async function seedServiceRequestsDemo(ctx: AppContext, svc: ServiceRequestService): Promise<void> {
  const system = systemActor("demo");
  // every KPKNL gets the four starting entries (idempotent: existing ones are skipped)
  for (const u of await ctx.org.listInScope(system))
    if (u.code.startsWith("KPKNL-"))
      await svc.addStarters(
        system,
        u.id,
        STARTERS.map((s) => s.key),
      );

  const unit = await ctx.org.byCode("KPKNL-BEKASI");
  if (!unit) return;
  const done = await ctx.db
    .selectFrom("sr_requests")
    .select("id")
    .where("number", "=", DEMO_NUMBER(1))
    .executeTakeFirst();
  if (done) return;
  const users = await ctx.identity.listUsers(system, { unitId: unit.id });
  const byEmail = (e: string) => users.find((u) => u.email === e);
  const official = byEmail("pejabat.lelang@zona.demo");
  const treasurer = byEmail("bendahara@zona.demo");
  const officer = byEmail("layanan@zona.demo");
  if (!official || !treasurer || !officer) return;
  const staff: Actor = systemActor(officer.name);
  const cal = await ctx.calendar.calendarFor(unit.id);
  const now = ctx.clock.now();
  const today = toLocal(cal, now).date;
  const year = Number(today.slice(0, 4));

  const payments = [
    {
      auctionRef: `101/07/${year}`,
      buyerName: "Budi Santoso",
      objectDescription: "Tanah dan bangunan SHM No. 1234, Kel. Jatiasih, Kota Bekasi, luas 120 m2",
      amount: 685_000_000,
      paidInFull: true,
      landOrBuilding: true,
    },
    {
      auctionRef: `102/07/${year}`,
      buyerName: "Siti Rahmawati",
      objectDescription: "Mobil Toyota Avanza 1.3 G tahun 2019, B 1234 KZA",
      amount: 128_500_000,
      paidInFull: true,
      landOrBuilding: false,
    },
    {
      auctionRef: `103/07/${year}`,
      buyerName: "CV Maju Jaya",
      objectDescription: "Tanah kosong SHGB No. 88, Kec. Cikarang Utara, luas 300 m2",
      amount: 910_000_000,
      paidInFull: false,
      landOrBuilding: true,
    },
    {
      auctionRef: `104/07/${year}`,
      buyerName: "Andi Wijaya",
      objectDescription: "Rumah tinggal SHM No. 5521, Kel. Harapan Baru, luas 90 m2",
      amount: 455_000_000,
      paidInFull: true,
      landOrBuilding: true,
    },
  ];
  for (const p of payments)
    await svc.recordPayment(systemActor(treasurer.name), {
      unitId: unit.id,
      ...p,
      paidAt: p.paidInFull ? `${year}-07-20` : null,
    });

  const krl = (ref: string, kind: string, desc: string, nik: string) => ({
    auctionRef: ref,
    auctionDate: `${year}-07-14`,
    objectKind: kind,
    objectDescription: desc,
    buyerIdNumber: nik,
  });
  const accept: TransitionInput = { command: "accept", version: 0, note: null };
  const assign = (id: string): TransitionInput => ({
    command: "assign",
    version: 0,
    assigneeId: id,
    note: "Mohon diproses sesuai SOP ALASCA.",
  });
  const complete = (text: string): TransitionInput => ({
    command: "complete",
    version: 0,
    documentText: text,
    note: null,
  });
  const land = payments[0]!;
  const car = payments[1]!;
  const house = payments[3]!;
  const list: DemoRequest[] = [
    {
      n: 1,
      service: "KRL",
      daysBack: 0,
      hour: "08:10",
      name: "Budi Santoso",
      fields: krl(land.auctionRef, "land_building", land.objectDescription, "3275010101800001"),
      docs: ["identity_card", "payment_receipt", "bphtb_proof"],
      steps: [],
    },
    {
      n: 2,
      service: "KPL",
      daysBack: 3,
      hour: "10:00",
      name: "Siti Rahmawati",
      fields: { auctionRef: car.auctionRef, paymentDate: `${year}-07-20`, amount: "128500000" },
      docs: ["identity_card", "transfer_proof"],
      steps: [],
    },
    {
      n: 3,
      service: "KRL",
      daysBack: 1,
      hour: "09:00",
      name: "Siti Rahmawati",
      fields: krl(car.auctionRef, "vehicle", car.objectDescription, "3275014502850002"),
      docs: ["identity_card", "payment_receipt"],
      steps: [
        { after: 30, input: assign(official.id) },
        { after: 45, input: accept },
      ],
    },
    {
      n: 4,
      service: "KRL",
      daysBack: 1,
      hour: "13:00",
      name: "Andi Wijaya",
      fields: krl(house.auctionRef, "land_building", house.objectDescription, "3275011203780003"),
      docs: ["identity_card", "payment_receipt", "bphtb_proof"],
      steps: [
        { after: 20, input: accept },
        {
          after: 60,
          input: {
            command: "request_documents",
            version: 0,
            keys: ["bphtb_proof"],
            message:
              "Bukti setor BPHTB yang diunggah terpotong; mohon unggah ulang seluruh halaman yang sudah divalidasi Bapenda.",
          },
        },
      ],
    },
    {
      n: 5,
      service: "KRL",
      daysBack: 6,
      hour: "09:30",
      name: "Budi Santoso",
      fields: krl(land.auctionRef, "land_building", land.objectDescription, "3275010101800001"),
      docs: ["identity_card", "payment_receipt", "bphtb_proof"],
      steps: [
        { after: 40, input: assign(official.id) },
        { after: 50, input: accept },
        {
          after: 24 * 60,
          input: complete("Kutipan Risalah Lelang ini diberikan kepada Pembeli untuk keperluan balik nama."),
        },
      ],
      rating: { score: 4, comment: "Cepat dan jelas, terima kasih." },
    },
    {
      n: 6,
      service: "KPL",
      daysBack: 8,
      hour: "14:00",
      name: "Andi Wijaya",
      fields: { auctionRef: house.auctionRef, paymentDate: `${year}-07-20`, amount: "455000000" },
      docs: ["identity_card", "transfer_proof"],
      steps: [
        {
          after: 4 * 24 * 60,
          input: {
            command: "note",
            body: "Mutasi rekening penampungan belum masuk; menunggu rekening koran dari bank.",
          },
        },
        { after: 4 * 24 * 60 + 60, input: accept },
        {
          after: 5 * 24 * 60,
          input: complete("Telah diterima pelunasan harga lelang dan bea lelang pembeli."),
        },
      ],
      rating: { score: 2, comment: "Terlambat beberapa hari tanpa kabar." },
    },
    {
      n: 7,
      service: "SSP",
      daysBack: 4,
      hour: "11:00",
      name: "CV Maju Jaya",
      fields: { auctionRef: `103/07/${year}`, ntpn: "0A1B2C3D4E5F6G7H", amount: "45500000" },
      docs: ["identity_card", "ssp"],
      steps: [
        {
          after: 90,
          input: {
            command: "reject",
            version: 0,
            reason: "NTPN tidak ditemukan pada sistem MPN; mohon periksa kembali bukti penerimaan negara.",
          },
        },
      ],
    },
    {
      n: 8,
      service: "BPHTB",
      daysBack: 2,
      hour: "10:30",
      name: "Budi Santoso",
      fields: { auctionRef: land.auctionRef, objectDescription: land.objectDescription },
      docs: ["identity_card"],
      steps: [],
      cancel: 60,
    },
    {
      n: 9,
      service: "KRL",
      daysBack: 5,
      hour: "09:00",
      name: "Andi Wijaya",
      fields: krl(house.auctionRef, "land_building", house.objectDescription, "3275011203780003"),
      docs: ["identity_card", "payment_receipt", "bphtb_proof"],
      steps: [
        { after: 30, input: assign(official.id) },
        { after: 60, input: accept },
        {
          after: 2 * 24 * 60,
          input: {
            command: "note",
            body: "Pejabat Lelang penandatangan sedang cuti; menunggu penugasan pengganti.",
          },
        },
      ],
    },
    {
      n: 10,
      service: "BPHTB",
      daysBack: 7,
      hour: "08:30",
      name: "Andi Wijaya",
      fields: {
        auctionRef: house.auctionRef,
        objectDescription: house.objectDescription,
        taxObjectNumber: "32.75.010.001.002-0123.0",
      },
      docs: ["identity_card"],
      steps: [
        { after: 25, input: accept },
        {
          after: 180,
          input: complete(
            "Harga lelang sebagaimana tercantum dalam risalah lelang dapat digunakan sebagai dasar pengisian SSPD BPHTB.",
          ),
        },
      ],
      rating: { score: 3, comment: null },
    },
  ];

  for (const d of list) {
    const date = workingDateBack(cal, today, d.daysBack);
    const at = localToInstant(cal, date, d.hour);
    if (at.getTime() > now.getTime()) continue;
    const refs = [];
    for (const key of d.docs) {
      const png = key === "identity_card";
      const up = await svc.publicUpload(
        unit.code,
        `${key}.${png ? "png" : "pdf"}`,
        Readable.from([png ? PNG : PDF]),
      );
      refs.push({ requirementKey: key, uploadId: up.uploadId, token: up.token });
    }
    const r = await svc.submit(
      {
        unitCode: unit.code,
        serviceCode: d.service,
        fields: d.fields,
        documents: refs,
        // one phone, typed two ways: phone sign-in (normalised to +6281200000001) finds both
        requester: {
          name: d.name,
          email: DEMO_REQUESTER,
          phone: d.n % 2 ? "+62 812 0000 0001" : "0812-0000-0001",
        },
        lang: "id",
      },
      { at, number: DEMO_NUMBER(d.n), secret: DEMO_SECRET(d.n) },
    );
    let last = at;
    for (const s of d.steps) {
      const when = new Date(Math.min(at.getTime() + s.after * 60_000, now.getTime()));
      last = when;
      if (s.input.command === "note") await svc.addNote(staff, r.id, s.input.body, { at: when });
      else {
        const v = await ctx.db
          .selectFrom("sr_requests")
          .select("version")
          .where("id", "=", r.id)
          .executeTakeFirstOrThrow();
        await svc.transition(staff, r.id, { ...s.input, version: Number(v.version) } as TransitionInput, {
          at: when,
        });
      }
    }
    if (d.cancel !== undefined) {
      await svc.publicCancel(r.number, DEMO_SECRET(d.n), null, "Sudah tidak diperlukan.");
    }
    if (d.rating)
      await svc.publicRate(r.number, DEMO_SECRET(d.n), null, d.rating.score, d.rating.comment, {
        at: new Date(Math.min(last.getTime() + 3600_000, now.getTime())),
      });
  }
}
