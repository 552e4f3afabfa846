import { expect, test } from "@playwright/test";
import { accounts } from "./support/accounts";
import { publishAsset } from "./support/publish-asset";
import { signInAs } from "./support/sign-in";

test("a rep follows a stage and finds its new asset in the notification centre and in the digest email", async ({
  browser,
}) => {
  const rep = await (await browser.newContext()).newPage();
  const marketer = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await signInAs(rep, "rep");
  await signInAs(marketer, "marketer");
  await signInAs(admin, "admin");

  await rep.goto("/stages");
  const follow = rep.getByRole("button", { name: "Follow Negotiation" });
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(follow).toHaveText("Follow Negotiation");

  const title = `Negotiation concessions guide ${Date.now()}`;
  const assetId = await publishAsset(marketer, { title, stage: "Negotiation", text: "Trade, never give" });

  await rep.goto("/notifications");
  const entry = rep.getByRole("listitem", { name: `Unread: New case study: ${title}` });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("link", { name: `New case study: ${title}` })).toHaveAttribute(
    "href",
    `/assets/${assetId}`,
  );
  await expect(rep.getByTestId("unread-badge")).toBeVisible();

  // An admin sends the pending digests now; the rep's one email lists the new asset with its link.
  await admin.goto("/settings/outbox");
  await admin.getByRole("button", { name: "Send pending digests now" }).click();
  await expect(admin.getByRole("status")).toContainText(/digests? written|No digests were pending/);
  const mail = admin
    .getByRole("list", { name: "Outgoing mail" })
    .getByRole("listitem")
    .filter({ hasText: `to ${accounts.rep.email}` })
    .filter({ hasText: title });
  await expect(mail).toHaveCount(1);
  await mail.locator("summary").click();
  await expect(mail.getByRole("link", { name: new RegExp(`/assets/${assetId}$`) })).toBeVisible();
  await expect(mail).toContainText("New content for what you follow:");
});
