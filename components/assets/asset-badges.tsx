import { Badge, type BadgeTone } from "@/components/ui/badge";
import { assetStatusLabels, assetTypeLabels, type AssetStatus, type AssetType } from "@/lib/assets";

const statusTone: Record<AssetStatus, BadgeTone> = {
  draft: "slate",
  in_review: "amber",
  published: "green",
  archived: "red",
};

export function AssetTypeBadge({ type }: { type: AssetType }) {
  return <Badge tone="blue">{assetTypeLabels[type]}</Badge>;
}

export function AssetStatusBadge({ status, expired }: { status: AssetStatus; expired?: boolean }) {
  if (expired && status === "published") return <Badge tone="red">Expired</Badge>;
  return <Badge tone={statusTone[status]}>{assetStatusLabels[status]}</Badge>;
}
