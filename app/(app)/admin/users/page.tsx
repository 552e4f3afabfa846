import Link from "next/link";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { ScrollTable } from "@/components/ui/scroll-table";
import { formatDate } from "@/lib/format";
import { roleLabels } from "@/lib/roles";
import { requirePage } from "@/server/auth/require-page";
import { listPartnerOrgs } from "@/server/partners/partner-orgs";
import { listUsers } from "@/server/users/user-admin";

export const metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const { actor, db } = await requirePage("users.manage");
  const [users, orgs] = await Promise.all([listUsers(db, actor), listPartnerOrgs(db, actor)]);
  return (
    <>
      <PageHeader
        title="Users and partners"
        description="Add people, set their roles, and manage partner organisations."
      />
      <div className="space-y-6">
        <Card title="Add a user">
          <CreateUserForm partnerOrgs={orgs.filter((o) => o.active)} />
        </Card>
        <Card title={`Users (${users.length})`}>
          {/* On a phone the table scrolls inside its own region, not the whole page. */}
          <ScrollTable
            label="Users"
            className="-mx-1 px-1"
            tableClassName="text-sm"
            headClassName="text-left text-xs uppercase tracking-wide text-slate-500"
            cellClassName="py-2"
            columns={["Name", "Role", "Last sign-in", { label: "Actions", className: "py-2 text-right" }]}
          >
            {users.map((u) => (
              <tr key={u.id} className={u.active ? "" : "text-slate-400"}>
                <td className="py-2">
                  <div className="font-medium">{u.name}</div>
                  <div className="text-xs text-slate-500">{u.email}</div>
                </td>
                <td className="py-2">
                  {roleLabels[u.role]}
                  {u.partnerOrgName ? ` · ${u.partnerOrgName}` : u.team ? ` · ${u.team}` : ""}{" "}
                  {!u.active ? <Badge tone="red">Deactivated</Badge> : null}
                </td>
                <td className="py-2">{formatDate(u.lastSignInAt)}</td>
                <td className="py-2">
                  <UserRowActions user={u} isSelf={u.id === actor.userId} />
                </td>
              </tr>
            ))}
          </ScrollTable>
        </Card>
        <Card title="Partner organisations">
          <p className="text-sm text-slate-600">
            {orgs.length} {orgs.length === 1 ? "organisation" : "organisations"}. Create them, set tiers and
            invite their people on{" "}
            <Link href="/partners" className="text-brand-700 underline">
              Partners
            </Link>
            .
          </p>
        </Card>
      </div>
    </>
  );
}
