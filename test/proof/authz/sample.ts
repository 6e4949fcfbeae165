/**
 * A minimal valid instance of a JSON schema (as the OpenAPI document publishes the Zod schemas):
 * required properties only, the first enum value, the smallest length or count allowed. Enough
 * to get a request past validation so the case reaches the permission and scope checks; a route's
 * fixture overrides whatever a generic value cannot express.
 */
type Schema = Record<string, any>;

export interface SampleHints {
  /** Value for a property by name, wherever it appears (e.g. unitId → the target unit). */
  byName: Record<string, unknown>;
}

export function sample(schema: Schema | undefined, hints: SampleHints, name = "", depth = 0): unknown {
  if (!schema || depth > 12) return undefined;
  if (name && name in hints.byName) return hints.byName[name];
  if ("const" in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alt)) {
    const nonNull = alt.filter((s: Schema) => s.type !== "null");
    return sample(nonNull[0] ?? alt[0], hints, name, depth + 1);
  }
  if (Array.isArray(schema.allOf)) return sample(Object.assign({}, ...schema.allOf), hints, name, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const v = sample(schema.properties?.[key] ?? {}, hints, key, depth + 1);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    case "array": {
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, () => sample(schema.items ?? {}, hints, name, depth + 1));
    }
    case "string":
      // The test clock is 2026-11-27: a past day for what happened, a later one for what is due.
      if (/^(due|planned|end|until|deadline)/i.test(name) || /(Due|Until|End)Date$/.test(name))
        return "2026-12-15";
      if (/^date$|Date$|On$/.test(name)) return "2026-11-20";
      return sampleString(schema);
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
      return Math.min(Math.max(min, 1), max);
    }
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return undefined;
  }
}

function sampleString(s: Schema): string {
  switch (s.format) {
    case "date":
      return "2026-11-20";
    case "date-time":
      return "2026-12-01T03:00:00.000Z";
    case "email":
      return "warga@contoh.test";
    case "uuid":
      return "01a235b8-0000-7000-8000-000000000000";
    case "uri":
    case "url":
      return "https://contoh.test/matrix";
  }
  const p: string | undefined = s.pattern;
  if (p) {
    if (p.includes("\\d{4}-\\d{2}-\\d{2}")) return "2026-12-01";
    if (p.includes("\\d{4}-\\d{2}")) return "2026-12";
    if (/^\^\[?0-9\]?|\\d/.test(p)) return "1".repeat(Math.max(1, s.minLength ?? 1));
  }
  const base = "Uji matriks otorisasi";
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  let v = base;
  while (v.length < min) v += ` ${base}`;
  return v.slice(0, Math.max(min, Math.min(max, v.length)));
}
