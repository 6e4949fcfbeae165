import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/server/runtime";
import { browserAvailability, ensureWebBuilt, launch, seriousViolations, startZona } from "./browser";

const availability = browserAvailability();
if (!availability.run) console.log(availability.reason);

async function noSeriousViolations(page: Page) {
  const v = await seriousViolations(page);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

async function signIn(ctx: BrowserContext, url: string, email: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${url}/masuk`);
  await page.getByLabel("Alamat e-mail").fill(email);
  await page.getByLabel(/^Kata sandi/).fill("Demo-Zona-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.getByRole("navigation", { name: "Navigasi utama" }).waitFor();
  return page;
}

/** "10 dari 11 pegawai telah menandatangani (90,9%)" → [10, 11] */
const counts = (label: string | null) => {
  const m = (label ?? "").match(/(\d+) dari (\d+) pegawai/);
  return m ? [Number(m[1]), Number(m[2])] : null;
};

describe.runIf(availability.run)("browser journey: the integrity pact and the morning rally", () => {
  let zona: Running;
  let browser: Browser;
  let head: Page;
  let employee: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    zona = await startZona();
    browser = await launch();
    const opts = { locale: "id-ID", viewport: { width: 1280, height: 900 } };
    head = await signIn(await browser.newContext(opts), zona.url, "kepala.bekasi@zona.demo");
    // The employee uses a phone.
    employee = await signIn(
      await browser.newContext({
        ...opts,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      }),
      zona.url,
      "pegawai@zona.demo",
    );
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await zona?.close();
  });

  it("an employee signs the pact and sees their GSP turn; the head sees the completion rise", async () => {
    const ring = () => head.getByRole("img", { name: /pegawai telah menandatangani/ }).first();
    try {
      await head.goto(`${zona.url}/pakta`);
      await ring().waitFor();
      const [signed, total] = counts(await ring().getAttribute("aria-label")) ?? [0, 0];
      expect(signed).toBeLessThan(total as number);

      await employee.goto(`${zona.url}/pakta/tandatangan`);
      await employee.getByRole("heading", { name: "Tanda Tangan Pakta Integritas" }).waitFor();
      await employee.getByRole("checkbox").first().check();
      await employee.getByRole("button", { name: "Tanda tangani pakta" }).click();
      await employee
        .getByText(/Anda telah menandatangani pada/)
        .first()
        .waitFor();
      await employee.waitForLoadState("networkidle");
      await noSeriousViolations(employee);

      // The employee's own page: their pact is signed and their morning-rally turn is listed.
      await employee.goto(`${zona.url}/saya`);
      const gsp = employee.getByRole("region", { name: /Giliran GSP/ });
      await gsp.waitFor();
      // A date of an upcoming turn (e.g. "Senin, 7 Desember 2026"), not the empty state.
      await gsp.getByText(/\d{4}/).first().waitFor();
      await employee.waitForLoadState("networkidle");
      await noSeriousViolations(employee);
      await employee.screenshot({ path: "var/e2e-my-page.png", fullPage: true });

      await head.reload();
      await ring().waitFor();
      await expect
        .poll(async () => counts(await ring().getAttribute("aria-label"))?.[0])
        .toBe((signed as number) + 1);
      await noSeriousViolations(head);
    } catch (e) {
      await employee.screenshot({ path: "var/e2e-culture-failure.png" });
      await head.screenshot({ path: "var/e2e-culture-failure-head.png" });
      const body = (
        (await employee
          .locator("main")
          .textContent()
          .catch(() => "")) ?? ""
      ).slice(0, 800);
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\nemployee at ${employee.url()}: ${body}`,
      );
    }
  }, 180_000);
});
