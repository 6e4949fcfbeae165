/**
 * Hostile and boundary values for the fuzzer. Each is a JSON value (or, for `rawBodies`, a raw
 * request body) a careless server would choke on: huge and deep inputs, prototype-pollution keys,
 * wrong types, number edge cases, Unicode edge cases, SQL and HTML payloads, invalid dates.
 */

/** The app's body limit (src/server/app.ts bodyLimit). */
export const BODY_LIMIT = 1024 * 1024;

/** One MiB of text, and a string just small enough that a body holding it passes the body limit. */
export const HUGE = "A".repeat(BODY_LIMIT);
export const NEAR_LIMIT = "é".repeat(Math.floor((BODY_LIMIT - 4096) / 2));

/** 10,000 levels of nesting, as JSON text (building it as objects would itself be the test). */
export const DEEP_ARRAY_JSON = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
export const DEEP_OBJECT_JSON = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;

export const SQL_PAYLOADS = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  "; DROP TABLE units",
  '" OR ""="',
  "1' UNION SELECT name, sql FROM sqlite_master --",
  "admin'--",
  "1; SELECT pg_sleep(10) --",
  "%' AND 1=0 UNION SELECT * FROM sessions --",
  "\\'; --",
];

export const HTML_PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  "${7*7}",
  '=HYPERLINK("http://evil","x")',
  "+cmd|' /C calc'!A0",
];

export const UNICODE_EDGE = [
  "\uD800", // lone high surrogate
  "\uDFFF", // lone low surrogate
  "a\uD83D", // truncated emoji
  "\u202Egnp.exe", // right-to-left override
  "\u200F\u200E\u061C", // RTL/LTR marks
  "a\u0000b", // NUL
  "\u0000",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", // stacked combining marks
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\uFEFF", // byte-order mark
  "\u2028\u2029", // line and paragraph separators
  "\u00A0", // no-break space only
  "   ",
  "",
  "\r\n\t",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "İı", // case-mapping traps
  "Ａｄｍｉｎ", // full-width
  "\uFFFF\uFFFE",
];

export const NUMBERISH_STRINGS = [
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-0",
  "0x1F",
  "1_000",
  "９",
  "9007199254740993",
  "-1",
  "1.5",
  " 1",
  "null",
  "undefined",
  "true",
];

export const DATE_STRINGS = [
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "9999-12-31",
  "-000001-01-01",
  "2026-1-1",
  "2026-02-29",
  "2024-02-29",
  "20261127",
  "2026-11-27T25:61:61Z",
  "2026-11-27T02:00:00.000+99:99",
  "Invalid Date",
  "1970-01-01T00:00:00Z",
  "275760-09-13T00:00:00.001Z",
];

export const NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  -2147483649,
  2147483648,
  9007199254740991,
  -9007199254740991,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  4294967296,
];

/** Keys that pollute prototypes when merged carelessly. */
export const PROTO_KEYS = ["__proto__", "constructor", "prototype"];

/** A JSON text whose own "__proto__" / "constructor.prototype" keys try to pollute Object.prototype. */
export const POLLUTION_JSON = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":{"__proto__":{"polluted":"yes"}},"b":[{"__proto__":{"polluted":"yes"}}]}',
];

/** Path segments that try to escape a route or a file store. */
export const PATH_SEGMENTS = [
  "..",
  "../",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "%2e%2e%2f%2e%2e",
  "%252e%252e",
  "..\\..\\windows",
  "%00",
  "a%00.pdf",
  "%",
  "%zz",
  "%C0%AE%C0%AE",
  "%E2%80%AE",
  "%F0%9F%98%80",
  ".",
  "~",
  "x".repeat(201),
  "1e309",
  "-1",
  "0",
  "NaN",
  "null",
  "__proto__",
  "constructor",
  "'%20OR%201=1%20--",
  "%3Cscript%3E",
  "%D8%00",
];

/** Raw bodies that are not the JSON a route expects. */
export const RAW_BODIES: Array<{ body: string; contentType: string }> = [
  { body: "", contentType: "application/json" },
  { body: "{", contentType: "application/json" },
  { body: "null", contentType: "application/json" },
  { body: "[]", contentType: "application/json" },
  { body: '"x"', contentType: "application/json" },
  { body: "1e309", contentType: "application/json" },
  { body: "NaN", contentType: "application/json" },
  { body: '{"a":1,"a":2}', contentType: "application/json" },
  { body: '{"x":"\\ud800"}', contentType: "application/json" },
  { body: "\uFEFF{}", contentType: "application/json" },
  { body: DEEP_ARRAY_JSON, contentType: "application/json" },
  { body: DEEP_OBJECT_JSON, contentType: "application/json" },
  { body: JSON.stringify({ x: HUGE }), contentType: "application/json" },
  { body: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
  { body: "plain text", contentType: "text/plain" },
  { body: "<x/>", contentType: "application/xml" },
  { body: "{}", contentType: "application/json; charset=utf-16" },
  { body: "--x\r\n\r\n", contentType: "multipart/form-data; boundary=x" },
  { body: "{}", contentType: "multipart/form-data" },
  ...POLLUTION_JSON.map((body) => ({ body, contentType: "application/json" })),
];
