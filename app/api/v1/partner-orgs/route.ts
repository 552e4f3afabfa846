import { createPartnerOrgRoute, listPartnerOrgsRoute } from "@/server/api/routes/partner-orgs";

export const GET = listPartnerOrgsRoute.handler;
export const POST = createPartnerOrgRoute.handler;
