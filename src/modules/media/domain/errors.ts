import type { ErrorCatalogue } from "../../../kernel/http/errors";

/** The media domain's codes: every message says what to fix. */
export const mediaDomainErrors: ErrorCatalogue = {
  MEDIA_TRANSITION_INVALID: {
    status: 409,
    id: "Perintah '{command}' tidak dapat dijalankan pada status '{status}'; hanya dari: {allowedFrom}.",
    en: "Command '{command}' cannot run at status '{status}'; only from: {allowedFrom}.",
  },
  MEDIA_SELF_APPROVAL: {
    status: 403,
    id: "Anda tidak dapat menyetujui atau menolak konten yang Anda tulis atau ajukan sendiri; mintalah pimpinan atau koordinator lain.",
    en: "You cannot approve or reject content you wrote or submitted yourself; ask the head or another coordinator.",
  },
  MEDIA_REASON_REQUIRED: {
    status: 400,
    id: "Penolakan memerlukan alasan agar penulis tahu apa yang harus diperbaiki.",
    en: "A rejection needs a reason so the author knows what to fix.",
  },
  MEDIA_URL_INVALID: {
    status: 400,
    id: "Tautan publikasi '{url}' tidak sah: gunakan alamat lengkap yang diawali https:// atau http://.",
    en: "Publication link '{url}' is not valid: give a full address starting with https:// or http://.",
  },
  MEDIA_PUBLICATION_REQUIRED: {
    status: 400,
    id: "Publikasi memerlukan minimal satu tautan unggahan beserta kanal dan tanggal terbitnya.",
    en: "Publishing needs at least one posted link with its channel and publication date.",
  },
  MEDIA_PUBLISH_DATE_ORDER: {
    status: 400,
    id: "Tanggal terbit {publishedOn} tidak sah: harus antara tanggal persetujuan ({approvedOn}) dan hari ini ({today}).",
    en: "Publication date {publishedOn} is not valid: it must be between the approval date ({approvedOn}) and today ({today}).",
  },
  MEDIA_CHANNEL_NOT_ON_ITEM: {
    status: 400,
    id: "Kanal '{channel}' bukan kanal rencana konten ini; tambahkan kanal itu pada konten terlebih dahulu.",
    en: "Channel '{channel}' is not one of this item's planned channels; add it to the item first.",
  },
  MEDIA_CHANNEL_DUPLICATE: {
    status: 400,
    id: "Kanal '{channel}' disebut lebih dari sekali.",
    en: "Channel '{channel}' is given more than once.",
  },
  MEDIA_REACH_INVALID: {
    status: 400,
    id: "Angka jangkauan '{field}' harus bilangan bulat tidak negatif; diterima {value}.",
    en: "Reach figure '{field}' must be a non-negative whole number; got {value}.",
  },
  MEDIA_NOT_EDITABLE: {
    status: 409,
    id: "Konten berstatus '{status}' tidak dapat diubah; tarik kembali ke draf terlebih dahulu.",
    en: "Content with status '{status}' cannot be edited; return it to draft first.",
  },
  MEDIA_DATE_INVALID: {
    status: 400,
    id: "Tanggal '{date}' tidak sah; gunakan format TTTT-BB-HH.",
    en: "Date '{date}' is not valid; use YYYY-MM-DD.",
  },
};
