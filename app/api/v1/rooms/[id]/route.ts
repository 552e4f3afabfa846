import { getRoomRoute, updateRoomRoute } from "@/server/api/routes/rooms";

export const GET = getRoomRoute.handler;
export const PATCH = updateRoomRoute.handler;
