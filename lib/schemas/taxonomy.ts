import { z } from "zod";
import { uniqueIds } from "./api-common";
import { taxonomyKinds } from "@/lib/taxonomy";

const termName = z.string().trim().min(1, "Enter a name").max(80, "Keep the name under 80 characters");

export const createTermSchema = z.object({ kind: z.enum(taxonomyKinds), name: termName });

export const renameTermSchema = z.object({ termId: z.uuid(), name: termName });

export const moveTermSchema = z.object({ termId: z.uuid(), direction: z.enum(["up", "down"]) });

export const mergeTermSchema = z
  .object({ sourceId: z.uuid(), targetId: z.uuid({ message: "Choose the tag to merge into" }) })
  .refine((v) => v.sourceId !== v.targetId, {
    path: ["targetId"],
    message: "Choose a different tag to merge into",
  });

/**
 * What happens to the assets and deals that carry a term being deleted: "unused" deletes only a term no one
 * uses, "remove" takes the term off them, "merge" moves them onto another term of the same kind.
 */
export const deleteTermSchema = z
  .object({
    termId: z.uuid(),
    inUse: z.enum(["unused", "remove", "merge"]),
    targetId: z.uuid({ message: "Choose the tag to merge into" }).optional(),
  })
  .refine((v) => v.inUse !== "merge" || Boolean(v.targetId), {
    path: ["targetId"],
    message: "Choose the tag to merge into",
  })
  .refine((v) => v.targetId !== v.termId, {
    path: ["targetId"],
    message: "Choose a different tag to merge into",
  });

const idList = uniqueIds().max(50).default([]);

export const bulkEditAssetsSchema = z
  .object({
    assetIds: uniqueIds().min(1, "Select at least one asset").max(200, "Select at most 200 assets"),
    addStageIds: idList,
    removeStageIds: idList,
    addTermIds: idList,
    removeTermIds: idList,
  })
  .refine(
    (v) => v.addStageIds.length + v.removeStageIds.length + v.addTermIds.length + v.removeTermIds.length > 0,
    { path: ["_"], message: "Choose a stage or tag to add or remove" },
  )
  .refine((v) => !v.addStageIds.some((id) => v.removeStageIds.includes(id)), {
    path: ["removeStageIds"],
    message: "A stage cannot be added and removed at once",
  })
  .refine((v) => !v.addTermIds.some((id) => v.removeTermIds.includes(id)), {
    path: ["removeTermIds"],
    message: "A tag cannot be added and removed at once",
  });

export type BulkEditAssetsInput = z.input<typeof bulkEditAssetsSchema>;
