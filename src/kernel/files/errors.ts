import type { ErrorCatalogue } from "../http/errors";

/** The file store's codes. Messages say what to do next; params carry the details for the UI. */
export const filesErrors: ErrorCatalogue = {
  FILES_TOO_LARGE: {
    status: 413,
    id: "Berkas melebihi batas ukuran {limitMb} MB. Perkecil berkas (misalnya kompres PDF atau kurangi resolusi gambar) atau bagi menjadi beberapa berkas, lalu unggah kembali.",
    en: "The file is larger than the {limitMb} MB limit. Make it smaller (for example compress the PDF or lower the image resolution) or split it into several files, then upload again.",
  },
  FILES_TYPE_NOT_ALLOWED: {
    status: 415,
    id: "Jenis berkas ini tidak diterima sebagai data dukung. Unggah berkas PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX, atau MP4; simpan atau ekspor dokumen ke salah satu format itu terlebih dahulu.",
    en: "This type of file is not accepted as evidence. Upload a PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX or MP4 file; save or export the document in one of those formats first.",
  },
  FILES_EXTENSION_MISMATCH: {
    status: 415,
    id: "Isi berkas {filename} tidak sesuai dengan ekstensinya (.{extension}). Buka berkas itu dan simpan ulang dalam format yang benar, atau perbaiki nama berkasnya, lalu unggah kembali.",
    en: "The content of {filename} does not match its extension (.{extension}). Open the file and save it again in the right format, or correct its name, then upload again.",
  },
  FILES_EMPTY: {
    status: 400,
    id: "Berkas kosong (0 byte). Pilih berkas yang berisi data lalu unggah kembali.",
    en: "The file is empty (0 bytes). Choose a file that has content and upload again.",
  },
  FILES_ACTIVE_CONTENT: {
    status: 422,
    id: 'Berkas {filename} memuat konten aktif (skrip, tindakan yang berjalan saat dibuka, atau halaman web) yang tidak diterima sebagai data dukung. Cetak ulang dokumen menjadi PDF biasa (misalnya dengan "Print to PDF"), lalu unggah kembali.',
    en: '{filename} contains active content (a script, an action that runs when it is opened, or a web page), which is not accepted as evidence. Print the document to a plain PDF (for example with "Print to PDF"), then upload again.',
  },
  FILES_HIDDEN_CONTENT: {
    status: 422,
    id: "Berkas {filename} berisi data tersembunyi di belakang gambarnya. Buka gambar itu dan simpan ulang (atau ambil tangkapan layar), lalu unggah kembali.",
    en: "{filename} carries hidden data after its image. Open the image and save it again (or take a screenshot), then upload again.",
  },
  FILES_ARCHIVE_BOMB: {
    status: 422,
    id: "Berkas {filename} mengembang jauh melebihi ukurannya saat dibuka atau berisi arsip bertumpuk, sehingga tidak diterima. Simpan ulang dokumen dari aplikasi Office Anda tanpa lampiran bertumpuk, lalu unggah kembali.",
    en: "{filename} expands far beyond its size when opened, or holds archives nested in archives, so it is not accepted. Save the document again from your Office application without nested attachments, then upload again.",
  },
  FILES_DAMAGED: {
    status: 422,
    id: "Berkas {filename} rusak atau tidak lengkap (misalnya terpotong saat diunduh atau disalin). Pastikan berkas dapat dibuka di komputer Anda, simpan ulang, lalu unggah kembali.",
    en: "{filename} is damaged or incomplete (for example cut off while it was downloaded or copied). Make sure it opens on your computer, save it again, then upload again.",
  },
  FILES_NOT_FOUND: {
    status: 404,
    id: "Berkas data dukung tidak ditemukan. Periksa tautannya atau muat ulang halaman.",
    en: "The evidence file was not found. Check the link or reload the page.",
  },
  FILES_MISSING_PART: {
    status: 400,
    id: "Bagian formulir '{part}' tidak ada. Kirim multipart/form-data dengan kolom unitId terlebih dahulu, lalu satu berkas pada kolom file.",
    en: "The form part '{part}' is missing. Send multipart/form-data with the unitId field first, then one file in the file field.",
  },
};
