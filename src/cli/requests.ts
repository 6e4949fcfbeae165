import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import {
  addWorkingMinutes,
  type Calendar,
  clockStart,
  createCalendar,
  DEFAULT_CALENDAR_CONFIG,
  loadShippedHolidays,
} from "../kernel/calendar";
import { calendarFromFile, isoWithOffset } from "../modules/service-requests/domain/calendar-file";
import { out, withContext } from "./context";

/**
 * `zona compute sla`: the due time of an SLA in working hours on a calendar (pure domain of
 * src/modules/service-requests), from a calendar file or a unit's calendar in the database.
 * The `--json` shape `{ "start", "due" }` is a stable contract (docs/cli.md).
 */
function computeGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "compute") ??
    program.command("compute").description("Hitung / compute (no database needed)")
  );
}

export function registerRequestCommands(program: Command) {
  computeGroup(program)
    .command("sla")
    .description("due time of an SLA in working hours (jam kerja) on a calendar")
    .requiredOption("--start <iso>", "start, ISO date-time with offset or Z (e.g. 2026-11-27T15:30:00+07:00)")
    .requiredOption("--hours <n>", "SLA in working hours (may be fractional, e.g. 1.5)")
    .option(
      "--calendar <file.json | unit code>",
      "calendar file (format in docs/cli.md) or a unit code from the database",
    )
    .option("--json", "JSON output: { start, due }")
    .action(async (o: { start: string; hours: string; calendar?: string; json?: boolean }, cmd: Command) => {
      if (
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(o.start) ||
        Number.isNaN(Date.parse(o.start))
      )
        throw new Error(
          `--start: ${o.start} is not an ISO date-time with an offset (e.g. 2026-11-27T15:30:00+07:00)`,
        );
      const hours = Number(o.hours);
      if (!Number.isFinite(hours) || hours < 0 || hours > 100_000)
        throw new Error(`--hours: ${o.hours} is not a number of hours ≥ 0`);
      let cal: Calendar;
      if (!o.calendar) {
        // the default unit calendar: Kemenkeu office hours and the shipped holidays (no database needed)
        cal = createCalendar(DEFAULT_CALENDAR_CONFIG, loadShippedHolidays());
      } else if (o.calendar.endsWith(".json") || existsSync(o.calendar)) {
        let json: unknown;
        try {
          json = JSON.parse(readFileSync(o.calendar, "utf8"));
        } catch (err) {
          throw new Error(`${o.calendar}: cannot read the calendar file (${(err as Error).message})`);
        }
        cal = calendarFromFile(json);
      } else {
        const code = o.calendar;
        cal = await withContext(cmd, async (ctx) => {
          const unit = await ctx.org.byCode(code);
          if (!unit) throw new Error(`--calendar: no unit with code ${code} and no such file`);
          return ctx.calendar.calendarFor(unit.id);
        });
      }
      const start = clockStart(cal, o.start);
      const due = addWorkingMinutes(cal, o.start, Math.round(hours * 60));
      const startIso = isoWithOffset(new Date(o.start), cal);
      const dueIso = isoWithOffset(due, cal);
      if (o.json) return out(JSON.stringify({ start: startIso, due: dueIso }));
      out(`Mulai dihitung: ${isoWithOffset(start, cal)}`);
      out(`Jatuh tempo (${hours} jam kerja): ${dueIso}`);
    });
}
