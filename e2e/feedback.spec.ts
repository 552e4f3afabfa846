import { expect as baseExpect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Each step waits on a server action and a re-render on a machine shared with other builds.
const expect = baseExpect.configure({ timeout: 30_000 });

test("a rep rates an asset after using it and asks its owner a question; the owner sees it in Needs attention and replies", async ({
  browser,
}) => {
  // Two people in two browser contexts on a shared 2-core machine: more than the default minute.
  test.setTimeout(240_000);
  const stamp = Date.now();
  const owner = await (await browser.newContext()).newPage();
  await signInAs(owner, "marketer");
  await owner.goto("/content?status=published");
  const link = owner
    .getByRole("table", { name: "Content" })
    .locator("tbody tr")
    .nth(2)
    .getByRole("link")
    .first();
  const title = (await link.textContent())!.trim();
  const assetPath = (await link.getAttribute("href"))!;

  const rep = await (await browser.newContext()).newPage();
  await signInAs(rep, "rep");
  await rep.goto(assetPath);
  await expect(rep.getByRole("heading", { name: title })).toBeVisible();

  // Right after logging a usage, the rep is asked whether it helped.
  await rep.getByRole("button", { name: "Used this in a deal" }).click();
  await rep.getByRole("list", { name: "Your open deals" }).getByRole("button").first().click();
  await expect(rep.getByRole("status").filter({ hasText: "Logged as sent" })).toBeVisible();
  const prompt = rep.getByRole("group", { name: "Did this asset help in the deal?" });
  await prompt.getByRole("button", { name: "Didn’t help" }).click();
  const why = prompt.getByRole("form", { name: "Why it didn’t help" });
  await why.getByLabel("What was wrong? (optional)").selectOption({ label: "Outdated" });
  await why.getByLabel("Details").fill(`Pricing slide shows last year's list prices ${stamp}`);
  await why.getByRole("button", { name: "Save rating" }).click();
  await expect(prompt.getByRole("status")).toHaveText(/You rated this not helpful \(Outdated\)/);
  await expect(rep.getByTestId("feedback-counts")).toContainText(/[1-9]\d* didn’t help/);

  // A question with an @mention picked from the suggestions.
  const box = rep.getByLabel("Comment or question");
  await box.fill("@Maya");
  await rep
    .getByRole("listbox", { name: "People to mention" })
    .getByRole("option", { name: "Maya Marketing" })
    .click();
  await expect(box).toHaveValue("@Maya Marketing ");
  await box.press("End");
  await box.pressSequentially(`is there an EMEA version? ${stamp}`);
  await rep.getByRole("form", { name: "New comment" }).getByRole("button", { name: "Post" }).click();
  const threads = rep.getByRole("list", { name: "Comments and questions" });
  await expect(threads.getByText(`@Maya Marketing is there an EMEA version? ${stamp}`)).toBeVisible();

  // The owner finds it under Needs attention, reads the rating, replies and resolves.
  await owner.goto("/content/attention");
  const section = owner.getByRole("region", { name: "New feedback" });
  const row = section
    .getByRole("listitem")
    .filter({ has: owner.getByRole("link", { name: title, exact: true }) });
  await expect(row).toContainText(/open question/);
  await expect(row).toContainText("new “didn’t help”");
  await row.getByRole("link", { name: title, exact: true }).click();
  await expect(owner.getByRole("list", { name: "New didn't help ratings" })).toContainText(
    `Pricing slide shows last year's list prices ${stamp}`,
  );
  await owner.getByRole("button", { name: "Mark as read" }).click();
  await expect(owner.getByRole("list", { name: "New didn't help ratings" })).toHaveCount(0);

  const thread = owner
    .getByRole("list", { name: "Comments and questions" })
    .getByRole("listitem")
    .filter({ hasText: `is there an EMEA version? ${stamp}` })
    .first();
  await thread.getByRole("button", { name: "Reply" }).first().click();
  const reply = thread.getByRole("form", { name: "Reply to thread" });
  await reply.getByLabel("Reply").fill(`Yes, version 3 has EMEA pricing ${stamp}`);
  await reply.getByRole("button", { name: "Reply" }).click();
  await expect(thread.getByRole("list", { name: "Replies" })).toContainText(
    `Yes, version 3 has EMEA pricing ${stamp}`,
  );
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(thread.getByRole("button", { name: "Reopen" })).toBeVisible();

  await rep.reload();
  await expect(
    rep
      .getByRole("list", { name: "Comments and questions" })
      .getByText(`Yes, version 3 has EMEA pricing ${stamp}`),
  ).toBeVisible();
});
