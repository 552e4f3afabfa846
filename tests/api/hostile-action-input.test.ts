import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { deals } from "@/db/schema";
import { getActor } from "@/server/auth/session";
import { createDealAction, editDealAction } from "@/server/deals/deal-actions";
import { createTestDeal, createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

// Server actions read the actor from the session; here the session is a rep's.
vi.mock("@/server/auth/session", () => ({ getActor: vi.fn(), requirePageActor: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let handle: DatabaseHandle;
let ws: TestWorkspace;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  vi.mocked(getActor).mockResolvedValue(await ws.actor(ws.people.rep));
});
afterAll(() => handle.close());

const countDeals = async () =>
  (await handle.db.select({ n: count() }).from(deals).where(eq(deals.workspaceId, ws.workspace.id)))[0]!.n;

describe("hostile input at the server-action door", () => {
  it("refuses NUL bytes and lone surrogates, naming the field, and writes nothing", async () => {
    const dealsBefore = await countDeals();
    const base = { accountName: "Acme", amount: 10, currency: "USD", stageId: ws.stages[0]!.id };
    const nul = await createDealAction({ ...base, name: "a\0b" });
    expect(nul).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    const deal = await createTestDeal(handle.db, ws, { ownerId: ws.people.rep.id });
    const surrogate = await editDealAction({ dealId: deal.id, patch: { accountName: "x\udc00" } });
    expect(surrogate).toMatchObject({
      ok: false,
      fieldErrors: { "patch.accountName": [expect.any(String)] },
    });
    expect(await countDeals()).toBe(dealsBefore + 1);
    const [stored] = await handle.db.select().from(deals).where(eq(deals.id, deal.id));
    expect(stored!.accountName).toBe(deal.accountName);
  });

  it("takes amounts only as numbers", async () => {
    const result = await createDealAction({
      name: "Strict",
      accountName: "Acme",
      amount: "12" as unknown as number,
      currency: "USD",
      stageId: ws.stages[0]!.id,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { amount: [expect.any(String)] } });
  });
});
