import { listLossReasonsRoute } from "@/server/api/routes/lists";

export const GET = listLossReasonsRoute.handler;
