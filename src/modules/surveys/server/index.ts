import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { seedSurveysDemo } from "./demo";
import { surveyErrors } from "./errors";
import { surveyMigrations } from "./migrations";
import { surveyRoutes } from "./routes";
import { SURVEY_PERMISSIONS, SurveyService } from "./service";

export { SURVEY_PERMISSIONS } from "./service";

const services = new WeakMap<AppContext, SurveyService>();
export function surveyService(ctx: AppContext): SurveyService {
  const s = services.get(ctx) ?? new SurveyService(ctx);
  services.set(ctx, s);
  return s;
}

export interface PerceptionIndex {
  /** Unrounded index on the 1–4 scale. */
  index: number;
  respondents: number;
  periodId: string;
  title: string;
}

/**
 * For the Zona Integritas module: the unit's anti-corruption (IPAK) and service-quality (IPKP)
 * perception indices of a year — the latest non-draft period of each kind with responses, or null.
 * LKE points are index ÷ 4 × 17.5. No actor: the caller checks its own permissions.
 */
export function perceptionIndices(
  ctx: AppContext,
  unitId: string,
  year: number,
): Promise<{ ipak: PerceptionIndex | null; ipkp: PerceptionIndex | null }> {
  return surveyService(ctx).perceptionIndices(unitId, year);
}

const P = SURVEY_PERMISSIONS;
const staff = [P.read];

/** Surveys: SKM/IKM (PermenPAN-RB 14/2017), IPAK and IPKP perception surveys, custom surveys. */
export const surveysModule: ServerModule = {
  name: "surveys",
  migrations: surveyMigrations,
  permissions: [
    { key: P.read, id: "Lihat survei dan hasilnya", en: "View surveys and their results" },
    {
      key: P.manage,
      id: "Kelola periode survei, publikasi hasil dan tindak lanjut",
      en: "Manage survey periods, published results and follow-up",
    },
  ],
  grants: {
    admin: staff,
    head: [P.read, P.manage],
    zi_coordinator: [P.read, P.manage],
    service_officer: [P.read, P.manage],
    zi_member: staff,
    change_agent: staff,
    employee: staff,
    treasurer: staff,
    auction_official: staff,
    receivables_officer: staff,
    asset_officer: staff,
    media_officer: staff,
    tpi_evaluator: staff,
    tpn_evaluator: staff,
  },
  errors: surveyErrors,
  routes: (app: ZonaApp, ctx: AppContext) => surveyRoutes(app, ctx, surveyService(ctx)),
  seedDemo: (ctx) => seedSurveysDemo(ctx, surveyService(ctx)),
};
