import Link from "next/link";
import { AssetTypeBadge } from "@/components/assets/asset-badges";
import type { AssetType } from "@/lib/assets";

/** The assets of one play step, each linking to its page with its type. */
export function StepAssetList({
  stepTitle,
  assets,
}: {
  stepTitle: string;
  assets: { id: string; title: string; type: AssetType }[];
}) {
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label={`Assets for ${stepTitle}`}>
      {assets.map((a) => (
        <li key={a.id}>
          <Link href={`/assets/${a.id}`} className="text-brand-700 hover:underline">
            {a.title}
          </Link>{" "}
          <AssetTypeBadge type={a.type} />
        </li>
      ))}
    </ul>
  );
}
