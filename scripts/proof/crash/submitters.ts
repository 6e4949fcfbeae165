/**
 * The public submissions the crash proof drives, one "submitter" per kind. Each knows how to make
 * one submission over HTTP (in the driver process) and how to find the acknowledged ones in the
 * database afterwards (in the checker, on a read-only connection while the server is down).
 *
 * A submission counts as present only when everything its acknowledgement promised is there: for
 * complaints and whistle-blowing reports the row AND its audit event (written in the same
 * transaction), for survey responses the response row (anonymous: no audit row by design).
 *
 * To add a module's public form: append a submitter to SUBMITTERS (the driver picks among them at
 * random, the checker asks each for what is present, the summary line counts each kind).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type SQLite from "better-sqlite3";
import { pick } from "./rng";

/** What the driver knows about the installation it submits to. */
export interface Targets {
  unitCode: string;
  /** Codes of survey periods open today at that unit. */
  surveyCodes: string[];
}

export interface SubmitContext {
  baseUrl: string;
  targets: Targets;
  /** A marker unique to this submission (put into a free-text field when no number comes back). */
  marker: string;
  /** The (simulated) citizen's address, sent as X-Forwarded-For (the server runs with TRUST_PROXY=1). */
  address: string;
  random: () => number;
  /** Per-driver cache (e.g. survey forms), kept across cycles. */
  cache: Map<string, unknown>;
}

/**
 * How one attempt ended: acknowledged (2xx, with what identifies it) or refused with a status
 * (0: no answer, the server is down; -1: the driver could not build a submission).
 */
export type Outcome = { ack: string } | { status: number; body: string };

export interface Submitter {
  kind: string;
  submit(c: SubmitContext): Promise<Outcome>;
  /**
   * Identities (as returned in `ack`) of this kind found complete in the database (and, for kinds
   * with uploads, in the file store under `filesDir`).
   */
  present(db: SQLite.Database, filesDir: string): Set<string>;
  /**
   * For a module still being built: false when its public route is not registered at all (then the
   * run says "skipped" for it). Any other answer counts as available, and the kind must then be
   * acknowledged like every other.
   */
  available?(baseUrl: string, targets: Targets): Promise<boolean>;
}

/** The marker prefix: every body the driver writes carries it, nothing else does. */
export const MARKER_PREFIX = "crash-proof";

