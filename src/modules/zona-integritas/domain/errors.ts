import type { ErrorCatalogue } from "../../../kernel/http/errors";

/**
 * The Zona Integritas domain codes. Every message names the question (its rubric key) so a person can
 * find and fix it; the server's errors.ts will register this catalogue with the error handler.
 */
export const ziErrors: ErrorCatalogue = {
  ZI_RUBRIC_NOT_FOUND: {
    status: 404,
    id: "Rubrik '{rubric}' tidak dikenal. Rubrik yang tersedia: {known}.",
    en: "Unknown rubric '{rubric}'. Available rubrics: {known}.",
  },
  ZI_QUESTION_UNKNOWN: {
    status: 400,
    id: "Pertanyaan '{question}' tidak ada dalam rubrik {rubric}. Periksa kunci pertanyaan (lihat `zona rubric show {rubric}`).",
    en: "Question '{question}' is not in rubric {rubric}. Check the question key (see `zona rubric show {rubric}`).",
  },
  ZI_ANSWER_INVALID: {
    status: 400,
    id: "Jawaban {answer} tidak sah untuk pertanyaan '{question}' (jenis {answerType}). Jawaban yang diterima: {allowed}.",
    en: "Answer {answer} is not valid for question '{question}' (type {answerType}). Accepted answers: {allowed}.",
  },
  ZI_COUNTS_INVALID: {
    status: 400,
    id: "Isian jumlah untuk pertanyaan '{question}' tidak sah: {reason}. Isikan {expected} bilangan bulat tidak negatif, berurutan: {labels}.",
    en: "The counts for question '{question}' are not valid: {reason}. Give {expected} non-negative whole numbers, in this order: {labels}.",
  },
  ZI_COUNT_EXCEEDS_TOTAL: {
    status: 400,
    id: "Pada pertanyaan '{question}', '{count}' ({value}) melebihi jumlahnya '{total}' ({totalValue}).",
    en: "In question '{question}', '{count}' ({value}) is larger than its total '{total}' ({totalValue}).",
  },
  ZI_SURVEY_INDEX_OUT_OF_RANGE: {
    status: 400,
    id: "Indeks survei untuk pertanyaan '{question}' harus antara {min} dan {max}; diterima {index}.",
    en: "The survey index for question '{question}' must be between {min} and {max}; got {index}.",
  },
  ZI_VALUE_OUT_OF_RANGE: {
    status: 400,
    id: "Nilai langsung untuk pertanyaan '{question}' harus antara 0 dan 1; diterima {value}.",
    en: "The direct value for question '{question}' must be between 0 and 1; got {value}.",
  },
  ZI_ANSWER_FILE_INVALID: {
    status: 400,
    id: 'Berkas jawaban tidak sah: {reason}. Bentuk yang diharapkan: {"answers": {"<kunci pertanyaan>": <jawaban>}}.',
    en: 'The answer file is not valid: {reason}. Expected shape: {"answers": {"<question key>": <answer>}}.',
  },
};

export type ZiErrorCode = keyof typeof ziErrors;
