import type { TFunction } from "i18next";
import { formatRupiah, type Lang } from "../../../../ui/format";
import type { StandardCost, StandardTime } from "../../domain/model";

/** "5 hari kerja", "30 menit". */
export function timeText(t: TFunction, time: StandardTime | null, lang: Lang): string {
  if (!time) return "—";
  return `${time.value.toLocaleString(lang === "en" ? "en-US" : "id-ID")} ${t(`standards:timeUnits.${time.unit}`)}`;
}

/** "Tidak dipungut biaya", "Rp50.000", or the rule in words. */
export function costText(t: TFunction, cost: StandardCost | null, lang: Lang): string {
  if (!cost) return "—";
  if (cost.kind === "free") return t("standards:costKinds.free");
  if (cost.kind === "fixed" && cost.amountIdr !== null) return formatRupiah(cost.amountIdr, lang);
  return cost.note || t("standards:costKinds.variable");
}
