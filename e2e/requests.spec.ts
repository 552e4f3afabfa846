import { expect, test } from "@playwright/test";
import { publishAsset } from "./support/publish-asset";
import { signInAs } from "./support/sign-in";

const letters = (n: number) =>
  Array.from({ length: n }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");

test("a rep requests content from a search with no result; a marketer delivers it; the rep is told and opens the asset", async ({
  browser,
}) => {
  const rep = await (await browser.newContext()).newPage();
  const marketer = await (await browser.newContext()).newPage();
  await signInAs(rep, "rep");
  await signInAs(marketer, "marketer");
  const word = `quorvex${letters(8)}`;

  // The rep searches, finds nothing and raises a request from the empty result.
  await rep.goto(`/search?q=${word}`);
  await expect(rep.getByText(`Nothing matches “${word}”`)).toBeVisible();
  await rep.getByRole("link", { name: "Request this content" }).click();
  await expect(rep).toHaveURL(/\/requests\/new\?q=/);
  const form = rep.getByRole("form", { name: "Request content" });
  await expect(form.getByLabel("What do you need?")).toHaveValue(word);
  await expect(form.getByLabel("Details")).toHaveValue(`I searched for “${word}” and found nothing.`);
  const title = `${word} rebuttal for healthcare buyers`;
  await form.getByLabel("What do you need?").fill(title);
  await form.getByLabel("Urgency").selectOption("high");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(rep).toHaveURL(/\/requests#request-/);
  const newColumn = rep.getByRole("list", { name: "New requests" });
  await expect(newColumn.getByRole("listitem", { name: title })).toContainText("1 person wants this");

  // Marketing publishes the answer, then triages the request on the board with the keyboard-friendly controls.
  const assetTitle = `${word} case study ${Date.now()}`;
  const assetId = await publishAsset(marketer, {
    title: assetTitle,
    stage: "Evaluation",
    text: "Harborview won",
  });
  await marketer.goto("/requests");
  const card = marketer.getByRole("listitem", { name: title });
  await card.getByLabel("Move to").selectOption("accepted");
  await card.getByRole("button", { name: "Apply" }).click();
  const accepted = marketer
    .getByRole("list", { name: "Accepted requests" })
    .getByRole("listitem", { name: title });
  await expect(accepted).toBeVisible();
  await accepted.getByLabel("Move to").selectOption("delivered");
  await accepted.getByLabel("Asset that answers it").fill(word);
  await accepted.getByRole("radio", { name: assetTitle }).check();
  await accepted.getByRole("button", { name: "Apply" }).click();
  const delivered = marketer
    .getByRole("list", { name: "Delivered requests" })
    .getByRole("listitem", { name: title });
  await expect(delivered).toContainText(`Delivered: ${assetTitle}`);

  // The rep's bell shows it; the notification opens the asset.
  await rep.goto("/requests");
  await expect(rep.getByTestId("unread-badge")).toBeVisible();
  await rep.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  const entry = rep.getByRole("link", { name: `Delivered: ${title}` });
  await expect(entry).toBeVisible();
  await entry.click();
  await expect(rep).toHaveURL(new RegExp(`/assets/${assetId}$`));
  await expect(rep.getByRole("heading", { name: assetTitle })).toBeVisible();
  await rep.goto("/notifications");
  await expect(rep.getByRole("listitem", { name: `Delivered: ${title}` })).toBeVisible();
  await expect(rep.getByRole("listitem", { name: `Unread: Delivered: ${title}` })).toHaveCount(0);
});
