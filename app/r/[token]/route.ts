import { serveRoomPage } from "@/server/rooms/public/public-handlers";

type Ctx = { params: Promise<{ token: string }> };

export async function GET(request: Request, { params }: Ctx) {
  return serveRoomPage(request, (await params).token);
}
