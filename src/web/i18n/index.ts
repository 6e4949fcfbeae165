import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { type Lang, normaliseLang } from "../../ui/format";
import type { WebModule } from "../../ui/module";
import en from "./en.json";
import id from "./id.json";

/**
 * i18next for the browser. Indonesian is the default and the source of truth; English is a full
 * second language. The choice is kept in localStorage and in the `zona_lang` cookie (so the server can
 * answer public pages and e-mails in the same language).
 */
export const LANG_STORAGE_KEY = "zona_lang";
export const LANGS: Lang[] = ["id", "en"];

export function storedLanguage(): Lang {
  try {
    const fromStorage = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    if (fromStorage) return normaliseLang(fromStorage);
  } catch {
    // storage disabled: fall through to the cookie
  }
  const cookie = typeof document === "undefined" ? "" : document.cookie;
  const m = /(?:^|;\s*)zona_lang=([^;]+)/.exec(cookie);
  return m?.[1] ? normaliseLang(decodeURIComponent(m[1])) : "id";
}

export function initI18n(lang: Lang = storedLanguage(), modules: WebModule[] = []) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { id: { translation: id }, en: { translation: en } },
      lng: lang,
      fallbackLng: "id",
      supportedLngs: LANGS,
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
      react: { useSuspense: false },
    });
  }
  for (const m of modules) {
    if (!m.translations) continue;
    i18n.addResourceBundle("id", m.name, m.translations.id, true, true);
    i18n.addResourceBundle("en", m.name, m.translations.en, true, true);
  }
  applyDocumentLanguage(normaliseLang(i18n.language));
  return i18n;
}

function applyDocumentLanguage(lang: Lang) {
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** Switch the UI language and remember it (localStorage + cookie `zona_lang`, one year). */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // storage disabled: the cookie still remembers
  }
  if (typeof document !== "undefined") {
    const secure = globalThis.location?.protocol === "https:" ? "; Secure" : "";
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every supported browser
    document.cookie = `${LANG_STORAGE_KEY}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
  }
  await i18n.changeLanguage(lang);
  applyDocumentLanguage(lang);
}

export function currentLanguage(): Lang {
  return normaliseLang(i18n.resolvedLanguage ?? i18n.language);
}

export { i18n };
