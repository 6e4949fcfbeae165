import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { PublicResults } from "../../contract";
import { periodLabel } from "../../domain/periods";
import { PUBLIC_CSS } from "./public.css";

/** Published survey results of a unit (/hasil-survei/:unitCode): latest IKM, grade, trend, follow-up. */
export default function PublicResultsPage() {
  const { unitCode = "" } = useParams();
  const { t, i18n } = useTranslation("surveys");
  const lang = i18n.language?.startsWith("en") ? "en" : "id";
  const [data, setData] = useState<PublicResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch(`/api/public/surveys/units/${encodeURIComponent(unitCode)}/results`, {
      headers: { "accept-language": lang },
    })
      .then(async (r) => {
        const body = await r.json().catch(() => null);
        if (r.ok) setData(body as PublicResults);
        else setError(body?.error?.message ?? t("public.notFound"));
      })
      .catch(() => setError(t("public.network")));
  }, [unitCode, lang, t]);
  const skm = data?.periods.filter((p) => p.result === "ikm" && p.ikm !== null) ?? [];
  const latest = skm.at(-1);
  return (
    <main className="svy" lang={lang}>
      <style>{PUBLIC_CSS}</style>
      <div style={{ textAlign: "right" }}>
        <button
          type="button"
          className="link"
          onClick={() => void i18n.changeLanguage(lang === "id" ? "en" : "id")}
        >
          {lang === "id" ? "English" : "Bahasa Indonesia"}
        </button>
      </div>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : !data ? (
        <p aria-live="polite">{t("public.loading")}</p>
      ) : (
        <>
          <p className="muted">{data.unit.name}</p>
          <h1>{t("publicResults.title")}</h1>
          {latest ? (
            <p>
              {t("publicResults.latest", {
                period: periodLabel(latest.periodType, latest.year, latest.part, lang),
                ikm: latest.ikm!.toFixed(2),
                grade: latest.grade,
                respondents: latest.respondents,
              })}
            </p>
          ) : (
            <p>{t("publicResults.none")}</p>
          )}
          {skm.length > 1 ? (
            <Trend
              points={skm.map((p) => ({
                label: periodLabel(p.periodType, p.year, p.part, lang),
                value: p.ikm!,
              }))}
              title={t("publicResults.trend")}
            />
          ) : null}
          {data.periods.length ? (
            <table>
              <caption style={{ textAlign: "left", fontWeight: 600, padding: ".5rem 0" }}>
                {t("publicResults.table")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("publicResults.period")}</th>
                  <th scope="col">{t("publicResults.survey")}</th>
                  <th scope="col">{t("publicResults.respondents")}</th>
                  <th scope="col">{t("publicResults.value")}</th>
                </tr>
              </thead>
              <tbody>
                {data.periods.map((p) => (
                  <tr key={p.code}>
                    <td>{periodLabel(p.periodType, p.year, p.part, lang)}</td>
                    <td>{p.kind.toUpperCase()}</td>
                    <td>{p.respondents}</td>
                    <td>
                      {p.result === "ikm"
                        ? `${p.ikm?.toFixed(2) ?? "–"} (${p.grade ?? "–"})`
                        : (p.index?.toFixed(2) ?? "–")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {latest?.followUps.length ? (
            <>
              <h2>{t("publicResults.followUp")}</h2>
              <ul>
                {latest.followUps.map((f) => (
                  <li key={`${f.elementCode}-${f.action}`}>
                    {f.elementCode}: {f.action} ({t(`followUp.statuses.${f.status}`)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </main>
  );
}

function Trend({ points, title }: { points: { label: string; value: number }[]; title: string }) {
  const w = 560;
  const h = 180;
  const lo = 25;
  const x = (i: number) => 40 + (i * (w - 80)) / Math.max(1, points.length - 1);
  const y = (v: number) => h - 30 - ((v - lo) / (100 - lo)) * (h - 50);
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      width="100%"
      role="img"
      aria-label={`${title}: ${points.map((p) => `${p.label} ${p.value.toFixed(2)}`).join("; ")}`}
    >
      <polyline
        fill="none"
        stroke="#0b3d91"
        strokeWidth={2}
        points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ")}
      />
      {points.map((p, i) => (
        <g key={p.label}>
          <circle cx={x(i)} cy={y(p.value)} r={4} fill="#0b3d91" />
          <text x={x(i)} y={y(p.value) - 8} fontSize={12} textAnchor="middle" fill="#1a1a1a">
            {p.value.toFixed(2)}
          </text>
          <text x={x(i)} y={h - 8} fontSize={11} textAnchor="middle" fill="#1a1a1a">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