async function request(c: SubmitContext, method: string, path: string, json?: unknown) {
  const res = await fetch(`${c.baseUrl}${path}`, {
    method,
    headers: {
      "x-forwarded-for": c.address,
      "accept-language": "id",
      ...(json === undefined ? {} : { "content-type": "application/json" }),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, text };
}

const refused = (r: { status: number; text: string }): Outcome => ({
  status: r.status,
  body: r.text.slice(0, 300),
});

const surveyResponses: Submitter = {
  kind: "survey",
  async submit(c) {
    const code = pick(c.random, c.targets.surveyCodes);
    const key = `survey-form:${code}`;
    let form = c.cache.get(key) as { kind: { elements: { code: string }[] }; serviceTypes: string[] };
    if (!form) {
      const r = await request(c, "GET", `/api/public/surveys/${code}`);
      if (r.status !== 200) return refused(r);
      form = JSON.parse(r.text);
      c.cache.set(key, form);
    }
    const scores = Object.fromEntries(
      form.kind.elements.map((e) => [e.code, 1 + Math.floor(c.random() * 4)]),
    );
    const body = {
      scores,
      ...(form.serviceTypes.length ? { serviceType: pick(c.random, form.serviceTypes) } : {}),
      comment: c.marker,
    };
    // No device cookie is sent: every submission is a new respondent (one per device still holds).
    const r = await request(c, "POST", `/api/public/surveys/${code}/responses`, body);
    return r.status === 201 ? { ack: c.marker } : refused(r);
  },
  present(db) {
    const rows = db
      .prepare("select comment from survey_responses where comment like ?")
      .pluck()
      .all(`${MARKER_PREFIX} %`) as string[];
    return new Set(rows);
  },
};

const complaints: Submitter = {
  kind: "complaint",
  async submit(c) {
    const r = await request(c, "POST", "/api/public/complaints", {
      unitCode: c.targets.unitCode,
      category: pick(c.random, ["pengaduan", "aspirasi", "permintaan_informasi"] as const),
      service: "Lelang",
      description: `Antrean loket lelang terlalu lama (${c.marker}).`,
      ...(c.random() < 0.5 ? { contactEmail: `warga+${c.marker.replace(/\W/g, "")}@contoh.test` } : {}),
    });
    if (r.status !== 201) return refused(r);
    return { ack: (JSON.parse(r.text) as { code: string }).code };
  },
  present(db) {
    const rows = db
      .prepare(
        "select c.code from cmp_cases c join audit_events a on a.entity_id = c.id and a.action = 'complaints.received' where c.description like ?",
      )
      .pluck()
      .all(`%(${MARKER_PREFIX} %`) as string[];
    return new Set(rows);
  },
};

/** Leading zero bits of a SHA-256 digest (the whistle-blowing channel's proof of work). */
function zeroBits(d: Buffer): number {
  let n = 0;
  for (const b of d) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export function solvePow(challenge: string, bits: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (zeroBits(createHash("sha256").update(`${challenge}:${nonce}`).digest()) >= bits) return nonce;
  }
}

const wbsReports: Submitter = {
  kind: "wbs",
  async submit(c) {
    const ch = await request(c, "GET", "/api/public/wbs/challenge");
    if (ch.status !== 200) return refused(ch);
    const { challenge, bits } = JSON.parse(ch.text) as { challenge: string; bits: number };
    const r = await request(c, "POST", `/api/public/wbs/units/${c.targets.unitCode}/reports`, {
      pow: { challenge, nonce: solvePow(challenge, bits) },
      category: "pungli",
      aboutHead: c.random() < 0.2,
      subject: "Petugas loket",
      description: `Diminta uang tambahan saat menyerahkan berkas (${c.marker}).`,
      ...(c.random() < 0.3 ? { identity: { name: "Warga", contact: "warga@contoh.test" } } : {}),
    });
    if (r.status !== 201) return refused(r);
    return { ack: (JSON.parse(r.text) as { code: string }).code };
  },
  present(db) {
    const rows = db
      .prepare(
        "select w.code from wbs_reports w join audit_events a on a.entity_id = w.id and a.action = 'wbs.report.received' where w.description like ?",
      )
      .pluck()
      .all(`%(${MARKER_PREFIX} %`) as string[];
    return new Set(rows);
  },
};

/** A tiny PDF (sniffed by its magic bytes); the marker makes its content, and so its store key, unique. */
const tinyPdf = (marker: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${marker}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

/** The file store's content key layout (src/kernel/files/driver.ts contentKey), local driver. */
function storedFileIntact(filesDir: string, sha256: string): boolean {
  try {
    const bytes = readFileSync(join(filesDir, "sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    return createHash("sha256").update(bytes).digest("hex") === sha256;
  } catch {
    return false;
  }
}

interface SrService {
  code: string;
  releaseRule: string;
  fields: {
    key: string;
    kind: string;
    required: boolean;
    maxLength?: number;
    options?: { value: string }[];
  }[];
  requirements: { key: string; required: boolean; requiredWhen?: unknown; allowedTypes: string[] }[];
}

function srFieldValue(f: SrService["fields"][number]): string {
  switch (f.kind) {
    case "number":
    case "money":
      return "1500000";
    case "date":
      return "2026-01-15";
    case "email":
      return "warga@contoh.test";
    case "phone":
      return "081234567890";
    case "select":
      return f.options?.[0]?.value ?? "";
    default:
      return "Isian uji ketahanan".slice(0, f.maxLength ?? 60);
  }
}

/**
 * Service requests (ALASCA, src/modules/service-requests): a service of the unit that needs no
 * recorded auction payment, its required fields filled, one tiny PDF uploaded per document it may
 * require, then the submission. The marker goes into the requester's name.
 */
const serviceRequests: Submitter = {
  kind: "service-request",
  async available(baseUrl, targets) {
    const res = await fetch(`${baseUrl}/api/public/requests/units/${targets.unitCode}`);
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    return !(res.status === 404 && body?.error?.code === "NOT_FOUND");
  },
  async submit(c) {
    const key = "sr-unit";
    let services = c.cache.get(key) as SrService[] | undefined;
    if (!services) {
      const r = await request(c, "GET", `/api/public/requests/units/${c.targets.unitCode}`);
      if (r.status !== 200) return refused(r);
      services = (JSON.parse(r.text) as { services: SrService[] }).services.filter(
        (s) =>
          s.releaseRule === "none" &&
          s.requirements.every((q) => !(q.required || q.requiredWhen) || q.allowedTypes.includes("pdf")),
      );
      if (!services.length) return { status: -1, body: "the unit offers no service without a payment rule" };
      c.cache.set(key, services);
    }
    const service = pick(c.random, services);
    const documents: { requirementKey: string; uploadId: string; token: string }[] = [];
    for (const q of service.requirements.filter((q) => q.required || q.requiredWhen)) {
      const form = new FormData();
      form.append("unitCode", c.targets.unitCode);
      form.append(
        "file",
        new Blob([tinyPdf(`${c.marker} ${q.key}`)], { type: "application/pdf" }),
        `${q.key}.pdf`,
      );
      const res = await fetch(`${c.baseUrl}/api/public/requests/uploads`, {
        method: "POST",
        headers: { "x-forwarded-for": c.address },
        body: form,
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      if (res.status !== 200 && res.status !== 201) return refused({ status: res.status, text });
      const up = JSON.parse(text) as { uploadId: string; token: string };
      documents.push({ requirementKey: q.key, uploadId: up.uploadId, token: up.token });
    }
    const fields = Object.fromEntries(
      service.fields.filter((f) => f.required).map((f) => [f.key, srFieldValue(f)]),
    );
    const r = await request(c, "POST", "/api/public/requests", {
      unitCode: c.targets.unitCode,
      serviceCode: service.code,
      fields,
      documents,
      requester: { name: `Warga ${c.marker}`, email: "warga@contoh.test", phone: null },
      lang: "id",
    });
    if (r.status !== 201 && r.status !== 200) return refused(r);
    return { ack: (JSON.parse(r.text) as { number: string }).number };
  },
  present(db, filesDir) {
    // The request, its audit event, as many documents as the audit event counted, and each
    // document's bytes in the file store, hashing to the sha256 the database holds for them.
    const rows = db
      .prepare(
        `select r.number, a.data, (select count(*) from sr_documents d where d.request_id = r.id) documents,
           (select group_concat(f.sha256) from sr_documents d join files f on f.id = d.file_id where d.request_id = r.id) hashes
         from sr_requests r join audit_events a on a.entity_id = r.id and a.action = 'requests.submitted'
         where r.requester_name like ?`,
      )
      .all(`Warga ${MARKER_PREFIX} %`) as {
      number: string;
      data: string;
      documents: number;
      hashes: string | null;
    }[];
    const found = new Set<string>();
    for (const r of rows) {
      const counted = (JSON.parse(r.data) as { documents?: number }).documents ?? 0;
      const hashes = r.hashes ? r.hashes.split(",") : [];
      if (
        r.documents === counted &&
        hashes.length === counted &&
        hashes.every((h) => storedFileIntact(filesDir, h))
      )
        found.add(r.number);
    }
    return found;
  },
};

export const SUBMITTERS: readonly Submitter[] = [surveyResponses, complaints, wbsReports, serviceRequests];
