import { serveRoomDownload } from "@/server/rooms/public/public-handlers";

type Ctx = { params: Promise<{ token: string; n: string }> };

export async function GET(request: Request, { params }: Ctx) {
  const { token, n } = await params;
  return serveRoomDownload(request, token, n);
}
