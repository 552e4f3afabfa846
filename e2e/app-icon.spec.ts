import { expect, test } from "@playwright/test";

test.describe("app icon", () => {
  test("every page names the icon, and the icon files answer signed out", async ({ page, request }) => {
    await page.goto("/signin");
    const iconHref = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
    expect(iconHref).toMatch(/^\/icon\.svg/);
    const svg = await request.get(iconHref!, { maxRedirects: 0 });
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");

    const touchHref = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    const touch = await request.get(touchHref!, { maxRedirects: 0 });
    expect(touch.status()).toBe(200);
    expect(touch.headers()["content-type"]).toContain("image/png");

    const ico = await request.get("/favicon.ico", { maxRedirects: 0 });
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toContain("image/x-icon");
  });
});
