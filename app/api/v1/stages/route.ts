import { getStages } from "@/server/api/routes/me";

export const GET = getStages.handler;
