import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

// Each step waits on a server action and a re-render on a machine shared with other builds.
const expect = baseExpect.configure({ timeout: 30_000 });

/** Adds the first search hit for `query` to a step of the play editor; returns its title. */
async function addAsset(page: Page, step: number, query: string) {
  const card = page.getByRole("listitem", { name: `Step ${step}` });
  await card.getByLabel(`Add an asset to step ${step}`).fill(query);
  const add = card.getByRole("button", { name: new RegExp(`^Add “${query}`) }).first();
  const title = (await add.getAttribute("aria-label"))!.replace(/^Add “|” to step \d+$/g, "");
  await add.click();
  await expect(card.getByRole("list", { name: `Assets in step ${step}` })).toContainText(title);
  return title;
}

test("a marketer builds a play; a rep runs it on a deal through two stages and the usages appear", async ({
  browser,
}) => {
  // Two people in two browser contexts on a shared 2-core machine: more than the default minute.
  test.setTimeout(240_000);
  const playName = `Displacement play ${Date.now()}`;
  const marketer = await (await browser.newContext()).newPage();
  await signInAs(marketer, "marketer");
  await marketer.goto("/plays");
  await marketer.getByRole("link", { name: "New play" }).click();
  await expect(marketer.getByRole("heading", { name: "New play" })).toBeVisible();
  await marketer.getByLabel("Play name").fill(playName);
  await marketer.getByLabel("Scenario").fill("The buyer runs a competitor's warehouse today.");
  await marketer.getByLabel("Step 1 title").fill("Open with the pain");
  await marketer.getByLabel("Step 1 stage").selectOption({ label: "Discovery" });
  await marketer.getByLabel("Step 1 guidance").fill("Send after the discovery call.");
  const first = await addAsset(marketer, 1, "Talk track");
  await marketer.getByRole("button", { name: "Add step" }).click();
  await marketer.getByLabel("Step 2 title").fill("Win the bake-off");
  await marketer.getByLabel("Step 2 stage").selectOption({ label: "Evaluation" });
  const second = await addAsset(marketer, 2, "Battlecard");
  await marketer.getByRole("button", { name: "Save play" }).click();
  await expect(marketer.getByRole("heading", { name: playName })).toBeVisible();
  await marketer.goto("/plays");
  await expect(
    marketer.getByRole("list", { name: "Plays" }).getByRole("link", { name: playName }),
  ).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "rep");
  const dealName = `Globex displacement ${Date.now()}`;
  await page.goto("/deals");
  await page.getByRole("button", { name: "New deal" }).click();
  const form = page.getByRole("form", { name: "New deal" });
  await form.getByLabel("Deal name").fill(dealName);
  await form.getByLabel("Account").fill("Bluewater Bank");
  await form.getByLabel("Amount").fill("81000");
  await form.getByLabel("Stage").selectOption({ label: "Discovery" });
  await form.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { name: dealName })).toBeVisible();

  await page.getByRole("form", { name: "Run a play" }).getByLabel("Play").selectOption({ label: playName });
  await page.getByRole("button", { name: "Run play" }).click();
  const play = page.getByRole("region", { name: `Play: ${playName}` });
  await expect(play.getByText("Next step for Discovery")).toBeVisible();
  await expect(play.getByTestId("play-progress")).toHaveText("0 of 2 steps done");
  await expect(play.getByText("Send after the discovery call.").first()).toBeVisible();

  // A double click counts once.
  await play.getByRole("button", { name: "Mark “Open with the pain” done" }).dblclick();
  await expect(play.getByTestId("play-progress")).toHaveText("1 of 2 steps done");
  await expect(play.getByText("Up next at Evaluation:")).toBeVisible();
  const used = page.getByRole("list", { name: "Assets used" });
  await expect(used.getByRole("link", { name: first })).toHaveCount(1);

  await page.locator("#deal-stage").selectOption({ label: "Evaluation" });
  await expect(play.getByText("Next step for Evaluation")).toBeVisible();
  await play.getByRole("button", { name: "Mark “Win the bake-off” done" }).click();
  await expect(play.getByTestId("play-progress")).toHaveText("2 of 2 steps done");
  await expect(play.getByText("Every step of this play is done.")).toBeVisible();
  await expect(used.getByRole("link", { name: second })).toHaveCount(1);
  const timeline = page.getByRole("list", { name: "Stage history" });
  await expect(timeline.getByText(`Sent “${first}” at Discovery`)).toBeVisible();
  await expect(timeline.getByText(`Sent “${second}” at Evaluation`)).toBeVisible();
});
