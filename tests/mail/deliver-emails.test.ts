import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { outboundEmails } from "@/db/schema";
import { deliverQueuedEmails, MAX_DELIVERY_ATTEMPTS } from "@/server/mail/deliver-emails";
import { queueEmail } from "@/server/mail/queue-email";
import { listOutbox } from "@/server/mail/outbox-queries";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

interface Received {
  to: string[];
  body: string;
}

let handle: DatabaseHandle;
let ws: TestWorkspace;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
// Addresses the test SMTP server refuses, to exercise retries.
const refused = new Set<string>();

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) callback(new Error("550 mailbox unavailable"));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
});

const transport = () =>
  nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });

describe("outgoing mail", () => {
  it("keeps mail in the outbox when no SMTP server is configured, and never sends it", async () => {
    const id = await queueEmail(
      handle.db,
      {
        workspaceId: ws.workspace.id,
        to: "outbox-only@example.test",
        kind: "invitation",
        subject: "You are invited",
        text: "Accept: http://localhost:3000/invite/abc",
      },
      { smtpConfigured: false },
    );
    const before = received.length;
    await deliverQueuedEmails(handle.db, transport(), { from: "Baton <baton@example.test>" });
    expect(received.length).toBe(before);
    const outbox = await listOutbox(handle.db, ws.workspace.id);
    expect(outbox.find((e) => e.id === id)).toMatchObject({ status: "outbox", kind: "invitation" });
  });

  it("sends queued mail through SMTP once, even when delivery runs again", async () => {
    const id = await queueEmail(
      handle.db,
      {
        workspaceId: ws.workspace.id,
        to: "rep@example.test",
        kind: "digest",
        subject: "Your weekly digest",
        text: "Three new case studies.",
      },
      { smtpConfigured: true },
    );
    const first = await deliverQueuedEmails(handle.db, transport(), { from: "Baton <baton@example.test>" });
    const second = await deliverQueuedEmails(handle.db, transport(), { from: "Baton <baton@example.test>" });
    expect(first).toEqual({ sent: 1, failed: 0 });
    expect(second).toEqual({ sent: 0, failed: 0 });
    const delivered = received.filter((r) => r.to.includes("rep@example.test"));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.body).toContain("Subject: Your weekly digest");
    expect(delivered[0]!.body).toContain("Three new case studies.");
    const [row] = await handle.db.select().from(outboundEmails).where(eq(outboundEmails.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("records a refusal, retries, and gives up after the last attempt with the server's answer", async () => {
    refused.add("gone@example.test");
    const id = await queueEmail(
      handle.db,
      {
        workspaceId: ws.workspace.id,
        to: "gone@example.test",
        kind: "notification",
        subject: "Feedback on your asset",
        text: "…",
      },
      { smtpConfigured: true },
    );
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS + 2; i += 1)
      await deliverQueuedEmails(handle.db, transport(), { from: "Baton <baton@example.test>" });
    const [row] = await handle.db.select().from(outboundEmails).where(eq(outboundEmails.id, id));
    expect(row!.status).toBe("failed");
    expect(row!.attempts).toBe(MAX_DELIVERY_ATTEMPTS);
    expect(row!.lastError).toMatch(/mailbox unavailable/);
    expect(received.some((r) => r.to.includes("gone@example.test"))).toBe(false);
  });
});
