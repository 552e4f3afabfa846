import { TokenManager } from "@/components/settings/token-manager";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/server/auth/session";
import { listApiTokens } from "@/server/tokens/token-service";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor("tokens.manage");
  const tokens = await listApiTokens(await getDb(), actor);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens act with your role. Send them as <code>Authorization: Bearer …</code>; the API is described
            at{" "}
            <a className="underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      <Card>
        <TokenManager tokens={tokens} />
      </Card>
    </>
  );
}
