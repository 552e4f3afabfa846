import {
  receiveRoomBeacon,
  serveRoomDownload,
  serveRoomPage,
  serveRoomPageImage,
  submitRoomGate,
} from "@/server/rooms/public/public-handlers";

export const DESKTOP_BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

let addressSeq = 0;

/**
 * A buyer's browser calling the public room's handlers: keeps the room's cookie and sends every request
 * from one address (a new one per browser unless given).
 */
export function buyerBrowser(
  opts: { userAgent?: string; address?: string; headers?: Record<string, string> } = {},
) {
  const address = opts.address ?? `203.0.113.${(++addressSeq % 250) + 1}`;
  let cookie = "";
  const headers = (extra: Record<string, string> = {}) => ({
    "user-agent": opts.userAgent ?? DESKTOP_BROWSER,
    "x-forwarded-for": address,
    ...(cookie ? { cookie } : {}),
    ...opts.headers,
    ...extra,
  });
  const keep = (res: Response) => {
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    return res;
  };
  return {
    open: async (token: string) =>
      keep(await serveRoomPage(new Request(`http://localhost/r/${token}`, { headers: headers() }), token)),
    unlock: async (token: string, fields: Record<string, string>) =>
      keep(
        await submitRoomGate(
          new Request(`http://localhost/r/${token}/unlock`, {
            method: "POST",
            headers: headers(),
            body: new URLSearchParams(fields),
          }),
          token,
        ),
      ),
    beacon: (token: string, body: unknown) =>
      receiveRoomBeacon(
        new Request(`http://localhost/r/${token}/beacon`, {
          method: "POST",
          headers: headers({ "content-type": "application/json" }),
          body: JSON.stringify(body),
        }),
        token,
      ),
    pageImage: (token: string, n: number, page: number) =>
      serveRoomPageImage(
        new Request(`http://localhost/r/${token}/a/${n}/pages/${page}`, { headers: headers() }),
        token,
        String(n),
        String(page),
      ),
    download: (token: string, n: number) =>
      serveRoomDownload(
        new Request(`http://localhost/r/${token}/a/${n}/download`, { headers: headers() }),
        token,
        String(n),
      ),
  };
}

export type BuyerBrowser = ReturnType<typeof buyerBrowser>;
