import { serveRoomVideo } from "@/server/rooms/public/public-handlers";

type Ctx = { params: Promise<{ token: string; n: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { token, n } = await params;
  return serveRoomVideo(request, token, n);
}
