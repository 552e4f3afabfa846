import Link from "next/link";
import { z } from "zod";
import { LinkTabs } from "@/components/content/link-tabs";
import { WhatsNewGroups } from "@/components/content/whats-new-groups";
import { AnnouncementForm } from "@/components/notifications/announcement-form";
import { AnnouncementList } from "@/components/notifications/announcement-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { whatsNewRanges, type WhatsNewRange } from "@/lib/content-views";
import { listWhatsNew } from "@/server/assets/whats-new-queries";
import { requirePage } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";
import { listAnnouncements } from "@/server/notifications/announcements";
import { listTiers } from "@/server/partners/partner-tiers";
import { seesInternalDetails } from "@/server/authz/rules";

export const metadata = { title: "What's new" };

const DEFAULT_RANGE: WhatsNewRange = 30;
const params = z.object({
  since: z.coerce.number().pipe(z.literal(whatsNewRanges)).catch(DEFAULT_RANGE),
});

export default async function WhatsNewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { actor, db } = await requirePage("assets.read");
  const { since } = params.parse(await searchParams);
  const canAnnounce = actorCan(actor, "announcements.publish");
  const [{ groups, assetCount }, announcements, tiers] = await Promise.all([
    listWhatsNew(db, actor, { sinceDays: since }),
    listAnnouncements(db, actor, { sinceDays: since }),
    canAnnounce ? listTiers(db, actor) : Promise.resolve([]),
  ]);
  const canWrite = actorCan(actor, "assets.write");
  return (
    <>
      <PageHeader
        title="What's new"
        description={
          assetCount === 0
            ? `Content published in the last ${since} days, by buying stage.`
            : `${assetCount} ${assetCount === 1 ? "asset" : "assets"} published in the last ${since} days, by buying stage.`
        }
        actions={
          <LinkTabs
            label="Published since"
            tabs={whatsNewRanges.map((days) => ({
              href: days === DEFAULT_RANGE ? "/whats-new" : `/whats-new?since=${days}`,
              label: `${days} days`,
              active: days === since,
            }))}
          />
        }
      />
      {canAnnounce ? (
        <div className="mb-6">
          <AnnouncementForm tiers={tiers} />
        </div>
      ) : null}
      {announcements.length ? <AnnouncementList announcements={announcements} /> : null}
      {groups.length === 0 ? (
        <EmptyState title={`Nothing new in the last ${since} days`}>
          {since < 90 ? (
            <>
              <Link href="/whats-new?since=90" className="font-medium text-brand-700 hover:underline">
                Look back 90 days
              </Link>{" "}
              or browse the{" "}
            </>
          ) : (
            "Browse the "
          )}
          <Link href="/library" className="font-medium text-brand-700 hover:underline">
            library
          </Link>
          {canWrite ? " — or publish something new for the field." : "."}
        </EmptyState>
      ) : (
        <WhatsNewGroups groups={groups} showOwner={seesInternalDetails(actor)} />
      )}
    </>
  );
}
