/**
 * fast-check arbitraries for the fuzzer: JSON values that follow a JSON Schema (as the app's OpenAPI
 * document states it), the same values with one hostile mutation, and hostile values of any shape.
 * Values that follow the schema reach the services (so the fuzzer explores the write paths, not only
 * the validators); mutated values probe the validators and the code behind them.
 */
import fc from "fast-check";
import {
  DATE_STRINGS,
  HTML_PAYLOADS,
  NEAR_LIMIT,
  NUMBERISH_STRINGS,
  NUMBERS,
  PATH_SEGMENTS,
  PROTO_KEYS,
  SQL_PAYLOADS,
  UNICODE_EDGE,
} from "./values";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonSchema = Record<string, any>;

/** Known-good identifiers from the seeded database, so generated ids sometimes name real records. */
export interface Pools {
  /** Every `id` of the seeded tables (except accounts, sessions and roles: see targets.ts). */
  ids: string[];
  /** Unit ids. */
  unitIds: string[];
  /** Unit codes and other public codes (survey codes). */
  codes: string[];
  /** A few ids of each table, by table name. */
  byTable: Record<string, string[]>;
}

const PERSON = /^(user|owner|assignee|chair|speaker|pic|picUser|participant|member|ownerUser|speakerUser)s?$/;

/**
 * Real ids for a field or path parameter: `cycleId` → zi_cycles, `userId`/`ownerId` → users, the
 * `:id` after `/meetings/` → monev_meetings (ties broken by the other words of the URL). Falls back
 * to every known id.
 */
export function idsFor(pools: Pools, key: string, url = ""): string[] {
  let noun: string | undefined;
  if (key === "id" && url) {
    const segs = url.split("/").filter(Boolean);
    const at = segs.indexOf(":id");
    noun = at > 0 ? segs[at - 1] : undefined;
  } else {
    const m = /^(\w+?)(Id|Ids)$/.exec(key);
    if (m) noun = PERSON.test(m[1]!) ? "users" : `${m[1]}s`;
  }
  if (!noun) return pools.ids;
  const n = noun
    .replace(/-/g, "_")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
  const tables = Object.keys(pools.byTable).filter(
    (t) => (t === n || t.endsWith(`_${n}`)) && pools.byTable[t]!.length,
  );
  if (!tables.length) return pools.ids;
  const words = url.split(/[/_-]/);
  const best = tables.find((t) => t.split("_").some((w) => words.includes(w))) ?? tables[0]!;
  return pools.byTable[best]!;
}

/** Set a property as an own, enumerable value, even when the key is "__proto__". */
export function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_PAYLOADS),
  fc.constantFrom(...HTML_PAYLOADS),
  fc.constantFrom(...UNICODE_EDGE),
  fc.constantFrom(...NUMBERISH_STRINGS),
  fc.constantFrom(...DATE_STRINGS),
  fc.constantFrom(...PATH_SEGMENTS),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** A hostile value of any JSON shape (a wrong type where a field is expected). */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: hostileString, weight: 8 },
  { arbitrary: fc.constantFrom<Json>(...NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [null], { "": "" }), weight: 2 },
  { arbitrary: fc.constant<Json>(NEAR_LIMIT), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, weight: 2 },
  {
    arbitrary: fc.constantFrom(...PROTO_KEYS).map((k) => {
      const o: Record<string, unknown> = {};
      put(o, k, { polluted: "yes", prototype: { polluted: "yes" } });
      return o as Json;
    }),
    weight: 2,
  },
);

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

