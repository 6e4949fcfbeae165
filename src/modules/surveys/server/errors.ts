import type { ErrorCatalogue } from "../../../kernel/http/errors";

export const surveyErrors: ErrorCatalogue = {
  SURVEY_KIND_UNKNOWN: {
    status: 400,
    id: "Jenis survei '{id}' tidak dikenal.",
    en: "Survey kind '{id}' is unknown.",
  },
  SURVEY_PERIOD_NOT_FOUND: {
    status: 404,
    id: "Periode survei '{id}' tidak ditemukan.",
    en: "Survey period '{id}' was not found.",
  },
  SURVEY_NOT_FOUND: {
    status: 404,
    id: "Survei '{code}' tidak ditemukan.",
    en: "Survey '{code}' was not found.",
  },
  SURVEY_UNIT_NOT_FOUND: {
    status: 404,
    id: "Unit '{code}' tidak ditemukan.",
    en: "Unit '{code}' was not found.",
  },
  SURVEY_PERIOD_EXISTS: {
    status: 409,
    id: "Unit ini sudah memiliki survei {kind} untuk periode tersebut.",
    en: "This unit already has a {kind} survey for that period.",
  },
  SURVEY_PART_INVALID: {
    status: 400,
    id: "Bagian periode '{part}' tidak sah untuk jenis periode '{type}'.",
    en: "Period part '{part}' is not valid for period type '{type}'.",
  },
  SURVEY_PERIOD_CLOSED: {
    status: 409,
    id: "Survei ini sudah ditutup (periode berakhir {endsOn}); jawaban tidak lagi diterima.",
    en: "This survey is closed (the period ended {endsOn}); answers are no longer accepted.",
  },
  SURVEY_PERIOD_NOT_STARTED: {
    status: 409,
    id: "Survei ini baru dibuka pada {startsOn}.",
    en: "This survey opens on {startsOn}.",
  },
  SURVEY_PERIOD_NOT_OPEN: {
    status: 409,
    id: "Survei ini belum dibuka untuk umum.",
    en: "This survey is not open to the public yet.",
  },
  SURVEY_ALREADY_SUBMITTED: {
    status: 409,
    id: "Perangkat ini sudah mengisi survei periode ini. Terima kasih atas partisipasi Anda.",
    en: "This device has already answered this survey period. Thank you for taking part.",
  },
  SURVEY_ELEMENT_MISSING: {
    status: 400,
    id: "Jawaban untuk unsur {element} belum diisi.",
    en: "The answer for element {element} is missing.",
  },
  SURVEY_ELEMENT_UNKNOWN: {
    status: 400,
    id: "Unsur '{element}' tidak ada dalam survei ini.",
    en: "Element '{element}' is not part of this survey.",
  },
  SURVEY_SERVICE_UNKNOWN: {
    status: 400,
    id: "Jenis layanan '{service}' tidak ada dalam survei ini; pilih salah satu: {allowed}.",
    en: "Service '{service}' is not part of this survey; choose one of: {allowed}.",
  },
  SURVEY_SERVICE_MISSING: {
    status: 400,
    id: "Pilih jenis layanan yang Anda terima.",
    en: "Choose the service you used.",
  },
  SURVEY_VERSION_CONFLICT: {
    status: 409,
    id: "Periode survei ini telah diubah orang lain; muat ulang lalu ulangi.",
    en: "This survey period was changed by someone else; reload and try again.",
  },
  SURVEY_KIND_CHANGE_LOCKED: {
    status: 409,
    id: "Jenis layanan tidak dapat dihapus setelah ada jawaban: {service}.",
    en: "A service type cannot be removed once answers exist: {service}.",
  },
  SURVEY_FOLLOWUP_NOT_FOUND: {
    status: 404,
    id: "Tindak lanjut '{id}' tidak ditemukan.",
    en: "Follow-up '{id}' was not found.",
  },
  SURVEY_CUSTOM_KIND_OTHER_UNIT: {
    status: 400,
    id: "Jenis survei '{id}' milik unit lain.",
    en: "Survey kind '{id}' belongs to another unit.",
  },
};
