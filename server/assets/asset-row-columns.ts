import "server-only";
import { assets } from "@/db/schema";

/** What every list of assets selects for a row: its id, title, type and lifecycle status. */
export const assetRowColumns = {
  id: assets.id,
  title: assets.title,
  type: assets.type,
  status: assets.status,
};
