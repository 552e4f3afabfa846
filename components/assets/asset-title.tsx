import Link from "next/link";
import type { AssetType } from "@/lib/assets";
import { AssetTypeBadge } from "./asset-badges";

/** An asset in a list: its title, linking to its page, and its type. */
export function AssetTitle({ id, title, type }: { id: string; title: string; type: AssetType }) {
  return (
    <>
      <Link
        href={`/assets/${id}`}
        className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
      >
        {title}
      </Link>
      <AssetTypeBadge type={type} />
    </>
  );
}
