import type { AppContext } from "../../../kernel/context";
import { systemActor } from "../../../kernel/identity/actor";
import { defaultPactText, STATEMENT } from "../domain/pact";
import type { PactService } from "./service";

/** Add days to a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant of a Jakarta wall-clock time on a date. */
function wib(date: string, hour: number, minute: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((hour - 7) * 60 + minute) * 60_000).toISOString();
}

/** People who left their pact unsigned in the demo (a browser journey signs pegawai's). */
export const DEMO_UNSIGNED = ["pegawai@zona.demo"];

/**
 * The demo: KPKNL Bekasi opened "Pakta Integritas Pegawai KPKNL Bekasi <year>" two weeks ago and
 * every employee but pegawai@zona.demo signed it over the first days; KPKNL Bandung's round is
 * signed by its head. Deterministic for a given clock; does nothing when Bekasi already has a round.
 */
export async function seedPactDemo(ctx: AppContext, pact: PactService): Promise<void> {
  const system = systemActor("demo-seed");
  const today = pact.today();
  for (const spec of [
    { code: "KPKNL-BEKASI", head: "kepala.bekasi@zona.demo", closesOn: null as string | null },
    { code: "KPKNL-BANDUNG", head: "kepala.bandung@zona.demo", closesOn: addDays(today, 30) },
  ]) {
    const unit = await ctx.org.byCode(spec.code);
    if (!unit) continue;
    if ((await pact.listRounds(system, { unitId: unit.id })).length > 0) continue;
    const opensOn = addDays(today, -14);
    const round = await pact.createRound(system, {
      unitId: unit.id,
      title: `Pakta Integritas Pegawai ${unit.name} ${opensOn.slice(0, 4)}`,
      body: defaultPactText(unit.name),
      opensOn,
      closesOn: spec.closesOn,
    });
    const people = ((await pact.peopleAt(ctx.db, [unit.id])).get(unit.id) ?? []).filter((p) => p.staff);
    const head = people.find((p) => p.email === spec.head);
    await ctx.db.transaction().execute(async (trx) => {
      if (head)
        await trx
          .updateTable("pact_rounds")
          .set({ created_by: head.userId, created_by_name: head.name })
          .where("id", "=", round.id)
          .execute();
      // The head signs at the pencanangan ceremony; the others over the following working days.
      const signers = people
        .filter((p) => !DEMO_UNSIGNED.includes(p.email))
        .sort((a, b) => (a.email === spec.head ? -1 : b.email === spec.head ? 1 : 0));
      for (const [i, p] of signers.entries()) {
        const day = addDays(opensOn, i === 0 ? 0 : 1 + (i % 4));
        const signedAt = wib(day, i === 0 ? 9 : 8 + (i % 7), (i * 13) % 60);
        await pact.insertSignature(
          trx,
          {
            roundId: round.id,
            userId: p.userId,
            textHash: round.textHash,
            statement: STATEMENT,
            signerName: p.name,
            signerNip: p.nip,
            signedAt,
          },
          unit.id,
        );
      }
      await ctx.audit.record(trx, system, {
        action: "pact.demo.seeded",
        unitId: unit.id,
        entityType: "pact_round",
        entityId: round.id,
        data: { signatures: signers.length },
      });
    });
  }
}
