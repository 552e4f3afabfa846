import { listPartnerTiersRoute } from "@/server/api/routes/lists";

export const GET = listPartnerTiersRoute.handler;
