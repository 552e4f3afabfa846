import { exportDealsRoute } from "@/server/api/routes/deals";

export const GET = exportDealsRoute.handler;
