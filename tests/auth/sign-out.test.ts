import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { authOptions } from "@/server/auth/auth-options";
import { loadActor } from "@/server/authz/actor";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const signOut = (token: { uid: string; sv: number }) =>
  authOptions.events!.signOut!({ token, session: null } as unknown as Parameters<
    NonNullable<NonNullable<typeof authOptions.events>["signOut"]>
  >[0]);

describe("sign-out", () => {
  it("revokes the session on the server: the signed token it carried is refused afterwards", async () => {
    const user = ws.people.rep;
    const { sessionVersion } = (await loadActor(handle.db, user.id))!;
    expect(await loadActor(handle.db, user.id, sessionVersion)).not.toBeNull();
    await signOut({ uid: user.id, sv: sessionVersion });
    expect(await loadActor(handle.db, user.id, sessionVersion)).toBeNull();
    // Signing in again issues a token with the new version, which works.
    const again = (await loadActor(handle.db, user.id))!;
    expect(again.sessionVersion).toBe(sessionVersion + 1);
    expect(await loadActor(handle.db, user.id, again.sessionVersion)).not.toBeNull();
  });

  it("a stale token signing out again changes nothing for the current session", async () => {
    const user = ws.people.marketer;
    const { sessionVersion } = (await loadActor(handle.db, user.id))!;
    await signOut({ uid: user.id, sv: sessionVersion });
    await signOut({ uid: user.id, sv: sessionVersion });
    expect((await loadActor(handle.db, user.id))!.sessionVersion).toBe(sessionVersion + 1);
  });
});
