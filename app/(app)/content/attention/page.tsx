import Link from "next/link";
import { z } from "zod";
import { AttentionSection, type AttentionItem } from "@/components/content/attention-section";
import { LinkTabs } from "@/components/content/link-tabs";
import { PageHeader } from "@/components/ui/card";
import { NEVER_USED_AFTER_DAYS, REVIEW_DUE_WITHIN_DAYS, ownerScopes } from "@/lib/content-views";
import { formatDate } from "@/lib/format";
import { daysFrom, describeDays } from "@/lib/relative-days";
import { getAttention, type Attention } from "@/server/assets/attention-queries";
import { requirePage } from "@/server/auth/require-page";
import { feedbackNeedingAttention } from "@/server/feedback/feedback-attention";
import { actorCan } from "@/server/authz/permissions";
import { actsForEveryone } from "@/server/authz/rules";

export const metadata = { title: "Needs attention" };

const params = z.object({ owner: z.enum(ownerScopes).catch("mine") });

type Row = Attention["expired"]["items"][number];

export default async function NeedsAttentionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { actor, db } = await requirePage("assets.write");
  const { owner } = params.parse(await searchParams);
  const attention = await getAttention(db, actor, { owner });
  const all = attention.acrossOwners;
  const feedback = await feedbackNeedingAttention(db, actor, { acrossOwners: all });
  const now = new Date();
  const item = (row: Row, reason: string, urgent = false): AttentionItem => ({ ...row, reason, urgent });
  const yours = all ? "" : "your ";
  const actionCount =
    attention.expired.count + attention.reviewDue.count + attention.processingFailed.count + feedback.count;

  // The owner's asset sections: each lists one group of the attention query, with why an asset is in it.
  const assetSections = [
    {
      title: "Expired",
      description: "Published but past the expiry date, so hidden from reps and partners.",
      group: attention.expired,
      itemOf: (r: Row) =>
        item(r, `Expired ${describeDays(daysFrom(r.expiresAt!, now))} (${formatDate(r.expiresAt)})`, true),
      emptyText: `None of ${yours || "the "}published assets have expired.`,
    },
    {
      title: "Review due",
      description: `Review date passed or within ${REVIEW_DUE_WITHIN_DAYS} days.`,
      group: attention.reviewDue,
      itemOf: (r: Row) => {
        const days = daysFrom(r.reviewBy!, now);
        const when = formatDate(r.reviewBy);
        return days < 0
          ? item(r, `Review overdue since ${when}`, true)
          : item(r, `Review due ${describeDays(days)} (${when})`);
      },
      emptyText: "No reviews are due in the next week.",
    },
    {
      title: "Processing failed",
      description: "The current file could not be read: no preview and no search text until it is replaced.",
      group: attention.processingFailed,
      itemOf: (r: Row) => item(r, r.processingError ?? "No reason recorded", r.status === "published"),
      emptyText: "Every current file was processed.",
    },
    {
      title: "Never used",
      description: `Published ${NEVER_USED_AFTER_DAYS}+ days ago and not logged in any deal yet.`,
      group: attention.neverUsed,
      itemOf: (r: Row) => item(r, `Published ${formatDate(r.publishedAt)}, no usage logged`),
      emptyText: `Every asset published over ${NEVER_USED_AFTER_DAYS} days ago has been used in a deal.`,
    },
  ];

  return (
    <>
      <PageHeader
        title="Needs attention"
        description={
          actionCount === 0
            ? `Nothing of ${all ? "anyone's" : "yours"} is expired, due for review, failed to process or has new feedback.`
            : `${actionCount} ${actionCount === 1 ? "item needs" : "items need"} action: expired, due for review, failed to process or new feedback.`
        }
        actions={
          actsForEveryone(actor) ? (
            <LinkTabs
              label="Owner"
              tabs={[
                { href: "/content/attention", label: "Mine", active: !all },
                { href: "/content/attention?owner=all", label: "All owners", active: all },
              ]}
            />
          ) : null
        }
      />
      <div className="space-y-6">
        <AttentionSection
          title="New feedback"
          description="Open comments and questions from the field, and “didn’t help” ratings you have not read."
          count={feedback.count}
          showOwner={all}
          items={feedback.items.map((r) => ({
            id: r.id,
            title: r.title,
            type: r.type,
            status: r.status,
            ownerName: r.ownerName,
            reason: describeFeedback(r),
            urgent: r.openQuestions > 0,
          }))}
          emptyText="No open questions or new “didn’t help” ratings."
        />
        {assetSections.map((section) => (
          <AttentionSection
            key={section.title}
            title={section.title}
            description={section.description}
            count={section.group.count}
            showOwner={all}
            items={section.group.items.map(section.itemOf)}
            emptyText={section.emptyText}
          />
        ))}
        {actorCan(actor, "assets.publish") ? (
          <AttentionSection
            title="Awaiting review"
            description="Submitted by someone else and waiting for a publisher."
            count={attention.awaitingReview.count}
            showOwner
            items={attention.awaitingReview.items.map((r) =>
              item(r, `Waiting since ${formatDate(r.updatedAt)}`),
            )}
            emptyText="No one is waiting on a review."
          />
        ) : null}
      </div>
      <p className="mt-6 text-sm text-slate-500">
        Looking for everything you own?{" "}
        <Link href="/content" className="font-medium text-brand-700 hover:underline">
          Open My content
        </Link>
        .
      </p>
    </>
  );
}

function describeFeedback(r: { openThreads: number; openQuestions: number; newNotHelped: number }) {
  const comments = r.openThreads - r.openQuestions;
  const parts = [
    r.openQuestions ? `${r.openQuestions} open ${r.openQuestions === 1 ? "question" : "questions"}` : "",
    comments ? `${comments} open ${comments === 1 ? "comment" : "comments"}` : "",
    r.newNotHelped ? `${r.newNotHelped} new “didn’t help”` : "",
  ];
  return parts.filter(Boolean).join(" · ");
}
