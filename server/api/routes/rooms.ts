import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import { createRoomSchema, roomDetailSchema, roomSchema, updateRoomSchema } from "@/lib/schemas/rooms";
import { createRoom } from "@/server/rooms/create-room";
import { getRoomDetail, getRoomDto, listDealRooms } from "@/server/rooms/room-queries";
import { updateRoom } from "@/server/rooms/update-room";
import { defineRoute } from "../define-route";

export const createRoomRoute = defineRoute({
  method: "POST",
  path: "/api/v1/deals/{id}/rooms",
  summary:
    "Share assets with the buyer through a room; records a 'shared' usage of each asset at the deal's stage. The link (url) is returned only here",
  tag: "Rooms",
  permission: "rooms.share",
  params: idParam,
  body: createRoomSchema,
  response: roomSchema,
  successStatus: 201,
  errors: [404],
  handler: async ({ actor, db, params, body }) => {
    const { room, url } = await createRoom(db, actor, params.id, body);
    return { ...(await getRoomDto(db, actor, room.id)), url };
  },
});

export const listDealRoomsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/deals/{id}/rooms",
  summary: "The buyer rooms of a deal, newest first, with how many buyers opened each",
  tag: "Rooms",
  permission: "rooms.read",
  params: idParam,
  response: z.object({ data: z.array(roomSchema) }),
  errors: [404],
  handler: async ({ actor, db, params }) => ({ data: await listDealRooms(db, actor, params.id) }),
});

export const getRoomRoute = defineRoute({
  method: "GET",
  path: "/api/v1/rooms/{id}",
  summary: "A buyer room with who opened it and what each visitor read",
  tag: "Rooms",
  permission: "rooms.read",
  params: idParam,
  response: roomDetailSchema,
  errors: [404],
  handler: ({ actor, db, params }) => getRoomDetail(db, actor, params.id),
});

export const updateRoomRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/rooms/{id}",
  summary: "Extend a room, change its assets or settings, issue a new link, or revoke it",
  tag: "Rooms",
  permission: "rooms.share",
  params: idParam,
  body: updateRoomSchema,
  response: roomSchema,
  errors: [404, 409],
  handler: async ({ actor, db, params, body }) => {
    const { url } = await updateRoom(db, actor, params.id, body);
    return { ...(await getRoomDto(db, actor, params.id)), url };
  },
});
