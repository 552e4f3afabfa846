import Link from "next/link";
import { FollowButton } from "@/components/notifications/follow-button";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { assetTypeLabels, assetTypes } from "@/lib/assets";
import { requirePage } from "@/server/auth/require-page";
import { getNotificationSettings, listFollows } from "@/server/notifications/subscriptions";
import { listTermOptions } from "@/server/taxonomy/taxonomy-queries";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const { actor, db } = await requirePage("notifications.manage");
  const [settings, follows, stages, terms] = await Promise.all([
    getNotificationSettings(db, actor),
    listFollows(db, actor),
    listStages(db, actor.workspaceId),
    listTermOptions(db, actor.workspaceId),
  ]);
  const followed = (key: "stageId" | "termId" | "assetType", value: string) =>
    follows.some((f) => f[key] === value);
  const group = (title: string, items: { id: string; name: string; key: "stageId" | "termId" }[]) => (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      <ul className="mt-1 flex flex-wrap gap-2" aria-label={title}>
        {items.map((i) => (
          <li key={i.id} className="flex items-center gap-1 text-sm">
            <span>{i.name}</span>
            <FollowButton
              compact
              name={i.name}
              target={i.key === "stageId" ? { stageId: i.id } : { termId: i.id }}
              following={followed(i.key, i.id)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
  const singleAssets = follows.filter((f) => f.assetId && f.name);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Follow what matters to your deals; choose how often Baton emails you."
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="Follow">
          <div className="space-y-4">
            {group(
              "Buying stages",
              stages.map((s) => ({ id: s.id, name: s.name, key: "stageId" as const })),
            )}
            {group(
              "Products",
              terms
                .filter((t) => t.kind === "product")
                .map((t) => ({ id: t.id, name: t.name, key: "termId" as const })),
            )}
            {group(
              "Industries",
              terms
                .filter((t) => t.kind === "industry")
                .map((t) => ({ id: t.id, name: t.name, key: "termId" as const })),
            )}
            <div>
              <h3 className="text-sm font-medium text-slate-700">Asset types</h3>
              <ul className="mt-1 flex flex-wrap gap-2" aria-label="Asset types">
                {assetTypes.map((t) => (
                  <li key={t} className="flex items-center gap-1 text-sm">
                    <span>{assetTypeLabels[t]}</span>
                    <FollowButton
                      compact
                      name={assetTypeLabels[t]}
                      target={{ assetType: t }}
                      following={followed("assetType", t)}
                    />
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h3 className="text-sm font-medium text-slate-700">Single assets</h3>
              {singleAssets.length === 0 ? (
                <p className="mt-1 text-sm text-slate-500">
                  Use “Follow” on an asset&apos;s page to hear about its new versions.
                </p>
              ) : (
                <ul className="mt-1 space-y-1" aria-label="Followed assets">
                  {singleAssets.map((f) => (
                    <li key={f.assetId} className="flex items-center gap-2 text-sm">
                      <Link href={`/assets/${f.assetId}`} className="underline">
                        {f.name}
                      </Link>
                      <FollowButton compact name={f.name!} target={{ assetId: f.assetId! }} following />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </Card>
        <Card title="Email and muting">
          <PreferencesForm digest={settings.digest} mutedKinds={settings.mutedKinds} />
        </Card>
      </div>
    </>
  );
}
