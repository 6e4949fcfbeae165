import { isWorkingDay } from "../../../kernel/calendar";
import type { AppContext } from "../../../kernel/context";
import { systemActor } from "../../../kernel/identity/actor";
import type { ChecklistEntry } from "../contract";
import { PROGRAMME_TEMPLATES } from "../domain/programmes";
import { addDays } from "../domain/rotation";
import type { CultureService } from "./service";

const OWNERS: Record<string, string> = {
  REPEAT: "koordinator.zi@zona.demo",
  MODEL: "kepala.bekasi@zona.demo",
  RABU_CENDEKIA: "agen.perubahan@zona.demo",
  GSP: "koordinator.zi@zona.demo",
  LITERASI: "media@zona.demo",
};

const WEEKDAY = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() || 7;

/** The last `n` working days before `today` that fall on `weekday` (or any weekday when null). */
function recentDays(today: string, n: number, weekday: number | null, working: (d: string) => boolean) {
  const out: string[] = [];
  for (let d = addDays(today, -1); out.length < n && d > addDays(today, -120); d = addDays(d, -1)) {
    if (working(d) && (weekday === null || WEEKDAY(d) === weekday)) out.push(d);
  }
  return out.reverse();
}

/**
 * KPKNL Bekasi's culture programmes: the five templates with owners, a GSP schedule for the current
 * and next month (the head leads the rally and is left out of the rotation; two leave records),
 * recent sessions with attendance, and one speaker queued for Rabu Cendekia. Idempotent and
 * deterministic for a given clock.
 */
export async function seedCultureDemo(ctx: AppContext, culture: CultureService): Promise<void> {
  const unit = await ctx.org.byCode("KPKNL-BEKASI");
  if (!unit) return;
  const system = systemActor("demo-seed");
  if ((await culture.listProgrammes(system, unit.id)).length > 0) return;

  const users = await ctx.identity.listUsers(system, { unitId: unit.id });
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const staff = await culture.staff(unit.id);
  const cal = await ctx.calendar.calendarFor(unit.id);
  const working = (d: string) => isWorkingDay(cal, d);
  const today = culture.today();

  const programmes = new Map<string, string>();
  for (const t of PROGRAMME_TEMPLATES) {
    const p = await culture.createProgramme(system, {
      unitId: unit.id,
      code: t.code,
      kind: t.kind,
      name: t.name,
      description: t.description,
      schedule: t.schedule,
      ownerUserId: byEmail.get(OWNERS[t.code] ?? "") ?? null,
      checklist: t.checklist,
    });
    programmes.set(t.code, p.id);
  }

  // GSP: the head leads the rally and does not take turns.
  const head = byEmail.get("kepala.bekasi@zona.demo");
  if (head) await culture.setRoster(system, unit.id, [head]);
  const leaveFor = async (
    email: string,
    offset: number,
    days: number,
    kind: "cuti" | "dinas_luar" | "sakit",
    note: string,
  ) => {
    const userId = byEmail.get(email);
    if (!userId) return;
    await culture.addLeave(system, {
      unitId: unit.id,
      userId,
      from: addDays(today, offset),
      to: addDays(today, offset + days - 1),
      kind,
      note,
    });
  };
  await leaveFor("piutang@zona.demo", 3, 3, "cuti", "Cuti tahunan");
  await leaveFor("pejabat.lelang@zona.demo", 8, 2, "dinas_luar", "Pelaksanaan lelang di Cikarang");
  const monthStart = `${today.slice(0, 7)}-01`;
  const nextMonth = `${addDays(monthStart, 32).slice(0, 7)}-01`;
  const endNext = addDays(`${addDays(nextMonth, 32).slice(0, 7)}-01`, -1);
  // Through the end of next month, and at least 45 days ahead (dates compare as text).
  const to = [endNext, addDays(today, 45)].sort()[1]!;
  await culture.generate(system, unit.id, monthStart, to);

  // Recent sessions with attendance (deterministic: one in five absent, rotating).
  const attendance = (seed: number) =>
    staff.map((s, i) => ({ userId: s.userId, present: (i + seed) % 5 !== 0 }));
  const record = async (
    code: string,
    date: string,
    seed: number,
    extra: { topic?: string; speaker?: string; notes: string; checklist?: ChecklistEntry[] },
  ) => {
    const programmeId = programmes.get(code);
    if (!programmeId) return;
    await culture.saveOccurrence(
      system,
      { programmeId },
      {
        date,
        topic: extra.topic ?? null,
        speakerUserId: extra.speaker ? (byEmail.get(extra.speaker) ?? null) : null,
        notes: extra.notes,
        fileIds: [],
        checklist: extra.checklist ?? [],
        attendance: attendance(seed),
        queueEntryId: null,
      },
    );
  };

  const mondays = recentDays(today, 3, 1, working);
  for (const [i, d] of mondays.entries())
    await record("MODEL", d, i, {
      notes:
        "Evaluasi capaian IKU pekan lalu, tindak lanjut permohonan layanan yang melewati SLA, rencana lelang pekan ini.",
    });
  const topics = [
    ["Pengelolaan BMN berbasis SIMAN v2", "kekayaan@zona.demo"],
    ["Gratifikasi: kenali, tolak, laporkan", "agen.perubahan@zona.demo"],
  ] as const;
  const wednesdays = recentDays(today, 2, 3, working);
  for (const [i, d] of wednesdays.entries())
    await record("RABU_CENDEKIA", d, i + 1, {
      topic: topics[i]![0],
      speaker: topics[i]![1],
      notes: "Materi dibagikan di grup pegawai; sesi tanya jawab 20 menit.",
    });
  const gspDays = recentDays(today, 3, null, working);
  for (const [i, d] of gspDays.entries())
    await record("GSP", d, i + 2, { notes: "Pembacaan janji layanan dan berbagi informasi singkat." });
  const [repeatDay] = recentDays(today, 1, null, working);
  if (repeatDay) {
    const template = PROGRAMME_TEMPLATES.find((t) => t.code === "REPEAT")!;
    await record("REPEAT", addDays(repeatDay, 0), 3, {
      notes: "Putaran November: dua temuan perlu perbaikan, tenggat akhir bulan.",
      checklist: template.checklist.map((item, i) => ({
        item,
        state: i === 1 || i === 6 ? "improve" : "ok",
        improvement:
          i === 1
            ? "Pasang bidang miring (ramp) di pintu samping"
            : i === 6
              ? "Perbarui nomor WhatsApp pengaduan pada banner"
              : "",
      })),
    });
  }
  const [literasiDay] = recentDays(today, 1, 4, working);
  if (literasiDay)
    await record("LITERASI", literasiDay, 4, {
      topic: "Sosialisasi lelang untuk pelaku UMKM Kota Bekasi",
      notes: "Bertempat di aula kecamatan; 40 peserta umum; dokumentasi foto diunggah tim media.",
    });

  const official = byEmail.get("pejabat.lelang@zona.demo");
  const rabu = programmes.get("RABU_CENDEKIA");
  if (official && rabu)
    await culture.enqueueSpeaker(system, rabu, {
      userId: official,
      training: "Diklat Teknis Pejabat Lelang Kelas I",
      returnedOn: addDays(today, -6),
    });
}
