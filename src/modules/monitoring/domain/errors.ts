import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** The monev codes: each message names the field or record so a person can fix it. */
export const monevErrors: ErrorCatalogue = {
  MONEV_DATE_INVALID: {
    status: 400,
    id: "Tanggal '{field}' tidak sah: '{value}'. Gunakan format YYYY-MM-DD.",
    en: "Date '{field}' is not valid: '{value}'. Use YYYY-MM-DD.",
  },
  MONEV_DUE_BEFORE_MEETING: {
    status: 400,
    id: "Batas waktu tindak lanjut ({dueDate}) tidak boleh sebelum tanggal rapat ({meetingDate}).",
    en: "The follow-up's due date ({dueDate}) cannot be before the meeting date ({meetingDate}).",
  },
  MONEV_MEETING_AFTER_DUE: {
    status: 400,
    id: "Tanggal rapat ({date}) tidak boleh setelah batas waktu tindak lanjutnya ({earliestDue}).",
    en: "The meeting date ({date}) cannot be after the due date of one of its follow-ups ({earliestDue}).",
  },
  MONEV_STATUS_CHANGE: {
    status: 409,
    id: "Status tindak lanjut tidak dapat diubah dari '{from}' menjadi '{to}'. Buka kembali terlebih dahulu.",
    en: "A follow-up cannot go from '{from}' to '{to}'. Reopen it first.",
  },
  MONEV_COMPLETED_BEFORE_MEETING: {
    status: 400,
    id: "Tanggal selesai ({completedOn}) tidak boleh sebelum tanggal rapat ({meetingDate}).",
    en: "The completion date ({completedOn}) cannot be before the meeting date ({meetingDate}).",
  },
  MONEV_COMPLETED_IN_FUTURE: {
    status: 400,
    id: "Tanggal selesai ({completedOn}) tidak boleh setelah hari ini ({today}).",
    en: "The completion date ({completedOn}) cannot be after today ({today}).",
  },
  MONEV_DROP_REASON_REQUIRED: {
    status: 400,
    id: "Tindak lanjut yang dibatalkan memerlukan alasan.",
    en: "A dropped follow-up needs a reason.",
  },
  MONEV_PERIOD_INVALID: {
    status: 400,
    id: "Periode '{period}' tidak dikenal; gunakan YYYY, YYYY-MM atau YYYY-Qn.",
    en: "Unknown period '{period}'; use YYYY, YYYY-MM or YYYY-Qn.",
  },
};
