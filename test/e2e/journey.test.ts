import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Running } from "../../src/server/runtime";
import { browserAvailability, ensureWebBuilt, launch, seriousViolations, startZona } from "./browser";

const availability = browserAvailability();
if (!availability.run) console.log(availability.reason);

describe.runIf(availability.run)("browser journey: the head of office", () => {
  let zona: Running;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    zona = await startZona();
    browser = await launch();
    page = await (
      await browser.newContext({ locale: "id-ID", viewport: { width: 1280, height: 900 } })
    ).newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await zona?.close();
  });

  it("logs in, switches unit, sees the navigation, logs out — with no serious accessibility violations", async () => {
    await page.goto(`${zona.url}/masuk`);
    await page.getByLabel("Alamat e-mail").waitFor();
    // The demo banner and the demo accounts are visible before login.
    await expect(page.getByText("Data demo — bukan data resmi").first().isVisible()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Alamat e-mail").fill("kepala.kanwil@zona.demo");
    await page.getByLabel(/^Kata sandi/).fill("Demo-Zona-2026");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();

    // Home: the navigation built from the installed modules the user may use.
    const nav = page.getByRole("navigation", { name: "Navigasi utama" });
    await nav.waitFor().catch(async (e) => {
      await page.screenshot({ path: "var/e2e-failure.png" });
      throw new Error(
        `${e.message}\nURL ${page.url()}\n${((await page.locator("body").textContent()) ?? "").slice(0, 800)}`,
      );
    });
    await expect(nav.getByRole("link", { name: "Beranda" }).isVisible()).resolves.toBe(true);
    await expect(nav.getByRole("link", { name: /Jejak audit/ }).isVisible()).resolves.toBe(true);
    await page.getByRole("main").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Switch the work unit: the head of the Kanwil sees the Kanwil and both KPKNLs.
    const switcher = page
      .getByRole("textbox", { name: "Unit kerja" })
      .or(page.getByLabel("Unit kerja"))
      .first();
    const before = await switcher.inputValue();
    await switcher.click();
    await page.getByRole("option", { name: "KPKNL Bandung" }).click();
    await expect.poll(() => switcher.inputValue()).toBe("KPKNL Bandung");
    expect(before).not.toBe("KPKNL Bandung");
    // The choice is remembered across a reload.
    await page.reload();
    await page
      .getByRole("navigation", { name: "Navigasi utama" })
      .waitFor()
      .catch(async (e) => {
        await page.screenshot({ path: "var/e2e-failure.png" });
        throw new Error(
          `${e.message}\nURL ${page.url()}\n${((await page.locator("body").textContent()) ?? "").slice(0, 800)}`,
        );
      });
    await expect.poll(() => page.getByLabel("Unit kerja").first().inputValue()).toBe("KPKNL Bandung");

    // The audit trail page, reached through the navigation.
    await nav.getByRole("link", { name: /Jejak audit/ }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "var/e2e-audit.png" });

    // Log out through the user menu; protected pages then send the user back to login.
    await page.getByRole("button", { name: /Menu pengguna/ }).click();
    await page.getByRole("menuitem", { name: "Keluar", exact: true }).click();
    await page.getByLabel("Alamat e-mail").waitFor();
    expect(page.url()).toContain("/masuk");
    const me = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(me).toBe(401);
  }, 180_000);

  it("a public page works on a phone-sized screen", async () => {
    const phone = await (
      await browser.newContext({
        viewport: { width: 375, height: 740 },
        locale: "id-ID",
        isMobile: true,
        hasTouch: true,
      })
    ).newPage();
    await phone.goto(`${zona.url}/masuk`);
    await phone.getByLabel("Alamat e-mail").waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.close();
  }, 120_000);
});
