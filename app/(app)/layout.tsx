import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/server/auth/session";
import { can } from "@/server/authz/permissions";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const nav = [
    { href: "/library", label: "Library", show: can(actor.role, "assets.read") },
    { href: "/deals", label: "Deals", show: can(actor.role, "deals.read") },
    { href: "/assets/new", label: "Upload", show: can(actor.role, "assets.write") },
    { href: "/settings/taxonomy", label: "Taxonomy", show: can(actor.role, "taxonomy.manage") },
    { href: "/admin/users", label: "Admin", show: can(actor.role, "users.manage") },
    { href: "/settings/tokens", label: "API tokens", show: can(actor.role, "tokens.manage") },
  ].filter((i) => i.show);
  return (
    <AppShell
      nav={nav}
      user={{ name: actor.name, email: actor.email, role: actor.role, org: actor.partnerOrgName }}
    >
      {children}
    </AppShell>
  );
}
