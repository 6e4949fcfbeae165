import type { PublicForm } from "../contract";
import { PROFILE_LABELS } from "../domain/kinds";
import en from "../i18n/en.json" with { type: "json" };
import id from "../i18n/id.json" with { type: "json" };

/**
 * The public survey form (/s/:code) as one small server-rendered HTML page: no SPA shell, no UI
 * library, two tiny cacheable assets (form.css, form.js), works on a slow phone and without
 * JavaScript shows what to do. Every interpolated text goes through escapeHtml.
 */
export type Lang = "id" | "en";
export const ASSET_CSS = "/s/_/form.css";
export const ASSET_JS = "/s/_/form.js";

const TEXT = { id: id.public, en: en.public } as const;
const EXTRA = {
  id: {
    noscript:
      "Formulir ini memerlukan JavaScript. Aktifkan JavaScript di peramban Anda, lalu muat ulang halaman.",
    notFoundTitle: "Survei tidak ditemukan",
    notFoundHint: "Periksa kembali tautan atau kode QR yang Anda pindai.",
    switchTo: "English",
    switchLabel: "Bahasa",
  },
  en: {
    noscript: "This form needs JavaScript. Please turn JavaScript on in your browser and reload the page.",
    notFoundTitle: "Survey not found",
    notFoundHint: "Please check the link or the QR code you scanned.",
    switchTo: "Bahasa Indonesia",
    switchLabel: "Language",
  },
} as const;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Escape text for HTML content and double- or single-quoted attributes. */
export const escapeHtml = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const fill = (s: string, vars: Record<string, string> = {}) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? "");

