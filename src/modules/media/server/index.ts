import type { AppContext } from "../../../kernel/context";
import type { ZonaApp } from "../../../kernel/http/types";
import type { ServerModule } from "../../../kernel/module";
import { MEDIA_PERMISSIONS } from "../domain/model";
import { seedMediaDemo } from "./demo";
import { mediaErrors } from "./errors";
import { mediaMigrations } from "./migrations";
import { mediaRoutes } from "./routes";
import { MediaService } from "./service";

export { MEDIA_PERMISSIONS } from "../domain/model";

const P = MEDIA_PERMISSIONS;
const services = new WeakMap<AppContext, MediaService>();
function mediaService(ctx: AppContext): MediaService {
  const s = services.get(ctx) ?? new MediaService(ctx);
  services.set(ctx, s);
  return s;
}

const allStaff = [
  "zi_member",
  "change_agent",
  "employee",
  "service_officer",
  "treasurer",
  "auction_official",
  "receivables_officer",
  "asset_officer",
  "tpi_evaluator",
  "tpn_evaluator",
];

/** Media management: channels, the daily content plan and its approval, publications and reach. */
export const mediaModule: ServerModule = {
  name: "media",
  migrations: mediaMigrations,
  permissions: [
    { key: P.read, id: "Lihat rencana dan publikasi media", en: "View the media plan and publications" },
    {
      key: P.plan,
      id: "Susun rencana konten, kelola kanal, catat publikasi dan jangkauan",
      en: "Plan content, manage channels, record publications and reach",
    },
    { key: P.approve, id: "Setujui atau tolak konten media", en: "Approve or reject media content" },
  ],
  grants: {
    admin: [P.read],
    head: [P.read, P.plan, P.approve],
    zi_coordinator: [P.read, P.plan, P.approve],
    media_officer: [P.read, P.plan],
    ...Object.fromEntries(allStaff.map((r) => [r, [P.read]])),
  },
  errors: mediaErrors,
  routes: (app: ZonaApp, ctx: AppContext) => mediaRoutes(app, ctx, mediaService(ctx)),
  seedDemo: (ctx) => seedMediaDemo(ctx, mediaService(ctx)),
};
