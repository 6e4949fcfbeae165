import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import type { PublicForm } from "../../contract";
import { PROFILE_LABELS } from "../../domain/kinds";
import { PUBLIC_CSS } from "./public.css";

type Lang = "id" | "en";

/**
 * The public survey form (/s/:code): no login, mobile first, plain HTML controls (keyboard and
 * screen-reader friendly), Indonesian and English. `?kiosk=1` resets the form after each answer.
 */
export default function PublicFormPage() {
  const { code = "" } = useParams();
  const [params] = useSearchParams();
  const kiosk = params.get("kiosk") === "1";
  const { t, i18n } = useTranslation("surveys");
  const lang: Lang = i18n.language?.startsWith("en") ? "en" : "id";
  const [form, setForm] = useState<PublicForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [sending, setSending] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    fetch(`/api/public/surveys/${encodeURIComponent(code)}`, { headers: { "accept-language": lang } })
      .then(async (r) => {
        const body = await r.json().catch(() => null);
        if (!live) return;
        if (r.ok) setForm(body as PublicForm);
        else setLoadError(body?.error?.message ?? t("public.notFound"));
      })
      .catch(() => live && setLoadError(t("public.network")));
    return () => {
      live = false;
    };
  }, [code, lang, t]);

  useEffect(() => {
    if (!done || !kiosk) return;
    const timer = setTimeout(() => {
      setDone(false);
      setRound((n) => n + 1);
    }, 5000);
    return () => clearTimeout(timer);
  }, [done, kiosk]);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!form) return;
    const data = new FormData(e.currentTarget);
    const scores: Record<string, number> = {};
    for (const el of form.kind.elements) {
      const v = data.get(`score-${el.code}`);
      if (!v) {
        setError(t("public.missing", { element: el.label[lang] }));
        document.getElementById(`q-${el.code}`)?.focus();
        return;
      }
      scores[el.code] = Number(v);
    }
    const body: Record<string, unknown> = { scores };
    for (const f of ["serviceType", "ageGroup", "sex", "education", "occupation", "comment"]) {
      const v = String(data.get(f) ?? "").trim();
      if (v) body[f] = v;
    }
    setSending(true);
    setError(null);
    try {
      const r = await fetch(`/api/public/surveys/${encodeURIComponent(code)}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": lang },
        body: JSON.stringify(body),
      });
      if (r.ok) setDone(true);
      else setError((await r.json().catch(() => null))?.error?.message ?? t("public.failed"));
    } catch {
      setError(t("public.network"));
    } finally {
      setSending(false);
    }
  }

  const switchLang = (
    <button
      type="button"
      className="link"
      onClick={() => void i18n.changeLanguage(lang === "id" ? "en" : "id")}
      lang={lang === "id" ? "en" : "id"}
    >
      {lang === "id" ? "English" : "Bahasa Indonesia"}
    </button>
  );

  return (
    <main className="svy" lang={lang}>
      <style>{PUBLIC_CSS}</style>
      <div style={{ textAlign: "right" }}>{switchLang}</div>
      {loadError ? (
        <p className="alert" role="alert">
          {loadError}
        </p>
      ) : !form ? (
        <p aria-live="polite">{t("public.loading")}</p>
      ) : (
        <>
          <p className="muted">{form.unit.name}</p>
          <h1>{form.kind.title[lang]}</h1>
          <p className="muted">
            {form.title} · {form.startsOn} – {form.endsOn}
          </p>
          {done ? (
            <p className="ok" role="status">
              {t("public.thanks")}
            </p>
          ) : form.state !== "open" ? (
            <p className="alert" role="alert">
              {t(`public.state.${form.state}`, { startsOn: form.startsOn, endsOn: form.endsOn })}
            </p>
          ) : form.alreadySubmitted ? (
            <p className="ok" role="status">
              {t("public.already")}
            </p>
          ) : (
            <form key={round} onSubmit={submit} noValidate>
              <p>{t("public.intro")}</p>
              {form.serviceTypes.length > 0 ? (
                <>
                  <label className="f" htmlFor="svc">
                    {t("public.service")}
                  </label>
                  <select
                    id="svc"
                    name="serviceType"
                    required
                    defaultValue={form.serviceTypes.length === 1 ? form.serviceTypes[0] : ""}
                  >
                    <option value="">{t("public.choose")}</option>
                    {form.serviceTypes.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </>
              ) : null}
              <h2>{t("public.questions")}</h2>
              {form.kind.elements.map((el, i) => (
                <fieldset key={el.code} id={`q-${el.code}`} tabIndex={-1}>
                  <legend>
                    {i + 1}. {el.question[lang]}
                  </legend>
                  <div className="opts">
                    {el.options.map((o, k) => (
                      <label key={o.id}>
                        <input type="radio" name={`score-${el.code}`} value={k + 1} required />
                        {o[lang]}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
              <h2>{t("public.profile")}</h2>
              <p className="muted">{t("public.profileHint")}</p>
              {(["ageGroup", "sex", "education", "occupation"] as const).map((f) => (
                <div key={f}>
                  <label className="f" htmlFor={`p-${f}`}>
                    {t(`public.fields.${f}`)}
                  </label>
                  <select id={`p-${f}`} name={f} defaultValue="">
                    <option value="">{t("public.skip")}</option>
                    {(form.profile[f] ?? []).map((v) => (
                      <option key={v} value={v}>
                        {PROFILE_LABELS[v]?.[lang] ?? v}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <label className="f" htmlFor="comment">
                {t("public.comment")}
              </label>
              <textarea id="comment" name="comment" rows={3} maxLength={1000} />
              {error ? (
                <p className="alert" role="alert">
                  {error}
                </p>
              ) : null}
              <p>
                <button type="submit" disabled={sending}>
                  {sending ? t("public.sending") : t("public.submit")}
                </button>
              </p>
              <p className="muted">{t("public.privacy")}</p>
            </form>
          )}
        </>
      )}
    </main>
  );
}