/** YYYY-MM-DD → "1 Januari 2026" / "1 January 2026" (the date itself, no time-zone shift). */
export function longDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function layout(lang: Lang, title: string, switchHref: string, body: string): string {
  const other: Lang = lang === "id" ? "en" : "id";
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${ASSET_CSS}"></head>
<body><main class="svy"><nav class="lang" aria-label="${EXTRA[lang].switchLabel}"><a href="${escapeHtml(switchHref)}" lang="${other}" hreflang="${other}">${EXTRA[lang].switchTo}</a></nav>
${body}
</main></body></html>
`;
}

/** The href of the language switch: the same page in the other language (kiosk kept). */
export function switchHref(code: string, lang: Lang, kiosk: boolean): string {
  const q = [lang === "id" ? "lang=en" : "lang=id", kiosk ? "kiosk=1" : ""].filter(Boolean).join("&");
  return `/s/${encodeURIComponent(code)}?${q}`;
}

export function notFoundPage(code: string, lang: Lang, kiosk = false): string {
  const x = EXTRA[lang];
  return layout(
    lang,
    x.notFoundTitle,
    switchHref(code, lang, kiosk),
    `<h1>${x.notFoundTitle}</h1><p class="alert" role="alert">${escapeHtml(TEXT[lang].notFound)}</p><p>${x.notFoundHint}</p>`,
  );
}

export function formPage(form: PublicForm, lang: Lang, kiosk = false): string {
  const t = TEXT[lang];
  const title = form.kind.title[lang];
  const head = `<p class="muted">${escapeHtml(form.unit.name)}</p><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(form.title)} · <time datetime="${escapeHtml(form.startsOn)}">${escapeHtml(longDate(form.startsOn, lang))}</time> – <time datetime="${escapeHtml(form.endsOn)}">${escapeHtml(longDate(form.endsOn, lang))}</time></p>`;
  let body: string;
  if (form.state !== "open") {
    const msg = fill(t.state[form.state], {
      startsOn: longDate(form.startsOn, lang),
      endsOn: longDate(form.endsOn, lang),
    });
    body = `<p class="alert" role="alert">${escapeHtml(msg)}</p>`;
  } else if (form.alreadySubmitted) {
    body = `<p class="ok" role="status">${escapeHtml(t.already)}</p>`;
  } else {
    body = formBody(form, lang, kiosk);
  }
  return layout(lang, `${title} — ${form.unit.name}`, switchHref(form.code, lang, kiosk), head + body);
}

function formBody(form: PublicForm, lang: Lang, kiosk: boolean): string {
  const t = TEXT[lang];
  const out: string[] = [];
  const data = {
    code: form.code,
    missing: t.missing.replace("{{element}}", "{el}"),
    failed: t.failed,
    network: t.network,
    sending: t.sending,
    kiosk: kiosk ? "1" : "",
  };
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join("");
  out.push(`<noscript><p class="alert">${EXTRA[lang].noscript}</p></noscript>`);
  out.push(`<form id="svy-form" novalidate${attrs}><p>${escapeHtml(t.intro)}</p>`);
  if (form.serviceTypes.length > 0) {
    const one = form.serviceTypes.length === 1;
    out.push(
      `<label class="f" for="svc">${escapeHtml(t.service)}</label><select id="svc" name="serviceType" required data-label="${escapeHtml(t.service)}"><option value="">${escapeHtml(t.choose)}</option>`,
    );
    for (const s of form.serviceTypes)
      out.push(`<option value="${escapeHtml(s)}"${one ? " selected" : ""}>${escapeHtml(s)}</option>`);
    out.push("</select>");
  }
  out.push(`<h2>${escapeHtml(t.questions)}</h2>`);
  form.kind.elements.forEach((el, i) => {
    const name = `score-${escapeHtml(el.code)}`;
    out.push(
      `<fieldset id="q-${escapeHtml(el.code)}" tabindex="-1" data-el="${escapeHtml(el.code)}" data-label="${escapeHtml(el.label[lang])}"><legend>${i + 1}. ${escapeHtml(el.question[lang])}</legend><div class="opts">`,
    );
    el.options.forEach((o, k) => {
      out.push(
        `<label><input type="radio" name="${name}" value="${k + 1}" required> ${escapeHtml(o[lang])}</label>`,
      );
    });
    out.push("</div></fieldset>");
  });
  out.push(`<h2>${escapeHtml(t.profile)}</h2><p class="muted">${escapeHtml(t.profileHint)}</p>`);
  for (const f of ["ageGroup", "sex", "education", "occupation"] as const) {
    out.push(
      `<label class="f" for="p-${f}">${escapeHtml(t.fields[f])}</label><select id="p-${f}" name="${f}"><option value="">${escapeHtml(t.skip)}</option>`,
    );
    for (const v of form.profile[f] ?? [])
      out.push(`<option value="${escapeHtml(v)}">${escapeHtml(PROFILE_LABELS[v]?.[lang] ?? v)}</option>`);
    out.push("</select>");
  }
  out.push(
    `<label class="f" for="comment">${escapeHtml(t.comment)}</label><textarea id="comment" name="comment" rows="3" maxlength="1000"></textarea>`,
  );
  out.push(
    `<p id="svy-err" class="alert" role="alert" hidden></p><p><button type="submit">${escapeHtml(t.submit)}</button></p><p class="muted">${escapeHtml(t.privacy)}</p></form>`,
  );
  out.push(`<p id="svy-ok" class="ok" role="status" tabindex="-1" hidden>${escapeHtml(t.thanks)}</p>`);
  out.push(`<script src="${ASSET_JS}" defer></script>`);
  return out.join("");
}

/** Styles: mobile first, 44 px touch targets, visible focus, contrast ≥ 4.5:1. */
export const FORM_CSS = `*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;background:#fff;color:#1a1a1a}
.svy{max-width:40rem;margin:0 auto;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:1.4rem;margin:.25rem 0}h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
.lang{text-align:right}.lang a{display:inline-block;padding:.6rem .25rem;min-height:44px}
a{color:#0b3d91}
fieldset{border:1px solid #767680;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
legend{font-weight:600;padding:0 .25rem}
.opts{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;margin-top:.5rem}
.opts label{display:flex;gap:.5rem;align-items:center;border:1px solid #767680;border-radius:.5rem;padding:.6rem;min-height:44px;cursor:pointer}
.opts label:has(input:checked){border-color:#0b3d91;background:#e7eefb}
.opts input{width:1.25rem;height:1.25rem;margin:0;flex:none}
label.f{display:block;font-weight:600;margin:.75rem 0 .25rem}
select,textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #767680;border-radius:.4rem;min-height:44px;background:#fff;color:inherit}
button{font:inherit;font-weight:600;background:#0b3d91;color:#fff;border:0;border-radius:.5rem;padding:.8rem 1.2rem;min-height:44px;width:100%;cursor:pointer}
button:disabled{background:#4a5a7a}
:focus-visible,fieldset:focus{outline:3px solid #e8590c;outline-offset:2px}
.muted{color:#4a4a55}
.alert{border-left:4px solid #c92a2a;background:#fff5f5;padding:.75rem;margin:1rem 0}
.ok{border-left:4px solid #2b8a3e;background:#ebfbee;padding:.75rem;margin:1rem 0}
@media (min-width:40rem){.opts{grid-template-columns:repeat(4,1fr)}button{width:auto}}
`;

/**
 * The form's script: checks every question is answered (focus the first missing one), POSTs the
 * same JSON body as before to /api/public/surveys/:code/responses (the device cookie rides along,
 * same origin), shows the thanks in place, the server's message on 400/409/429; kiosk resets.
 */
export const FORM_JS = `(function(){
var f=document.getElementById("svy-form");if(!f)return;
var d=f.dataset,L=document.documentElement.lang,err=document.getElementById("svy-err"),ok=document.getElementById("svy-ok"),btn=f.querySelector("button[type=submit]"),label=btn.textContent,busy=false;
function show(m){err.textContent=m;err.hidden=false}
f.addEventListener("submit",function(e){e.preventDefault();if(busy)return;
var data=new FormData(f),scores={},body={scores:scores},svc=document.getElementById("svc"),sets=f.querySelectorAll("fieldset[data-el]"),i,s,v;
for(i=0;i<sets.length;i++){s=sets[i];v=data.get("score-"+s.getAttribute("data-el"));
if(!v){show(d.missing.replace("{el}",s.getAttribute("data-label")));s.focus();return}
scores[s.getAttribute("data-el")]=Number(v)}
if(svc&&!svc.value){show(d.missing.replace("{el}",svc.getAttribute("data-label")));svc.focus();return}
["serviceType","ageGroup","sex","education","occupation","comment"].forEach(function(k){var x=String(data.get(k)||"").trim();if(x)body[k]=x});
busy=true;btn.disabled=true;btn.textContent=d.sending;err.hidden=true;
fetch("/api/public/surveys/"+encodeURIComponent(d.code)+"/responses",{method:"POST",credentials:"same-origin",headers:{"content-type":"application/json","accept-language":L},body:JSON.stringify(body)})
.then(function(r){if(r.ok)return done();return r.json().catch(function(){return null}).then(function(j){show(j&&j.error&&j.error.message||d.failed)})},function(){show(d.network)})
.then(function(){busy=false;btn.disabled=false;btn.textContent=label})});
function done(){f.hidden=true;ok.hidden=false;ok.focus();
if(d.kiosk)setTimeout(function(){f.reset();err.hidden=true;ok.hidden=true;f.hidden=false;window.scrollTo(0,0)},5000)}
})();
`;
