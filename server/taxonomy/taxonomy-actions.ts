"use server";

import { revalidatePath } from "next/cache";
import {
  createTermSchema,
  deleteTermSchema,
  mergeTermSchema,
  moveTermSchema,
  renameTermSchema,
} from "@/lib/schemas/taxonomy";
import { authorizedAction } from "@/server/actions/action-client";
import { deleteTerm, mergeTerm } from "./merge-delete-term";
import { createTerm, moveTerm, renameTerm } from "./term-services";

const page = "/settings/taxonomy";

export const createTermAction = authorizedAction(
  "taxonomy.manage",
  createTermSchema,
  async ({ actor, db, input }) => {
    const term = await createTerm(db, actor, input);
    revalidatePath(page);
    return { id: term.id };
  },
);

export const renameTermAction = authorizedAction(
  "taxonomy.manage",
  renameTermSchema,
  async ({ actor, db, input }) => {
    const term = await renameTerm(db, actor, input);
    revalidatePath(page);
    return { id: term.id, name: term.name };
  },
);

export const moveTermAction = authorizedAction(
  "taxonomy.manage",
  moveTermSchema,
  async ({ actor, db, input }) => {
    const result = await moveTerm(db, actor, input);
    revalidatePath(page);
    return result;
  },
);

export const mergeTermAction = authorizedAction(
  "taxonomy.manage",
  mergeTermSchema,
  async ({ actor, db, input }) => {
    const result = await mergeTerm(db, actor, input);
    revalidatePath(page);
    return { targetName: result.target.name, assets: result.assets, deals: result.deals };
  },
);

export const deleteTermAction = authorizedAction(
  "taxonomy.manage",
  deleteTermSchema,
  async ({ actor, db, input }) => {
    const result = await deleteTerm(db, actor, input);
    revalidatePath(page);
    return result;
  },
);
