import { TermList } from "@/components/taxonomy/term-list";
import { PageHeader } from "@/components/ui/card";
import { taxonomyKinds } from "@/lib/taxonomy";
import { requirePage } from "@/server/auth/require-page";
import { listTermsWithUsage } from "@/server/taxonomy/taxonomy-queries";

export const metadata = { title: "Taxonomy" };

export default async function TaxonomyPage() {
  const { actor, db } = await requirePage("taxonomy.manage");
  const byKind = await listTermsWithUsage(db, actor);
  return (
    <>
      <PageHeader
        title="Taxonomy"
        description="The tags on assets and deals. Renaming, merging or deleting a tag changes it everywhere it is used."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {taxonomyKinds.map((kind) => (
          <TermList key={kind} kind={kind} terms={byKind[kind]} />
        ))}
      </div>
    </>
  );
}
