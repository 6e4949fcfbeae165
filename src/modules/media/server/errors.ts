import type { ErrorCatalogue } from "../../../kernel/http/errors";
import { mediaDomainErrors } from "../domain/errors";

/** The media module's codes: the workflow's plus the records'. */
export const mediaErrors: ErrorCatalogue = {
  ...mediaDomainErrors,
  MEDIA_ITEM_NOT_FOUND: {
    status: 404,
    id: "Rencana konten '{id}' tidak ditemukan.",
    en: "Content item '{id}' was not found.",
  },
  MEDIA_CHANNEL_NOT_FOUND: {
    status: 404,
    id: "Kanal media '{id}' tidak ditemukan di unit ini.",
    en: "Media channel '{id}' was not found in this unit.",
  },
  MEDIA_CHANNEL_INACTIVE: {
    status: 400,
    id: "Kanal '{name}' tidak aktif; aktifkan kanal itu atau pilih kanal lain.",
    en: "Channel '{name}' is inactive; activate it or choose another channel.",
  },
  MEDIA_CHANNEL_EXISTS: {
    status: 409,
    id: "Unit ini sudah memiliki kanal bernama '{name}'.",
    en: "This unit already has a channel named '{name}'.",
  },
  MEDIA_PUBLICATION_NOT_FOUND: {
    status: 404,
    id: "Publikasi '{id}' tidak ditemukan.",
    en: "Publication '{id}' was not found.",
  },
  MEDIA_ASSIGNEE_INVALID: {
    status: 400,
    id: "Penanggung jawab '{id}' bukan pegawai unit ini.",
    en: "Assignee '{id}' is not an employee of this unit.",
  },
  MEDIA_FILE_NOT_FOUND: {
    status: 404,
    id: "Berkas '{id}' tidak ditemukan.",
    en: "File '{id}' was not found.",
  },
  MEDIA_FILE_OTHER_UNIT: {
    status: 400,
    id: "Berkas '{id}' milik unit lain; unggah lampiran untuk unit konten ini.",
    en: "File '{id}' belongs to another unit; upload attachments for this item's unit.",
  },
  MEDIA_VERSION_CONFLICT: {
    status: 409,
    id: "Konten ini telah diubah orang lain; muat ulang lalu ulangi.",
    en: "This item was changed by someone else; reload and try again.",
  },
  MEDIA_NOT_DELETABLE: {
    status: 409,
    id: "Hanya ide atau draf yang dapat dihapus; konten berstatus '{status}' tetap tercatat.",
    en: "Only ideas and drafts can be deleted; an item with status '{status}' stays on record.",
  },
  MEDIA_REACH_NOT_PUBLISHED: {
    status: 409,
    id: "Angka jangkauan hanya dapat diisi setelah konten terbit.",
    en: "Reach figures can be entered only after the item is published.",
  },
  MEDIA_MONTH_INVALID: {
    status: 400,
    id: "Bulan '{month}' tidak sah; gunakan format TTTT-BB.",
    en: "Month '{month}' is not valid; use YYYY-MM.",
  },
  MEDIA_RANGE_INVALID: {
    status: 400,
    id: "Rentang bulan tidak sah: '{from}' sampai '{to}' (awal harus sebelum akhir, paling lama 24 bulan).",
    en: "Month range not valid: '{from}' to '{to}' (start before end, at most 24 months).",
  },
};
