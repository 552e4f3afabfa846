import { Badge } from "@/components/ui/badge";

/** Shown only while a file is not ready: pending work or a failure with its reason. */
export function ProcessingBadge({ state, error }: { state: string | null; error?: string | null }) {
  if (state === "pending") return <Badge tone="amber">Processing</Badge>;
  if (state === "failed")
    return (
      <span className="inline-flex flex-wrap items-center gap-1">
        <Badge tone="red">Processing failed</Badge>
        {error ? <span className="text-xs text-red-700">{error}</span> : null}
      </span>
    );
  return null;
}
