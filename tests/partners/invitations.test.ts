import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { outboundEmails, partnerInvitations, users } from "@/db/schema";
import { loadActor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import {
  acceptInvitation,
  inspectInvitation,
  invitePartnerUser,
  revokeInvitation,
} from "@/server/partners/partner-invitations";
import { updatePartnerOrg } from "@/server/partners/partner-orgs";
import { updateUser } from "@/server/users/user-admin";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

async function invite(email: string) {
  const admin = await ws.actor(ws.people.admin);
  const invitation = await invitePartnerUser(handle.db, admin, { partnerOrgId: ws.orgs.low.id, email });
  const [mail] = await handle.db
    .select()
    .from(outboundEmails)
    .where(and(eq(outboundEmails.toAddress, email), eq(outboundEmails.kind, "partner_invitation")));
  const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]!;
  return { invitation, token, mail: mail! };
}

describe("partner invitations", () => {
  it("mails a one-time link whose token is stored only as a hash, and signs up a partner of that org", async () => {
    const { invitation, token, mail } = await invite("new.partner@registered.test");
    expect(mail.status).toBe("outbox");
    expect(invitation.tokenHash).not.toContain(token);
    expect(await inspectInvitation(handle.db, token)).toMatchObject({
      state: "open",
      email: "new.partner@registered.test",
      orgName: "Registered Co",
    });

    const user = await acceptInvitation(handle.db, {
      token,
      name: "New Partner",
      password: "a long password",
    });
    const actor = await loadActor(handle.db, user.id);
    expect(actor).toMatchObject({ role: "partner", partnerOrgId: ws.orgs.low.id });
    expect(await inspectInvitation(handle.db, token)).toEqual({ state: "used" });
    await expect(
      acceptInvitation(handle.db, { token, name: "Again", password: "a long password" }),
    ).rejects.toThrow(/already been accepted/);
  });

  it("refuses expired, revoked and unknown links with a clear message", async () => {
    const expired = await invite("late@registered.test");
    await handle.db
      .update(partnerInvitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(partnerInvitations.id, expired.invitation.id));
    expect(await inspectInvitation(handle.db, expired.token)).toEqual({ state: "expired" });
    await expect(
      acceptInvitation(handle.db, { token: expired.token, name: "Late", password: "a long password" }),
    ).rejects.toThrow(/expired/);

    const revoked = await invite("withdrawn@registered.test");
    await revokeInvitation(handle.db, await ws.actor(ws.people.admin), revoked.invitation.id);
    await expect(
      acceptInvitation(handle.db, { token: revoked.token, name: "W", password: "a long password" }),
    ).rejects.toThrow(/withdrawn/);

    expect(await inspectInvitation(handle.db, "x".repeat(43))).toEqual({ state: "unknown" });
    const [created] = await handle.db.select().from(users).where(eq(users.email, "late@registered.test"));
    expect(created).toBeUndefined();
  });

  it("will not invite an existing account's email", async () => {
    await expect(invite(ws.people.rep.email)).rejects.toThrow(/already has an account/);
  });

  it("deactivating an org signs its partners out at once and blocks them until reactivated", async () => {
    const admin = await ws.actor(ws.people.admin);
    const partner = ws.people.partnerHigh;
    const before = (await loadActor(handle.db, partner.id))!;
    await updatePartnerOrg(handle.db, admin, ws.orgs.high.id, { active: false });
    expect(await loadActor(handle.db, partner.id)).toBeNull();
    await updatePartnerOrg(handle.db, admin, ws.orgs.high.id, { active: true });
    // The old session stays dead (its version moved on); a fresh sign-in works again.
    expect(await loadActor(handle.db, partner.id, before.sessionVersion)).toBeNull();
    expect(await loadActor(handle.db, partner.id)).not.toBeNull();
  });

  it("only admins and marketers flagged as channel managers may manage partners", async () => {
    const admin = await ws.actor(ws.people.admin);
    expect(actorCan(await ws.actor(ws.people.marketer), "partners.manage")).toBe(false);
    await updateUser(handle.db, admin, { userId: ws.people.marketer.id, channelManager: true });
    expect(actorCan(await ws.actor(ws.people.marketer), "partners.manage")).toBe(true);
    expect(actorCan(admin, "partners.manage")).toBe(true);
    await updateUser(handle.db, admin, { userId: ws.people.rep.id, channelManager: true });
    const rep = await ws.actor(ws.people.rep);
    expect(rep.channelManager).toBe(false);
    expect(actorCan(rep, "partners.manage")).toBe(false);
    expect(actorCan(await ws.actor(ws.people.partnerLow), "partners.manage")).toBe(false);
  });
});
