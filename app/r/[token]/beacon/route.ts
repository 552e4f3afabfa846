import { receiveRoomBeacon } from "@/server/rooms/public/public-handlers";

type Ctx = { params: Promise<{ token: string }> };

export async function POST(request: Request, { params }: Ctx) {
  return receiveRoomBeacon(request, (await params).token);
}
