import type { ServerModule } from "../../module";
import { calendarRoutes } from "./routes";
import { calendarMigrations } from "./store";

export { CalendarStore, calendarMigrations, type HolidayRow } from "./store";

export const calendarModule: ServerModule = {
  name: "calendar",
  migrations: calendarMigrations,
  permissions: [
    {
      key: "calendar.holiday.write",
      id: "Kelola hari libur nasional dan cuti bersama",
      en: "Manage public holidays and collective leave",
    },
  ],
  grants: { admin: ["calendar.holiday.write"] },
  errors: {
    CALENDAR_HOLIDAY_NOT_FOUND: {
      status: 404,
      id: "Tidak ada hari libur pada {date}.",
      en: "No holiday on {date}.",
    },
    CALENDAR_HOURS_INVALID: {
      status: 422,
      id: "Jam kerja tidak valid: {reason}.",
      en: "Invalid working hours: {reason}.",
    },
  },
  routes: calendarRoutes,
};
