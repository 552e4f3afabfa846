import Link from "next/link";
import { z } from "zod";
import { ContentTable } from "@/components/content/content-table";
import { LinkTabs } from "@/components/content/link-tabs";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import {
  contentStatusFilterLabels,
  contentStatusFilters,
  ownerScopes,
  type ContentStatusFilter,
  type OwnerScope,
} from "@/lib/content-views";
import { listMyContent } from "@/server/assets/my-content-queries";
import { requirePage } from "@/server/auth/require-page";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "My content" };

const params = z.object({
  status: z.enum(contentStatusFilters).catch("all"),
  owner: z.enum(ownerScopes).catch("mine"),
});

function contentHref(status: ContentStatusFilter, owner: OwnerScope) {
  const query = new URLSearchParams();
  if (status !== "all") query.set("status", status);
  if (owner !== "mine") query.set("owner", owner);
  const qs = query.toString();
  return qs ? `/content?${qs}` : "/content";
}

export default async function MyContentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { actor, db } = await requirePage("assets.write");
  const { status, owner } = params.parse(await searchParams);
  const [{ items, counts }, stages] = await Promise.all([
    listMyContent(db, actor, { status, owner }),
    listStages(db, actor.workspaceId),
  ]);
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const whose = owner === "mine" ? "You have" : "The workspace has";
  return (
    <>
      <PageHeader
        title="My content"
        description={
          owner === "mine"
            ? "Assets you own, by lifecycle status."
            : "Every asset in the workspace, by lifecycle status."
        }
        actions={
          <>
            <ButtonLink href="/content/attention" variant="secondary">
              Needs attention
            </ButtonLink>
            <ButtonLink href="/assets/new">Upload asset</ButtonLink>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <LinkTabs
          label="Status"
          tabs={contentStatusFilters.map((s) => ({
            href: contentHref(s, owner),
            label: contentStatusFilterLabels[s],
            count: counts[s],
            active: s === status,
          }))}
        />
        <LinkTabs
          label="Owner"
          tabs={[
            { href: contentHref(status, "mine"), label: "Mine", active: owner === "mine" },
            { href: contentHref(status, "all"), label: "Everyone's", active: owner === "all" },
          ]}
        />
      </div>
      {items.length === 0 ? (
        <EmptyState
          title={
            status === "all"
              ? `${whose} no content yet`
              : `${whose} no ${contentStatusFilterLabels[status].toLowerCase()} content`
          }
        >
          {status === "all" ? (
            <>
              <Link href="/assets/new" className="font-medium text-brand-700 hover:underline">
                Upload an asset
              </Link>{" "}
              to start your library.
            </>
          ) : (
            <>
              Pick another status above, or{" "}
              <Link href="/assets/new" className="font-medium text-brand-700 hover:underline">
                upload an asset
              </Link>
              .
            </>
          )}
        </EmptyState>
      ) : (
        <ContentTable
          showOwner={owner === "all"}
          rows={items.map((i) => ({ ...i, stageNames: i.stageIds.map((id) => stageName.get(id) ?? "") }))}
        />
      )}
    </>
  );
}
