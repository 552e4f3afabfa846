"use client";

import { useQuery } from "@tanstack/react-query";
import { findAssetsAction } from "@/server/assets/asset-actions";

/**
 * Assets the signed-in user may see whose titles match `q` (the pickers that add content to a deal, a room,
 * a play, an announcement or a delivered request). One query key, so every picker shares its cache.
 */
export function useAssetSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ["asset-search", q],
    queryFn: async () => {
      const r = await findAssetsAction({ q });
      if (!r.ok) throw new Error(r.error);
      return r.data;
    },
    enabled,
  });
}
