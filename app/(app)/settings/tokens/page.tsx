import { TokenManager } from "@/components/settings/token-manager";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { listApiTokens } from "@/server/tokens/token-service";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const { actor, db } = await requirePage("tokens.manage");
  const tokens = await listApiTokens(db, actor);
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
