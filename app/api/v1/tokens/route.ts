import { createToken, listTokens } from "@/server/api/routes/tokens";

export const GET = listTokens.handler;
export const POST = createToken.handler;
