import type { TFunction } from "i18next";
import type { ScheduleRule } from "../../domain/programmes";

/** "Setiap Senin", "Setiap hari kerja", "Setiap bulan, tanggal 15", "Sesuai kebutuhan". */
export function scheduleLabel(t: TFunction, rule: ScheduleRule): string {
  switch (rule.kind) {
    case "working_days":
      return t("culture:schedule.working_days");
    case "weekly": {
      const days = t("culture:calendar.weekdaysLong", { returnObjects: true }) as string[];
      return t("culture:schedule.weekly", { day: days[rule.weekday - 1] });
    }
    case "monthly":
      return t("culture:schedule.monthly", { day: rule.day });
    case "ad_hoc":
      return t("culture:schedule.ad_hoc");
  }
}
