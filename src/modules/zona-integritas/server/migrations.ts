import type { MigrationSet } from "../../../kernel/db/migrations";

/**
 * Zona Integritas tables. Every table carries unit_id (scope filters without joins). Answers keep
 * their exact value ("n/d") for the engine and a double for plain SQL aggregates; zi_scores holds
 * each column's score after every write, so the multi-unit table is one indexed read.
 */
export const ziMigrations: MigrationSet = {
  "20261202T0001_zi_cycles": {
    async up(db) {
      await db.schema
        .createTable("zi_cycles")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("rubric_id", "text", (c) => c.notNull())
        .addColumn("stage", "text", (c) => c.notNull())
        .addColumn("prior_wbk", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("pact_percent", "double precision")
        .addColumn("declaration_date", "text")
        .addColumn("declaration_file_id", "text")
        .addColumn("result", "text")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("zi_cycles_unit_year", ["unit_id", "year"])
        .execute();
      await db.schema.createIndex("zi_cycles_year").on("zi_cycles").columns(["year", "unit_id"]).execute();

      await db.schema
        .createTable("zi_answers")
        .addColumn("cycle_id", "text", (c) => c.notNull().references("zi_cycles.id"))
        .addColumn("col", "text", (c) => c.notNull())
        .addColumn("question_key", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("answer", "text")
        .addColumn("value_exact", "text", (c) => c.notNull())
        .addColumn("points_exact", "text", (c) => c.notNull())
        .addColumn("points_num", "double precision", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("source", "text")
        .addColumn("updated_by", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("zi_answers_pk", ["cycle_id", "col", "question_key"])
        .execute();

      await db.schema
        .createTable("zi_evidence")
        .addColumn("cycle_id", "text", (c) => c.notNull().references("zi_cycles.id"))
        .addColumn("question_key", "text", (c) => c.notNull())
        .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("linked_by", "text")
        .addColumn("linked_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("zi_evidence_pk", ["cycle_id", "question_key", "file_id"])
        .execute();

      await db.schema
        .createTable("zi_scores")
        .addColumn("cycle_id", "text", (c) => c.notNull().references("zi_cycles.id"))
        .addColumn("col", "text", (c) => c.notNull())
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("total", "double precision", (c) => c.notNull())
        .addColumn("pengungkit", "double precision", (c) => c.notNull())
        .addColumn("hasil", "double precision", (c) => c.notNull())
        // every node's points as exact "n/d" text, so readiness is judged without re-scoring
        .addColumn("points", "text", (c) => c.notNull())
        .addColumn("answered", "integer", (c) => c.notNull())
        .addColumn("with_evidence", "integer", (c) => c.notNull())
        .addColumn("ready_wbk", "integer", (c) => c.notNull())
        .addColumn("ready_wbbm", "integer", (c) => c.notNull())
        .addColumn("failing_wbk", "text", (c) => c.notNull())
        .addColumn("failing_wbbm", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("zi_scores_pk", ["cycle_id", "col"])
        .execute();

      await db.schema
        .createTable("zi_history")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("cycle_id", "text", (c) => c.notNull().references("zi_cycles.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("col", "text")
        .addColumn("question_key", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("answer", "text")
        .addColumn("note", "text")
        .addColumn("file_id", "text")
        .addColumn("actor_id", "text")
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("zi_history_question")
        .on("zi_history")
        .columns(["cycle_id", "question_key", "at"])
        .execute();

      await db.schema
        .createTable("zi_stage_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("cycle_id", "text", (c) => c.notNull().references("zi_cycles.id"))
        .addColumn("unit_id", "text", (c) => c.notNull())
        .addColumn("command", "text")
        .addColumn("from_stage", "text")
        .addColumn("to_stage", "text", (c) => c.notNull())
        .addColumn("actor_id", "text")
        .addColumn("actor_name", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("zi_stage_events_cycle")
        .on("zi_stage_events")
        .columns(["cycle_id", "at"])
        .execute();

      // Editable thresholds per rubric (gates the sources leave unconfirmed are configuration).
      await db.schema
        .createTable("zi_threshold_overrides")
        .addColumn("rubric_id", "text", (c) => c.notNull())
        .addColumn("gate_key", "text", (c) => c.notNull())
        .addColumn("predicate", "text", (c) => c.notNull())
        .addColumn("value", "text")
        .addColumn("updated_by", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("zi_threshold_overrides_pk", ["rubric_id", "gate_key", "predicate"])
        .execute();

      await db.schema
        .createTable("zi_settings")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "20261202T0002_zi_record_links": {
    async up(db) {
      // Records of other modules (a work-plan activity, a meeting, a published post) offered as
      // evidence for worksheet questions. Per unit, not per cycle: the record stays evidence across cycles.
      await db.schema
        .createTable("zi_record_links")
        .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
        .addColumn("question_key", "text", (c) => c.notNull())
        .addColumn("module", "text", (c) => c.notNull())
        .addColumn("record_type", "text", (c) => c.notNull())
        .addColumn("record_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("path", "text", (c) => c.notNull())
        .addColumn("linked_by", "text")
        .addColumn("linked_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("zi_record_links_pk", [
          "unit_id",
          "question_key",
          "module",
          "record_type",
          "record_id",
        ])
        .execute();
      await db.schema
        .createIndex("zi_record_links_record")
        .on("zi_record_links")
        .columns(["module", "record_type", "record_id"])
        .execute();
    },
  },
};
