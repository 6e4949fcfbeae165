import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** The culture module's error codes: every message names the record or field to fix. */
export const cultureErrors: ErrorCatalogue = {
  CULTURE_PROGRAMME_NOT_FOUND: {
    status: 404,
    id: "Program budaya '{id}' tidak ditemukan.",
    en: "Culture programme '{id}' was not found.",
  },
  CULTURE_PROGRAMME_CODE_TAKEN: {
    status: 409,
    id: "Unit ini sudah memiliki program berkode '{code}'.",
    en: "This unit already has a programme with code '{code}'.",
  },
  CULTURE_OCCURRENCE_NOT_FOUND: {
    status: 404,
    id: "Pelaksanaan '{id}' tidak ditemukan.",
    en: "Session '{id}' was not found.",
  },
  CULTURE_NOT_STAFF: {
    status: 400,
    id: "Pegawai '{userId}' ({field}) bukan pegawai unit ini.",
    en: "User '{userId}' ({field}) is not on this unit's staff.",
  },
  CULTURE_DUPLICATE_ATTENDEE: {
    status: 400,
    id: "Pegawai '{userId}' muncul lebih dari sekali dalam daftar hadir.",
    en: "User '{userId}' appears more than once in the attendance list.",
  },
  CULTURE_FILE_INVALID: {
    status: 400,
    id: "Berkas '{id}' tidak ditemukan atau milik unit lain; unggah ulang untuk unit ini.",
    en: "File '{id}' does not exist or belongs to another unit; upload it again for this unit.",
  },
  CULTURE_QUEUE_ENTRY_INVALID: {
    status: 400,
    id: "Antrean narasumber '{id}' tidak ditemukan untuk program ini atau sudah terlaksana.",
    en: "Speaker-queue entry '{id}' was not found for this programme or is already done.",
  },
  CULTURE_DATE_RANGE: {
    status: 400,
    id: "Rentang tanggal tidak sah: '{from}' sampai '{to}' ({reason}).",
    en: "Invalid date range: '{from}' to '{to}' ({reason}).",
  },
  CULTURE_LEAVE_NOT_FOUND: {
    status: 404,
    id: "Data cuti/dinas luar '{id}' tidak ditemukan.",
    en: "Leave record '{id}' was not found.",
  },
  CULTURE_GSP_NO_ELIGIBLE: {
    status: 409,
    id: "Jadwal GSP tidak dapat dibuat: tidak ada pegawai yang dapat bertugas ({reason}). Tambahkan pegawai ke giliran atau periksa data cuti.",
    en: "The GSP schedule cannot be made: no employee is available to speak ({reason}). Add employees to the rotation or check the leave records.",
  },
  CULTURE_GSP_PAST: {
    status: 400,
    id: "Jadwal GSP hanya dapat dibuat ulang mulai hari ini ({today}); giliran sebelum itu disimpan sebagai riwayat.",
    en: "The GSP schedule can only be regenerated from today ({today}); earlier turns are kept as history.",
  },
  CULTURE_GSP_NO_WORKING_DAYS: {
    status: 400,
    id: "Tidak ada hari kerja antara {from} dan {to}.",
    en: "There is no working day between {from} and {to}.",
  },
  CULTURE_GSP_TURN_NOT_FOUND: {
    status: 404,
    id: "Tidak ada giliran GSP pada {date}.",
    en: "There is no GSP turn on {date}.",
  },
};
