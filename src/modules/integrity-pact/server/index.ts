import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { PACT_PERMISSIONS, STAFF_ROLES } from "../domain/pact";
import { seedPactDemo } from "./demo";
import { pactServerErrors } from "./errors";
import { pactMigrations } from "./migrations";
import { pactRoutes } from "./routes";
import { PactService } from "./service";

export { PACT_PERMISSIONS } from "../domain/pact";

const P = PACT_PERMISSIONS;
const services = new WeakMap<AppContext, PactService>();
function pactService(ctx: AppContext): PactService {
  const s = services.get(ctx) ?? new PactService(ctx);
  services.set(ctx, s);
  return s;
}

export interface PactCompletion {
  roundId: string;
  title: string;
  /** 0–100 from the counts, rounded down to two decimals: 100 only when every staff member signed. */
  percent: number;
  signed: number;
  total: number;
  /** The round is open today (opened, not closed by hand, not past its closing date). */
  open: boolean;
}

/**
 * The integrity pact completion of a unit's latest round (by opening date), for the ZI cycle's
 * pencanangan gate; null when the unit never opened one. Counts current staff only (see domain/pact).
 */
export function pactCompletion(ctx: AppContext, unitId: string): Promise<PactCompletion | null> {
  return pactService(ctx).latestCompletion(unitId);
}

const staffGrants = Object.fromEntries(STAFF_ROLES.map((r) => [r, [P.sign]])) as Record<string, string[]>;

/** Integrity pact: rounds per unit, signatures with the hash of the text seen, reminders, PDFs. */
export const pactModule: ServerModule = {
  name: "integrity-pact",
  migrations: pactMigrations,
  permissions: [
    {
      key: P.read,
      id: "Lihat putaran dan penanda tangan pakta integritas",
      en: "View integrity pact rounds and signers",
    },
    {
      key: P.manage,
      id: "Buka, tutup dan ingatkan putaran pakta integritas",
      en: "Open, close and send reminders for integrity pact rounds",
    },
    {
      key: P.sign,
      id: "Menandatangani pakta integritas unit sendiri",
      en: "Sign one's own unit's integrity pact",
    },
  ],
  grants: {
    ...staffGrants,
    head: [P.sign, P.read, P.manage],
    zi_coordinator: [P.sign, P.read, P.manage],
    zi_member: [P.sign, P.read],
    change_agent: [P.sign, P.read],
    tpi_evaluator: [P.read],
    tpn_evaluator: [P.read],
  },
  errors: pactServerErrors,
  routes: (app: ZonaApp, ctx: AppContext) => pactRoutes(app, ctx, pactService(ctx)),
  seedDemo: (ctx) => seedPactDemo(ctx, pactService(ctx)),
};
