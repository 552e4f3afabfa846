import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { countOwnerAttention } from "@/server/assets/attention-queries";
import { requirePage } from "@/server/auth/require-page";
import { countOpenFeedback } from "@/server/feedback/feedback-attention";
import { actorCan } from "@/server/authz/permissions";
import { settingsTabsFor } from "@/server/authz/settings-access";
import { getWorkspaceSettings } from "@/server/workspaces/workspace-settings";
import { countUnread } from "@/server/notifications/notification-queries";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const { actor, db } = await requirePage();
  const marketing = actorCan(actor, "assets.write");
  // The badge counts what the owner must act on: content problems plus new feedback from the field.
  const [attention, workspace, unread] = await Promise.all([
    marketing
      ? Promise.all([countOwnerAttention(db, actor), countOpenFeedback(db, actor)]).then(([a, b]) => a + b)
      : 0,
    getWorkspaceSettings(db, actor.workspaceId),
    countUnread(db, actor),
  ]);
  // Each entry's group names its menu when the list is long enough to be grouped (marketers and admins).
  const nav = [
    { href: "/library", label: "Library", show: actorCan(actor, "assets.read") },
    { href: "/whats-new", label: "What's new", group: "Content", show: actorCan(actor, "assets.read") },
    { href: "/content", label: "My content", group: "Content", show: marketing },
    {
      href: "/content/attention",
      label: "Needs attention",
      group: "Content",
      show: marketing,
      badge: attention,
    },
    { href: "/deals", label: "Deals", group: "Deals", show: actorCan(actor, "deals.read") },
    { href: "/plays", label: "Plays", group: "Deals", show: actorCan(actor, "plays.read") },
    { href: "/analytics", label: "Analytics", group: "Insights", show: actorCan(actor, "analytics.read") },
    {
      href: "/analytics/what-works",
      label: "What works",
      group: "Insights",
      show: actorCan(actor, "analytics.stage_insights") && !actorCan(actor, "analytics.read"),
    },
    { href: "/requests", label: "Requests", group: "Content", show: actorCan(actor, "requests.create") },
    { href: "/assets/new", label: "Upload", group: "Content", show: actorCan(actor, "assets.write") },
    { href: "/partners", label: "Partners", group: "Admin", show: actorCan(actor, "partners.manage") },
    { href: "/admin/users", label: "Users", group: "Admin", show: actorCan(actor, "users.manage") },
    { href: "/settings", label: "Settings", group: "Admin", show: settingsTabsFor(actor).length > 0 },
  ].filter((i) => i.show);
  return (
    <AppShell
      nav={nav}
      user={{ name: actor.name, email: actor.email, role: actor.role, org: actor.partnerOrgName }}
      brand={{ name: workspace.name, logoUrl: workspace.logoUrl }}
      unread={unread}
    >
      {children}
    </AppShell>
  );
}
