"use client";

import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/field";

const labels = {
  relevance: "Relevance",
  newest: "Newest",
  most_used: "Most used",
  most_effective: "Most effective",
} as const;

/** Changing the order keeps the search and its filters (the URL is the state). */
export function SortSelect({
  value,
  hrefFor,
}: {
  value: keyof typeof labels;
  hrefFor: Record<string, string>;
}) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Sort by
      <span className="w-44">
        <Select
          value={value}
          onChange={(e) => router.push(hrefFor[e.target.value]!)}
          options={Object.entries(labels).map(([key, label]) => ({ value: key, label }))}
        />
      </span>
    </label>
  );
}
