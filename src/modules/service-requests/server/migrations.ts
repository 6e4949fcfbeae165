import type { MigrationSet } from "../../../kernel/db/migrations";
import { normalizeIdPhone } from "../contract";

/**
 * Service-request tables (prefix sr_). Instants are ISO text; JSON as text; booleans 0/1. A request
 * keeps a snapshot of its service (fields, requirements, SLA hours) so later catalogue edits never
 * change an old request's rules; the calendar is applied live, so holiday edits are reflected.
 * The requester login tables (sr_otps, sr_requester_sessions) are keyed by e-mail, not by unit:
 * their unit_id is the unit of the login page when known, else null. Since sr_phone_login they are
 * keyed by e-mail or by phone: a phone row has `phone` (E.164, +628…) and an empty `email`.
 */
export const serviceRequestMigrations: MigrationSet = {
  "20261210T0900_sr_tables": {
    async up(db) {
      await db.schema
        .createTable("sr_services")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("starter_key", "text")
        .addColumn("name_id", "text", (c) => c.notNull())
        .addColumn("name_en", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("active", "integer", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sr_services_unit_code")
        .unique()
        .on("sr_services")
        .columns(["unit_id", "code"])
        .execute();

      await db.schema
        .createTable("sr_requests")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("service_id", "text", (c) => c.notNull().references("sr_services.id"))
        .addColumn("number", "text", (c) => c.notNull().unique())
        .addColumn("secret_salt", "text", (c) => c.notNull())
        .addColumn("secret_hash", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("fields", "text", (c) => c.notNull())
        .addColumn("service_snapshot", "text", (c) => c.notNull())
        .addColumn("requester_name", "text", (c) => c.notNull())
        .addColumn("requester_email", "text", (c) => c.notNull())
        .addColumn("requester_phone", "text")
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("assignee_id", "text")
        .addColumn("assignee_name", "text")
        .addColumn("first_response_at", "text")
        .addColumn("submitted_at", "text", (c) => c.notNull())
        .addColumn("submitted_date", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("reject_reason", "text")
        .addColumn("docs_requested", "text")
        .addColumn("rating", "integer")
        .addColumn("rating_comment", "text")
        .addColumn("rated_at", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sr_requests_unit_state")
        .on("sr_requests")
        .columns(["unit_id", "state"])
        .execute();
      await db.schema
        .createIndex("sr_requests_email")
        .on("sr_requests")
        .columns(["requester_email"])
        .execute();
      await db.schema
        .createIndex("sr_requests_unit_date")
        .on("sr_requests")
        .columns(["unit_id", "submitted_date"])
        .execute();

      await db.schema
        .createTable("sr_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("request_id", "text", (c) => c.notNull().references("sr_requests.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("from_state", "text")
        .addColumn("to_state", "text")
        .addColumn("actor_id", "text")
        .addColumn("actor_name", "text")
        .addColumn("visibility", "text", (c) => c.notNull())
        .addColumn("body", "text")
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sr_events_request")
        .on("sr_events")
        .columns(["request_id", "seq"])
        .execute();

      await db.schema
        .createTable("sr_documents")
        .addColumn("request_id", "text", (c) => c.notNull().references("sr_requests.id"))
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("requirement_key", "text")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("added_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("sr_documents_pk", ["request_id", "file_id"])
        .execute();

      await db.schema
        .createTable("sr_uploads")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("token_hash", "text", (c) => c.notNull())
        .addColumn("request_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("sr_produced")
        .addColumn("doc_code", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("request_id", "text", (c) => c.notNull().references("sr_requests.id"))
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("sha256", "text", (c) => c.notNull())
        .addColumn("issued_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sr_produced_number")
        .unique()
        .on("sr_produced")
        .columns(["unit_id", "number"])
        .execute();
      await db.schema.createIndex("sr_produced_request").on("sr_produced").columns(["request_id"]).execute();

      await db.schema
        .createTable("sr_doc_sequences")
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("series", "text", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("last", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("sr_doc_sequences_pk", ["unit_id", "series", "year"])
        .execute();

      await db.schema
        .createTable("sr_payments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("auction_ref", "text", (c) => c.notNull())
        .addColumn("buyer_name", "text", (c) => c.notNull())
        .addColumn("object_description", "text", (c) => c.notNull())
        .addColumn("amount", "bigint", (c) => c.notNull())
        .addColumn("paid_in_full", "integer", (c) => c.notNull())
        .addColumn("paid_at", "text")
        .addColumn("land_or_building", "integer", (c) => c.notNull())
        .addColumn("recorded_by", "text", (c) => c.notNull())
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("sr_payments_ref")
        .unique()
        .on("sr_payments")
        .columns(["unit_id", "auction_ref"])
        .execute();

      await db.schema
        .createTable("sr_otps")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text")
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("salt", "text", (c) => c.notNull())
        .addColumn("code_hash", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sr_otps_email").on("sr_otps").columns(["email", "created_at"]).execute();

      await db.schema
        .createTable("sr_requester_sessions")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text")
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  /**
   * Sign-in by a WhatsApp one-time code: the phone (E.164) on codes and sessions, and the requester's
   * phone normalised the same way on requests (the raw text as typed stays in requester_phone).
   */
  "20261211T0900_sr_phone_login": {
    async up(db) {
      await db.schema.alterTable("sr_requests").addColumn("requester_phone_e164", "text").execute();
      await db.schema
        .createIndex("sr_requests_phone")
        .on("sr_requests")
        .columns(["requester_phone_e164"])
        .execute();
      const rows = await db
        .selectFrom("sr_requests")
        .select(["id", "requester_phone"])
        .where("requester_phone", "is not", null)
        .execute();
      for (const r of rows) {
        const e164 = normalizeIdPhone(String(r.requester_phone));
        if (e164)
          await db
            .updateTable("sr_requests")
            .set({ requester_phone_e164: e164 })
            .where("id", "=", r.id)
            .execute();
      }
      await db.schema.alterTable("sr_otps").addColumn("phone", "text").execute();
      await db.schema.createIndex("sr_otps_phone").on("sr_otps").columns(["phone", "created_at"]).execute();
      await db.schema.alterTable("sr_requester_sessions").addColumn("phone", "text").execute();
    },
  },
};
