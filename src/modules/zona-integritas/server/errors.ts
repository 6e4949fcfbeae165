import type { ErrorCatalogue } from "../../../kernel/http/errors";
import { ziErrors } from "../domain/errors";

/** The module's error codes: the domain's (answers, rubrics) plus the cycle and worksheet rules. */
export const ziServerErrors: ErrorCatalogue = {
  ...ziErrors,
  ZI_CYCLE_NOT_FOUND: {
    status: 404,
    id: "Siklus ZI '{id}' tidak ditemukan.",
    en: "ZI cycle '{id}' was not found.",
  },
  ZI_CYCLE_EXISTS: {
    status: 409,
    id: "Unit ini sudah memiliki siklus ZI tahun {year}.",
    en: "This unit already has a ZI cycle for {year}.",
  },
  ZI_STAGE_ORDER: {
    status: 409,
    id: "Perintah '{command}' tidak dapat dijalankan pada tahap '{stage}'; hanya dari tahap: {allowedFrom}.",
    en: "Command '{command}' cannot run at stage '{stage}'; only from: {allowedFrom}.",
  },
  ZI_DECLARATION_MISSING: {
    status: 409,
    id: "Pencanangan belum tercatat: isikan tanggal pencanangan dan unggah berita acara/dokumentasinya.",
    en: "The declaration is not recorded: enter its date and upload its minutes or photos.",
  },
  ZI_PACT_INCOMPLETE: {
    status: 409,
    id: "Pakta integritas harus ditandatangani seluruh pegawai (100%); tercatat {percent}%.",
    en: "Every employee must sign the integrity pact (100%); recorded {percent}%.",
  },
  ZI_NOT_READY: {
    status: 409,
    id: "Nilai TPI belum memenuhi syarat predikat; komponen yang belum terpenuhi: {gates}.",
    en: "The TPI score does not meet the predicate's requirements; failing gates: {gates}.",
  },
  ZI_PROPOSAL_DEADLINE_PASSED: {
    status: 409,
    id: "Batas waktu pengusulan ({deadline}) telah lewat (hari ini {today}).",
    en: "The proposal deadline ({deadline}) has passed (today is {today}).",
  },
  ZI_AWARD_NEEDS_FIELD_VISIT: {
    status: 409,
    id: "Predikat hanya dapat ditetapkan setelah evaluasi lapangan (tahap saat ini: {stage}).",
    en: "A predicate can be awarded only after the field evaluation (current stage: {stage}).",
  },
  ZI_DECISION_MISSING: {
    status: 400,
    id: "Penetapan memerlukan keputusan: predikat diberikan atau tidak (awarded).",
    en: "The decision needs 'awarded': whether the predicate is granted.",
  },
  ZI_COLUMN_LOCKED: {
    status: 409,
    id: "Kolom penilaian {column} terkunci pada tahap '{stage}'.",
    en: "The {column} score column is locked at stage '{stage}'.",
  },
  ZI_VERSION_CONFLICT: {
    status: 409,
    id: "Siklus ini telah diubah orang lain; muat ulang lalu ulangi.",
    en: "This cycle was changed by someone else; reload and try again.",
  },
  ZI_FILE_NOT_FOUND: { status: 404, id: "Berkas '{id}' tidak ditemukan.", en: "File '{id}' was not found." },
  ZI_EVIDENCE_OTHER_UNIT: {
    status: 400,
    id: "Berkas '{file}' milik unit lain; data dukung harus diunggah untuk unit siklus ini.",
    en: "File '{file}' belongs to another unit; evidence must be uploaded for this cycle's unit.",
  },
  ZI_DUPLICATE_QUESTION: {
    status: 400,
    id: "Pertanyaan '{question}' muncul lebih dari sekali dalam satu permintaan.",
    en: "Question '{question}' appears more than once in one request.",
  },
  ZI_IMPORT_INVALID: {
    status: 400,
    id: "Berkas tidak diimpor: {count} kesalahan. Pertama: {first}",
    en: "The file was not imported: {count} error(s). First: {first}",
  },
  ZI_IMPORT_FILE_MISSING: {
    status: 400,
    id: "Kirim berkas XLSX pada bagian 'file'.",
    en: "Send the XLSX file in the 'file' part.",
  },
  ZI_THRESHOLD_OUT_OF_RANGE: {
    status: 400,
    id: "Ambang batas '{gate}' tidak boleh lebih dari {max}; diterima {value}.",
    en: "Threshold '{gate}' cannot exceed {max}; got {value}.",
  },
  ZI_GATE_UNKNOWN: {
    status: 400,
    id: "Syarat '{gate}' tidak ada dalam rubrik {rubric}.",
    en: "Gate '{gate}' is not in rubric {rubric}.",
  },
};
