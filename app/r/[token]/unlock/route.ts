import { submitRoomGate } from "@/server/rooms/public/public-handlers";

type Ctx = { params: Promise<{ token: string }> };

export async function POST(request: Request, { params }: Ctx) {
  return submitRoomGate(request, (await params).token);
}
