"use client";

import dynamic from "next/dynamic";

/*
 * The asset page's controls for the people who manage the asset, each in its own chunk that loads only
 * when it is on the page: a rep's phone never fetches the editing code.
 */
export const AssetStatusActions = dynamic(() =>
  import("./asset-status-actions").then((m) => m.AssetStatusActions),
);
export const EditAssetForm = dynamic(() => import("./edit-asset-form").then((m) => m.EditAssetForm));
export const NewVersionForm = dynamic(() => import("./new-version-form").then((m) => m.NewVersionForm));
export const NewRatings = dynamic(() =>
  import("@/components/feedback/new-ratings").then((m) => m.NewRatings),
);
