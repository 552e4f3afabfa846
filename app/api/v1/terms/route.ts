import { listTermsRoute } from "@/server/api/routes/lists";

export const GET = listTermsRoute.handler;
