import { updatePartnerOrgRoute } from "@/server/api/routes/partner-orgs";

export const PATCH = updatePartnerOrgRoute.handler;
