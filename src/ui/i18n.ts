import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatTime,
  type Lang,
  type NumberOptions,
  normaliseLang,
  type Zone,
} from "./format";
import type { LocalizedName } from "./types";

/** The current UI language, 'id' or 'en'. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return normaliseLang(i18n.resolvedLanguage ?? i18n.language);
}

/** Pick the current language's text from a server `{ id, en }` pair. */
export function localized(name: LocalizedName | undefined | null, lang: Lang): string {
  if (!name) return "";
  return (lang === "en" ? name.en : name.id) || name.id || name.en;
}

/** Formatters bound to the current UI language. */
export function useFormat() {
  const lang = useLang();
  return useMemo(
    () => ({
      lang,
      number: (v: number, o?: NumberOptions) => formatNumber(v, lang, o),
      percent: (v: number, o?: NumberOptions) => formatPercent(v, lang, o),
      rupiah: (v: number, o?: { decimals?: number }) => formatRupiah(v, lang, o),
      date: (v: string | number | Date, o?: { zone?: Zone; weekday?: boolean }) => formatDate(v, lang, o),
      time: (v: string | number | Date, o?: { zone?: Zone }) => formatTime(v, lang, o),
      dateTime: (v: string | number | Date, o?: { zone?: Zone; weekday?: boolean }) =>
        formatDateTime(v, lang, o),
      name: (n: LocalizedName | undefined | null) => localized(n, lang),
    }),
    [lang],
  );
}
