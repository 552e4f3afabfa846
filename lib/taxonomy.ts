/** The kinds of tag an asset or a deal can carry; the same lists serve both. */
export const taxonomyKinds = ["product", "industry", "persona", "region", "competitor"] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];

export const taxonomyKindLabels: Record<TaxonomyKind, { one: string; many: string }> = {
  product: { one: "Product", many: "Products" },
  industry: { one: "Industry", many: "Industries" },
  persona: { one: "Persona", many: "Personas" },
  region: { one: "Region", many: "Regions" },
  competitor: { one: "Competitor", many: "Competitors" },
};
