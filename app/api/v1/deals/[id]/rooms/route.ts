import { createRoomRoute, listDealRoomsRoute } from "@/server/api/routes/rooms";

export const GET = listDealRoomsRoute.handler;
export const POST = createRoomRoute.handler;
