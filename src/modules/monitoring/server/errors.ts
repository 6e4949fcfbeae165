import type { ErrorCatalogue } from "../../../kernel/http/errors";
import { monevErrors } from "../domain/errors";

/** The module's error codes: the domain's (dates, statuses, periods) plus records and people. */
export const monevServerErrors: ErrorCatalogue = {
  ...monevErrors,
  MONEV_MEETING_NOT_FOUND: {
    status: 404,
    id: "Rapat '{id}' tidak ditemukan.",
    en: "Meeting '{id}' was not found.",
  },
  MONEV_FOLLOW_UP_NOT_FOUND: {
    status: 404,
    id: "Tindak lanjut '{id}' tidak ditemukan.",
    en: "Follow-up '{id}' was not found.",
  },
  MONEV_OWNER_REQUIRED: {
    status: 400,
    id: "Tindak lanjut harus memiliki penanggung jawab (ownerId).",
    en: "A follow-up needs an owner (ownerId).",
  },
  MONEV_NOT_UNIT_MEMBER: {
    status: 400,
    id: "Pengguna '{id}' ({field}) bukan pegawai aktif unit ini.",
    en: "User '{id}' ({field}) is not an active employee of this unit.",
  },
  MONEV_NOT_OWNER: {
    status: 403,
    id: "Hanya penanggung jawab tindak lanjut ini atau pengelola monev unit yang dapat mengubah statusnya.",
    en: "Only this follow-up's owner or the unit's monev managers can change its status.",
  },
  MONEV_NOT_IN_MEETING: {
    status: 400,
    id: "Tindak lanjut '{id}' tidak dibahas dalam rapat '{meetingId}'.",
    en: "Follow-up '{id}' is not on meeting '{meetingId}'.",
  },
  MONEV_VERSION_CONFLICT: {
    status: 409,
    id: "Rapat ini telah diubah orang lain; muat ulang lalu ulangi.",
    en: "This meeting was changed by someone else; reload and try again.",
  },
  MONEV_FILE_NOT_FOUND: {
    status: 404,
    id: "Berkas '{id}' tidak ditemukan.",
    en: "File '{id}' was not found.",
  },
  MONEV_FILE_OTHER_UNIT: {
    status: 400,
    id: "Berkas '{file}' milik unit lain; unggah berkas untuk unit rapat ini.",
    en: "File '{file}' belongs to another unit; upload it for this meeting's unit.",
  },
  MONEV_RANGE_INVALID: {
    status: 400,
    id: "Rentang tanggal {from} s.d. {to} tidak sah (awal harus sebelum akhir, paling lama 20 tahun).",
    en: "The date range {from} to {to} is not valid (start before end, at most 20 years).",
  },
};
