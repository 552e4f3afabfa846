"use server";

import { revalidatePath } from "next/cache";
import { createUserSchema, updateUserSchema } from "@/lib/schemas/users";
import { authorizedAction } from "@/server/actions/action-client";
import { createUser, updateUser } from "./user-admin";

export const createUserAction = authorizedAction(
  "users.manage",
  createUserSchema,
  async ({ actor, db, input }) => {
    const user = await createUser(db, actor, input);
    revalidatePath("/admin/users");
    return { id: user.id };
  },
);

export const updateUserAction = authorizedAction(
  "users.manage",
  updateUserSchema,
  async ({ actor, db, input }) => {
    const user = await updateUser(db, actor, input);
    revalidatePath("/admin/users");
    return { id: user.id, role: user.role, active: user.active };
  },
);
