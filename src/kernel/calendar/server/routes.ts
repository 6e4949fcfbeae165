import { z } from "zod";
import type { AppContext } from "../../context";
import { idParam, text } from "../../http/schemas";
import type { ZonaApp } from "../../http/types";
import { calendarConfigSchema } from "../calendar";
import { isValidLocalDate } from "../dates";

const holidaySchema = z.object({
  date: z.string(),
  name: z.string(),
  kind: z.enum(["libur", "cuti_bersama"]),
  source: z.string().nullable(),
  confidence: z.string().nullable(),
});
const dateParam = z.strictObject({ date: z.string().refine(isValidLocalDate, "a date YYYY-MM-DD") });

export function calendarRoutes(app: ZonaApp, ctx: AppContext) {
  app.get("/api/calendar/holidays", {
    schema: {
      tags: ["calendar"],
      summary: "National public holidays and collective leave (SKB), as the calendar uses them",
      querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: z.object({ items: z.array(holidaySchema) }) },
    },
    config: { access: "authenticated" },
    handler: async (req) => ({ items: await ctx.calendar.holidays(req.query.year) }),
  });

  app.put("/api/calendar/holidays/:date", {
    schema: {
      tags: ["calendar"],
      params: dateParam,
      body: z.strictObject({
        name: text(200),
        kind: z.enum(["libur", "cuti_bersama"]),
        source: z.string().max(500).nullable().optional(),
      }),
      response: { 204: z.null() },
    },
    config: { access: { permission: "calendar.holiday.write" } },
    handler: async (req, reply) => {
      await ctx.calendar.putHoliday(req.actor!, { date: req.params.date, ...req.body });
      return reply.status(204).send(null);
    },
  });

  app.delete("/api/calendar/holidays/:date", {
    schema: { tags: ["calendar"], params: dateParam, response: { 204: z.null() } },
    config: { access: { permission: "calendar.holiday.write" } },
    handler: async (req, reply) => {
      await ctx.calendar.deleteHoliday(req.actor!, req.params.date);
      return reply.status(204).send(null);
    },
  });

  app.get("/api/units/:id/hours", {
    schema: {
      tags: ["calendar"],
      summary: "A unit's working hours (its own, inherited, or the default)",
      params: idParam,
      response: {
        200: z.object({
          config: z.object({
            zone: z.enum(["WIB", "WITA", "WIT"]),
            week: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
          }),
          fromUnitId: z.string().nullable(),
        }),
      },
    },
    config: { access: { permission: "org.unit.read" } },
    handler: async (req) => {
      await ctx.org.getInScope(req.actor!, req.params.id);
      return (await ctx.calendar.hoursFor(req.params.id)) as any;
    },
  });

  app.put("/api/units/:id/hours", {
    schema: { tags: ["calendar"], params: idParam, body: calendarConfigSchema, response: { 204: z.null() } },
    config: { access: { permission: "org.unit.write" } },
    handler: async (req, reply) => {
      await ctx.calendar.setHours(req.actor!, req.params.id, req.body as any);
      return reply.status(204).send(null);
    },
  });
}
