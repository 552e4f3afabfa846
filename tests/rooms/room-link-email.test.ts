import { and, eq, inArray } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { outboundEmails, roomLinkEmails, rooms } from "@/db/schema";
import { createRoomRoute, getRoomRoute } from "@/server/api/routes/rooms";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { apiRoutes } from "@/server/api/routes";
import { deliverQueuedEmails } from "@/server/mail/deliver-emails";
import { listOutbox } from "@/server/mail/outbox-queries";
import { createApiToken } from "@/server/tokens/token-service";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { callRoute } from "./api-call";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  token = (await createApiToken(handle.db, await ws.actor(ws.people.rep), "rep")).secret;
});
afterAll(() => handle.close());

const roomMails = (workspaceId: string) =>
  handle.db
    .select()
    .from(outboundEmails)
    .where(and(eq(outboundEmails.workspaceId, workspaceId), eq(outboundEmails.kind, "room_link")));

describe("e-mailing a room's link to the buyer", () => {
  it("sends nothing unless the rep asks", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const asset = await createTestAsset(handle.db, ws);
    const created = await callRoute(createRoomRoute, token, {
      params: { id: deal.id },
      body: { title: "Quiet", assetIds: [asset.id] },
    });
    expect(created.status).toBe(201);
    expect(created.body.emails).toEqual([]);
    expect(await roomMails(ws.workspace.id)).toEqual([]);
  });

  it("mails each address once with the link, also when the request is retried, and never the password", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const asset = await createTestAsset(handle.db, ws, { title: "Harborview pricing" });
    const body = {
      title: "For Harborview",
      message: "As promised on Tuesday.",
      assetIds: [asset.id],
      password: "open sesame 42",
      sendTo: ["Ann@Harborview.example", "bo@harborview.example"],
    };
    const first = await callRoute(createRoomRoute, token, { params: { id: deal.id }, body, key: "mail-1" });
    expect(first.status).toBe(201);
    const retry = await callRoute(createRoomRoute, token, { params: { id: deal.id }, body, key: "mail-1" });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);

    const mails = await roomMails(ws.workspace.id);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(["ann@harborview.example", "bo@harborview.example"]);
    for (const m of mails) {
      expect(m.subject).toBe(`${ws.people.rep.name} shared “For Harborview” with you`);
      expect(m.textBody).toContain(first.body.url);
      expect(m.textBody).toContain("As promised on Tuesday.");
      expect(m.textBody).toContain("- Harborview pricing");
      expect(m.textBody).not.toContain("open sesame 42");
      // No SMTP server in tests: the message waits in the outbox, and the rep is told so.
      expect(m.status).toBe("outbox");
    }
    expect(first.body.emails.map((e: { to: string; status: string }) => [e.to, e.status])).toEqual([
      ["ann@harborview.example", "outbox"],
      ["bo@harborview.example", "outbox"],
    ]);
  });

  it("shows the rep where each message stands as the delivery worker sends it", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const asset = await createTestAsset(handle.db, ws);
    const created = await callRoute(createRoomRoute, token, {
      params: { id: deal.id },
      body: { title: "Queued", assetIds: [asset.id], sendTo: ["cy@buyer.example"] },
    });
    const [link] = await handle.db
      .select()
      .from(roomLinkEmails)
      .where(eq(roomLinkEmails.roomId, created.body.id));
    // As with SMTP configured: the message is queued for the worker.
    await handle.db
      .update(outboundEmails)
      .set({ status: "queued" })
      .where(eq(outboundEmails.id, link!.emailId));
    const queued = await callRoute(getRoomRoute, token, { params: { id: created.body.id } });
    expect(queued.body.emails).toMatchObject([{ to: "cy@buyer.example", status: "queued", sentAt: null }]);

    const sent: { to: string; text: string }[] = [];
    const transport = {
      sendMail: async (m: { to: string; text: string }) => void sent.push({ to: m.to, text: m.text }),
    } as unknown as Pick<Transporter, "sendMail">;
    expect(await deliverQueuedEmails(handle.db, transport, { from: "baton@test" })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(sent).toEqual([{ to: "cy@buyer.example", text: expect.stringContaining(created.body.url) }]);
    const after = await callRoute(getRoomRoute, token, { params: { id: created.body.id } });
    expect(after.body.emails).toMatchObject([{ to: "cy@buyer.example", status: "sent" }]);
    expect(Date.parse(after.body.emails[0].sentAt)).toBeGreaterThan(Date.now() - 60_000);
    // Once it went out by mail, admins reading the outbox do not get the buyer's link.
    const outbox = await listOutbox(handle.db, ws.workspace.id);
    const row = outbox.find((m) => m.id === link!.emailId)!;
    expect(row.textBody).not.toContain(created.body.url);
    expect(row.textBody).toMatch(/^Withheld/);
  });

  it("refuses bad or repeated addresses, and a refused room mails nobody", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const asset = await createTestAsset(handle.db, ws);
    const bad = await callRoute(createRoomRoute, token, {
      params: { id: deal.id },
      body: { title: "Bad", assetIds: [asset.id], sendTo: ["ann@buyer.example", "not an address"] },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fieldErrors)).toEqual(["sendTo.1"]);
    const twice = await callRoute(createRoomRoute, token, {
      params: { id: deal.id },
      body: { title: "Twice", assetIds: [asset.id], sendTo: ["ann@buyer.example", "ANN@buyer.example"] },
    });
    expect(twice.status).toBe(422);
    const draft = await createTestAsset(handle.db, ws, { status: "draft" });
    const refused = await callRoute(createRoomRoute, token, {
      params: { id: deal.id },
      body: { title: "Draft", assetIds: [draft.id], sendTo: ["dee@buyer.example"] },
    });
    expect(refused.status).toBe(404);
    const dealRooms = await handle.db.select({ id: rooms.id }).from(rooms).where(eq(rooms.dealId, deal.id));
    expect(dealRooms).toEqual([]);
    const mails = await roomMails(ws.workspace.id);
    expect(mails.filter((m) => ["ann@buyer.example", "dee@buyer.example"].includes(m.toAddress))).toEqual([]);
    const links = await handle.db
      .select()
      .from(roomLinkEmails)
      .where(inArray(roomLinkEmails.toAddress, ["ann@buyer.example", "dee@buyer.example"]));
    expect(links).toEqual([]);
  });

  it("is documented on POST /api/v1/deals/{id}/rooms", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = buildOpenApiDocument(apiRoutes, "http://localhost:3000") as any;
    const op = doc.paths["/api/v1/deals/{id}/rooms"].post;
    const ref: string = op.requestBody.content["application/json"].schema.$ref;
    const body = doc.components.schemas[ref.split("/").pop()!];
    expect(body.properties.sendTo).toMatchObject({ type: "array", items: { format: "email" } });
    expect(body.properties.sendTo.description).toMatch(/Empty \(the default\): Baton sends nothing/);
    expect(body.required ?? []).not.toContain("sendTo");
    const room = doc.components.schemas.Room;
    expect(room.properties.emails.items.properties.status.enum).toEqual([
      "outbox",
      "queued",
      "sent",
      "failed",
    ]);
  });
});
