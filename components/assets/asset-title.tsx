import Link from "next/link";
import { assetTypeLabels, type AssetType } from "@/lib/assets";
import { AssetTypeBadge } from "./asset-badges";

/**
 * An asset's title, linking to its page. From a search result the link says which search (`fromSearch`),
 * so the asset page counts the click for marketing.
 */
export function AssetLink({
  id,
  title,
  fromSearch,
}: {
  id: string;
  title: string;
  fromSearch?: number | null;
}) {
  return (
    <Link
      href={`/assets/${id}${fromSearch ? `?from=${fromSearch}` : ""}`}
      className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
    >
      {title}
    </Link>
  );
}

/** An asset in a list: its title, linking to its page, and its type. */
export function AssetTitle({ id, title, type }: { id: string; title: string; type: AssetType }) {
  return (
    <>
      <AssetLink id={id} title={title} />
      <AssetTypeBadge type={type} />
    </>
  );
}

/** An asset a search found, offered to add or choose: its title and, quieter, its type. */
export function FoundAssetName({
  title,
  type,
  className,
}: {
  title: string;
  type: AssetType;
  className?: string;
}) {
  return (
    <span className={className}>
      {title} <span className="text-xs text-slate-500">· {assetTypeLabels[type]}</span>
    </span>
  );
}