const validDate = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`);
const validInstant = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringFor(schema: JsonSchema, key: string, pools: Pools): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 10_000;
  // Fit into the bounds by padding or cutting (a filter could reject forever).
  const fitting = (a: fc.Arbitrary<string>) =>
    a.map((s) => (s.length < minLength ? s.padEnd(minLength, "x") : s.slice(0, maxLength)));
  const choices: Array<fc.WeightedArbitrary<string>> = [];
  if (schema.format === "date") choices.push({ arbitrary: validDate, weight: 6 });
  else if (schema.format === "date-time") choices.push({ arbitrary: validInstant, weight: 6 });
  else if (schema.format === "email") choices.push({ arbitrary: fc.emailAddress(), weight: 6 });
  else if (schema.format === "uri") choices.push({ arbitrary: fc.webUrl(), weight: 6 });
  if (typeof schema.pattern === "string") {
    try {
      choices.push({ arbitrary: fitting(fc.stringMatching(new RegExp(schema.pattern))), weight: 6 });
    } catch {
      // A pattern fast-check cannot invert: plain strings below still probe it.
    }
  }
  if (/unitId$/i.test(key) && pools.unitIds.length)
    choices.push({ arbitrary: fc.constantFrom(...pools.unitIds), weight: 6 });
  else if (/(Id|^id)$/.test(key)) {
    const ids = idsFor(pools, key);
    if (ids.length) choices.push({ arbitrary: fc.constantFrom(...ids), weight: 6 });
  }
  if (/code$/i.test(key) && pools.codes.length)
    choices.push({ arbitrary: fc.constantFrom(...pools.codes), weight: 6 });
  if (/(date|Date|On)$|^(from|to)$/.test(key)) choices.push({ arbitrary: fitting(validDate), weight: 3 });
  // Readable text within bounds, and arbitrary code points within bounds.
  choices.push({
    arbitrary: fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, minLength + 60) }),
    weight: 3,
  });
  choices.push({
    arbitrary: fc.string({ unit: "binary", minLength, maxLength: Math.min(maxLength, minLength + 30) }),
    weight: 1,
  });
  choices.push({ arbitrary: fitting(hostileString), weight: 2 });
  return fc.oneof(...choices);
}

/**
 * Values for a JSON Schema (the subset the app's Zod schemas produce: type, enum, const, anyOf,
 * oneOf, properties/required/additionalProperties, propertyNames, items, min/max bounds, pattern,
 * format). `key` is the property name the value is for: it steers ids and dates toward real ones.
 */
export function fromSchema(
  schema: JsonSchema | undefined,
  pools: Pools,
  key = "",
  depth = 0,
): fc.Arbitrary<Json> {
  if (!schema || depth > 8) return fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>;
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...(schema.enum as Json[]));
  if ("const" in schema) return fc.constant(schema.const as Json);
  const alts = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alts) && alts.length)
    return fc.oneof(...alts.map((s: JsonSchema) => fromSchema(s, pools, key, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length)
    return fromSchema(Object.assign({}, ...schema.allOf), pools, key, depth + 1);
  const type = schema.type;
  if (Array.isArray(type))
    return fc.oneof(...type.map((t: string) => fromSchema({ ...schema, type: t }, pools, key, depth + 1)));
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
      const max =
        schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
      const lo = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
      const hi = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min: lo, max: Math.max(lo, hi) }), fc.constantFrom(lo, Math.max(lo, hi)));
    }
    case "number": {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e9;
      const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e9;
      return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
    }
    case "string":
      return stringFor(schema, key, pools);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 6, minLength + 6));
      return fc.array(fromSchema(schema.items, pools, key.replace(/s$/, ""), depth + 1), {
        minLength,
        maxLength,
      }) as fc.Arbitrary<Json>;
    }
    case "object":
    case undefined: {
      const props: Record<string, JsonSchema> | undefined = schema.properties;
      if (props && Object.keys(props).length) {
        const required = new Set<string>(schema.required ?? []);
        const model: Record<string, fc.Arbitrary<Json>> = {};
        for (const [k, s] of Object.entries(props)) model[k] = fromSchema(s, pools, k, depth + 1);
        return fc.record(model, {
          requiredKeys: [...required].filter((k) => k in model),
        }) as fc.Arbitrary<Json>;
      }
      if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        const keyArb = schema.propertyNames
          ? (fromSchema(schema.propertyNames, pools, key, depth + 1) as fc.Arbitrary<string>)
          : fc.string({ maxLength: 20 });
        return fc.dictionary(keyArb, fromSchema(schema.additionalProperties, pools, key, depth + 1), {
          maxKeys: 6,
        }) as fc.Arbitrary<Json>;
      }
      if (type === "object") return fc.constant({});
      return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
    }
    default:
      return fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>;
  }
}

type Mutation = "replace" | "add" | "drop" | "wrap";

/** Paths (lists of keys/indices) to every node of a value, root first. */
function pathsOf(v: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(at);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) pathsOf(x, [...at, i], out);
  } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

function clone(v: Json): Json {
  if (Array.isArray(v)) return v.map(clone);
  if (v && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) put(o, k, clone(x));
    return o as Json;
  }
  return v;
}

/** Apply one hostile change at one node of a value (returns a new value). */
export function mutate(value: Json, pick: number, how: Mutation, hostile: Json, extraKey: string): Json {
  const root = clone(value);
  const paths = pathsOf(root);
  const path = paths[pick % paths.length]!;
  if (path.length === 0 && how === "replace") return hostile;
  const parentPath = how === "add" ? path : path.slice(0, -1);
  let parent: any = root;
  for (const k of parentPath) parent = parent[k];
  const last = path[path.length - 1];
  if (how === "add") {
    if (Array.isArray(parent)) parent.push(hostile);
    else if (parent && typeof parent === "object") put(parent, extraKey, hostile);
    else return { [extraKey]: hostile } as Json;
    return root;
  }
  if (last === undefined) return how === "wrap" ? [root] : hostile;
  if (how === "drop") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (how === "wrap") {
    if (Array.isArray(parent)) parent[Number(last)] = [parent[last as number]];
    else put(parent, String(last), [parent[last]]);
  } else if (Array.isArray(parent)) parent[Number(last)] = hostile;
  else put(parent, String(last), hostile);
  return root;
}

const extraKeys = fc.oneof(
  fc.constantFrom(...PROTO_KEYS, "", "id", "unitId", "createdAt", "isAdmin", "role", "$where"),
  fc.string({ maxLength: 12 }),
);

/** A value for the schema with one hostile change somewhere in it. */
export function mutated(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc
    .tuple(
      base,
      fc.nat(),
      fc.constantFrom<Mutation>("replace", "replace", "replace", "add", "drop", "wrap"),
      hostileValue,
      extraKeys,
    )
    .map(([v, pick, how, hostile, key]) => mutate(v, pick, how, hostile, key));
}

/** Percent-encode, leaving lone surrogates (which encodeURIComponent refuses) as invalid UTF-8. */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return Array.from(s, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return "%ED%A0%80";
      }
    }).join("");
  }
}

/** A path parameter: schema-shaped, a real id, a hostile string (encoded), or a raw traversal segment. */
export function pathParam(
  schema: JsonSchema | undefined,
  pools: Pools,
  name: string,
  url: string,
): fc.Arbitrary<string> {
  const asText = (v: Json) => (typeof v === "string" ? v : JSON.stringify(v));
  const real =
    name === "code" || /code$/i.test(name)
      ? pools.codes
      : name === "unitId" || (name === "id" && /\/units\/:id/.test(url))
        ? pools.unitIds
        : idsFor(pools, name, url);
  return fc.oneof(
    {
      arbitrary: fromSchema(schema ?? { type: "string" }, pools, name).map((v) => encode(asText(v))),
      weight: 3,
    },
    { arbitrary: real.length ? fc.constantFrom(...real) : fc.constant("x"), weight: 4 },
    { arbitrary: hostileString.map(encode), weight: 2 },
    { arbitrary: fc.constantFrom(...PATH_SEGMENTS), weight: 2 },
  );
}

/** A query string: schema-shaped values, hostile values, repeated keys (arrays) and bracket keys. */
export function queryString(params: Array<{ name: string; schema?: JsonSchema }>, pools: Pools) {
  const pair = (name: string, schema: JsonSchema | undefined): fc.Arbitrary<string[]> => {
    const asText = (v: Json) => (typeof v === "string" ? v : JSON.stringify(v));
    const one = fc.oneof(
      { arbitrary: fromSchema(schema ?? { type: "string" }, pools, name).map(asText), weight: 4 },
      { arbitrary: hostileString, weight: 2 },
    );
    const w = (arbitrary: fc.Arbitrary<string[]>, weight: number) => ({ arbitrary, weight });
    const key = encode(name);
    return fc.oneof(
      w(
        one.map((v) => [`${key}=${encode(v)}`]),
        5,
      ),
      w(
        fc.array(one, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => `${key}=${encode(v)}`)),
        1,
      ),
      w(
        one.map((v) => [`${key}[]=${encode(v)}`]),
        1,
      ),
      w(fc.constant([key]), 1),
    );
  };
  const extras = fc.constantFrom(
    "__proto__[polluted]=yes",
    "constructor[prototype][polluted]=yes",
    "__proto__=x",
    "a[b][c]=1",
    "%=%",
    "=",
    "&&",
    `x=${"y".repeat(5000)}`,
  );
  // Half the cases: only schema-shaped values, so the route's own code runs past validation.
  const asText = (v: Json) => (typeof v === "string" ? v : JSON.stringify(v));
  const clean = fc
    .tuple(
      ...params.map((p) =>
        fc.option(
          fromSchema(p.schema ?? { type: "string" }, pools, p.name).map(
            (v) => `${encode(p.name)}=${encode(asText(v))}`,
          ),
          { nil: undefined, freq: 4 },
        ),
      ),
    )
    .map((parts) => {
      const present = parts.filter((x): x is string => x !== undefined);
      return present.length ? `?${present.join("&")}` : "";
    });
  const hostile = fc
    .tuple(
      fc.tuple(...params.map((p) => fc.option(pair(p.name, p.schema), { nil: undefined, freq: 3 }))),
      fc.option(extras, { nil: undefined, freq: 4 }),
    )
    .map(([pairs, extra]) => {
      const parts = pairs.flatMap((p) => p ?? []);
      if (extra) parts.push(extra);
      return parts.length ? `?${parts.join("&")}` : "";
    });
  return fc.oneof(clean, hostile);
}
