import "server-only";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { listPartnerOptions } from "@/server/partners/partner-options";
import { listTermOptions, termNamesByAsset } from "@/server/taxonomy/taxonomy-queries";
import { listStages } from "@/server/workspaces/stage-queries";
import { listAssets } from "./asset-queries";

/** The library page: the assets the actor may see (of one stage), named stages and tags, and for marketing
 * the choices its bulk edit offers. */
export async function loadLibraryPage(db: Database, actor: Actor, stageId: string | undefined) {
  const canWrite = actorCan(actor, "assets.write");
  const [stages, assets, terms, partnerOptions] = await Promise.all([
    listStages(db, actor.workspaceId),
    listAssets(db, actor, { stageId }),
    canWrite ? listTermOptions(db, actor.workspaceId) : [],
    canWrite ? listPartnerOptions(db, actor) : { tiers: [], orgs: [] },
  ]);
  const tags = await termNamesByAsset(
    db,
    actor.workspaceId,
    assets.map((a) => a.id),
  );
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const items = assets.map((a) => ({
    ...a,
    stageNames: a.stageIds.map((id) => stageName.get(id) ?? ""),
    tagNames: tags.get(a.id) ?? [],
  }));
  return { canWrite, stages, items, terms, partnerOptions };
}
