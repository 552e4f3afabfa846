import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { listNotifications } from "@/server/notifications/notification-queries";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const { actor, db } = await requirePage();
  const items = await listNotifications(db, actor);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="New content for what you follow, new versions of what you used, your requests and announcements."
        actions={
          <ButtonLink href="/settings/notifications" variant="secondary">
            What I follow and get by email
          </ButtonLink>
        }
      />
      {items.length === 0 ? (
        <EmptyState title="Nothing here yet">
          Follow a buying stage, product, industry or asset type under{" "}
          <Link href="/settings/notifications" className="text-brand-700 underline">
            notification settings
          </Link>{" "}
          and new content for it will show up here.
        </EmptyState>
      ) : (
        <NotificationList items={items} />
      )}
    </>
  );
}
