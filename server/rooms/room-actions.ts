"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createRoomSchema, updateRoomSchema } from "@/lib/schemas/rooms";
import { authorizedAction } from "@/server/actions/action-client";
import { createRoom } from "./create-room";
import { updateRoom } from "./update-room";

export const createRoomAction = authorizedAction(
  "rooms.share",
  z.object({ dealId: z.uuid(), room: createRoomSchema }),
  async ({ actor, db, input }) => {
    const { room, url } = await createRoom(db, actor, input.dealId, input.room);
    revalidatePath(`/deals/${input.dealId}`);
    return { id: room.id, url };
  },
);

export const updateRoomAction = authorizedAction(
  "rooms.share",
  z.object({ roomId: z.uuid(), dealId: z.uuid(), patch: updateRoomSchema }),
  async ({ actor, db, input }) => {
    const { url } = await updateRoom(db, actor, input.roomId, input.patch);
    revalidatePath(`/deals/${input.dealId}`);
    return { url: url ?? null };
  },
);
