import { voteRequestRoute } from "@/server/api/routes/requests";

export const POST = voteRequestRoute.handler;
