import { useMemo } from "react";
import { useFormat } from "../../../ui/i18n";

/** Scores as the office reads them: two decimals, Indonesian decimal comma ("72,50"). */
export function useZiFormat() {
  const f = useFormat();
  return useMemo(
    () => ({
      ...f,
      score: (v: number) => f.number(v, { decimals: 2 }),
      /** A share 0–1 as a percentage, e.g. 0.6 → "60%", 0.6667 → "66,7%". */
      share: (v: number) => f.percent(v * 100, { maxDecimals: 1 }),
      signed: (v: number) => `${v > 0 ? "+" : ""}${f.number(v, { decimals: 2 })}`,
    }),
    [f],
  );
}

/** Score colour by the WBK (75) / WBBM (85) totals; always paired with words in the UI. */
export function scoreColor(total: number): string {
  if (total >= 85) return "green";
  if (total >= 75) return "zona";
  return "orange";
}
