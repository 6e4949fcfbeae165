/**
 * Demo data for KPKNL Bekasi: a year of SKM responses by quarter (ended quarters closed and
 * published with a follow-up plan, the current one open), and the year's IPAK and IPKP perception
 * surveys with indices around 3.6 and 3.5. KPKNL Bandung gets one SKM period (for scoping).
 * Deterministic (a seeded generator), idempotent (skips a unit that already has periods).
 */

import { jakartaDate } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { enc } from "../../../kernel/db/codecs";
import { newId } from "../../../kernel/db/ids";
import { systemActor } from "../../../kernel/identity/actor";
import type { Unit } from "../../../kernel/org/units";
import { builtInKind, MAX_ELEMENTS, PROFILE, SKM_KIND_ID, type SurveyKind } from "../domain/kinds";
import { type PeriodType, periodRange } from "../domain/periods";
import { type SurveyService, shortCode } from "./service";

const SERVICES = [
  "Lelang",
  "Pengurusan Piutang Negara",
  "Pengelolaan Kekayaan Negara",
  "Informasi dan Konsultasi",
];

/** Park–Miller generator: the same data on every run. */
function rng(seed: number) {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

/** A score 1–4 whose expected value is `mean` (2.6–3.95). */
function score(r: () => number, mean: number): number {
  const p4 = Math.max(0, Math.min(1, mean - 3 + 0.05));
  const p2 = 0.05;
  const x = r();
  if (x < p4) return 4;
  if (x < 1 - p2) return 3;
  return x < 1 - p2 / 5 ? 2 : 1;
}

const SKM_MEANS = [3.45, 3.4, 3.15, 3.9, 3.45, 3.5, 3.6, 3.3, 3.1]; // U4 free services; U3 and U9 weakest
const COMMENTS = [
  "Petugas ramah dan informatif.",
  "Antrean lelang online kadang lambat saat jam sibuk.",
  "Mohon informasi jadwal lelang diperbarui lebih cepat di website.",
  "Ruang tunggu nyaman, parkir sempit.",
  "Proses pengurusan piutang cukup jelas.",
  "Kanal pengaduan sebaiknya dibalas lebih cepat.",
];

export async function seedSurveysDemo(ctx: AppContext, svc: SurveyService): Promise<void> {
  const bekasi = await ctx.org.byCode("KPKNL-BEKASI");
  if (!bekasi) return;
  const today = jakartaDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const skm = builtInKind(SKM_KIND_ID)!;
  const done = await ctx.db
    .selectFrom("survey_periods")
    .select("id")
    .where("unit_id", "=", bekasi.id)
    .executeTakeFirst();
  if (!done) {
    for (let q = 1; q <= 4; q++)
      await seedPeriod(ctx, bekasi, skm, "quarter", year, q, today, SKM_MEANS, 95, 100 + q);
    await seedPeriod(
      ctx,
      bekasi,
      builtInKind("ipak-zi-v1")!,
      "year",
      year,
      null,
      today,
      [3.62, 3.55, 3.7, 3.58, 3.55],
      140,
      7,
    );
    await seedPeriod(
      ctx,
      bekasi,
      builtInKind("ipkp-zi-v1")!,
      "year",
      year,
      null,
      today,
      [3.5, 3.45, 3.4, 3.45, 3.65, 3.5, 3.55, 3.5],
      140,
      8,
    );
  }
  const bandung = await ctx.org.byCode("KPKNL-BANDUNG");
  if (
    bandung &&
    !(await ctx.db
      .selectFrom("survey_periods")
      .select("id")
      .where("unit_id", "=", bandung.id)
      .executeTakeFirst())
  )
    await seedPeriod(
      ctx,
      bandung,
      skm,
      "semester",
      year,
      1,
      today,
      SKM_MEANS.map((m) => m - 0.2),
      60,
      55,
    );
  void svc;
}

async function seedPeriod(
  ctx: AppContext,
  unit: Unit,
  kind: SurveyKind,
  type: PeriodType,
  year: number,
  part: number | null,
  today: string,
  means: number[],
  perPeriod: number,
  seed: number,
): Promise<void> {
  const { startsOn, endsOn } = periodRange(type, year, part);
  if (startsOn > today) return; // no future periods in the demo
  const ended = endsOn < today;
  const r = rng(seed);
  const id = newId();
  const at = ctx.clock.now().toISOString();
  // an open period has answers up to today only, in proportion to the days gone
  const span = (Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000 + 1;
  const gone = ended ? span : (Date.parse(today) - Date.parse(startsOn)) / 86_400_000 + 1;
  const count = Math.max(5, Math.round((perPeriod * gone) / span));
  const system = systemActor("demo");
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("survey_periods")
      .values({
        id,
        unit_id: unit.id,
        kind_id: kind.id,
        kind: kind.kind,
        kind_snapshot: enc.json(kind),
        title: `${kind.title.id} — ${type === "year" ? `Tahun ${year}` : type === "quarter" ? `Triwulan ${["I", "II", "III", "IV"][part! - 1]} ${year}` : `Semester ${part === 1 ? "I" : "II"} ${year}`}`,
        period_type: type,
        year,
        part,
        starts_on: startsOn,
        ends_on: endsOn,
        service_types: enc.json(SERVICES),
        population: kind.kind === "skm" ? 420 : 900,
        status: ended ? "closed" : "open",
        code: shortCode(),
        one_per_device: 1,
        rate_max: 20,
        rate_window_minutes: 60,
        published: enc.bool(ended || kind.kind !== "skm"),
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const day = new Date(Date.parse(startsOn) + Math.floor(r() * gone) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const row: Record<string, unknown> = {
        id: newId(),
        period_id: id,
        unit_id: unit.id,
        submitted_on: day,
        channel: "web",
        service_type: SERVICES[Math.floor(r() * r() * SERVICES.length)]!,
        age_group: PROFILE.ageGroup[1 + Math.floor(r() * 4)]!,
        sex: r() < 0.58 ? "L" : "P",
        education: PROFILE.education[2 + Math.floor(r() * 4)]!,
        occupation: PROFILE.occupation[Math.floor(r() * PROFILE.occupation.length)]!,
        comment: r() < 0.15 ? COMMENTS[Math.floor(r() * COMMENTS.length)]! : null,
      };
      for (let k = 1; k <= MAX_ELEMENTS; k++)
        row[`s${k}`] = k <= kind.elements.length ? score(r, means[k - 1]!) : null;
      rows.push(row);
    }
    for (let i = 0; i < rows.length; i += 50)
      await trx
        .insertInto("survey_responses")
        .values(rows.slice(i, i + 50))
        .execute();
    if (ended && kind.kind === "skm") {
      await trx
        .insertInto("survey_followups")
        .values([
          {
            id: newId(),
            period_id: id,
            unit_id: unit.id,
            element_code: "U9",
            action:
              "Balas setiap pengaduan di kanal WhatsApp dan SP4N-LAPOR! paling lambat 1 hari kerja; rekap mingguan ke Kepala Kantor.",
            owner: "Seksi Hukum dan Informasi",
            due_date: endsOn.slice(0, 8) === `${year}-12-` ? `${year + 1}-01-31` : shiftMonth(endsOn),
            status: "done",
            note: "",
            created_at: at,
            updated_at: at,
          },
          {
            id: newId(),
            period_id: id,
            unit_id: unit.id,
            element_code: "U3",
            action: "Tampilkan estimasi waktu layanan di layar antrean dan pantau SLA per layanan.",
            owner: "Seksi Pelayanan Lelang",
            due_date: shiftMonth(endsOn),
            status: "in_progress",
            note: "",
            created_at: at,
            updated_at: at,
          },
        ])
        .execute();
    }
    await ctx.audit.record(trx, system, {
      action: "survey.period.created",
      unitId: unit.id,
      entityType: "survey_period",
      entityId: id,
      data: { kind: kind.id, demo: true, responses: rows.length },
    });
  });
}

function shiftMonth(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return `${ny}-${String(nm).padStart(2, "0")}-28`;
}
