import { serveRoomPageImage } from "@/server/rooms/public/public-handlers";

type Ctx = { params: Promise<{ token: string; n: string; page: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { token, n, page } = await params;
  return serveRoomPageImage(request, token, n, page);
}
