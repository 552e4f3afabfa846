import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { getDb } from "@/db/client";
import { countOwnerAttention } from "@/server/assets/attention-queries";
import { requirePageActor } from "@/server/auth/session";
import { can } from "@/server/authz/permissions";
import { settingsTabsFor } from "@/server/authz/settings-access";
import { countUnread } from "@/server/notifications/notification-queries";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const marketing = can(actor.role, "assets.write");
  const db = await getDb();
  const [attention, unread] = await Promise.all([
    marketing ? countOwnerAttention(db, actor) : 0,
    countUnread(db, actor),
  ]);
  const nav = [
    { href: "/library", label: "Library", show: can(actor.role, "assets.read") },
    { href: "/whats-new", label: "What's new", show: can(actor.role, "assets.read") },
    { href: "/content", label: "My content", show: marketing },
    { href: "/content/attention", label: "Needs attention", show: marketing, badge: attention },
    { href: "/deals", label: "Deals", show: can(actor.role, "deals.read") },
    { href: "/requests", label: "Requests", show: can(actor.role, "requests.create") },
    { href: "/assets/new", label: "Upload", show: can(actor.role, "assets.write") },
    { href: "/admin/users", label: "Admin", show: can(actor.role, "users.manage") },
    { href: "/settings", label: "Settings", show: settingsTabsFor(actor.role).length > 0 },
  ].filter((i) => i.show);
  return (
    <AppShell
      nav={nav}
      user={{ name: actor.name, email: actor.email, role: actor.role, org: actor.partnerOrgName }}
      unread={unread}
    >
      {children}
    </AppShell>
  );
}
