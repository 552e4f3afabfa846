import { Badge } from "@/components/ui/badge";

export function DealStatusBadge({ status }: { status: "open" | "won" | "lost" }) {
  if (status === "won") return <Badge tone="green">Won</Badge>;
  if (status === "lost") return <Badge tone="red">Lost</Badge>;
  return <Badge tone="blue">Open</Badge>;
}
