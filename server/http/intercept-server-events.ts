import "server-only";
import http from "node:http";

/**
 * `next start` creates its HTTP server out of reach, so the one place to see an event before Next.js does
 * is the server prototype's emit. Installs `handle` there once per `key` (a second call with the same key
 * does nothing); `handle` answers true when it dealt with the event, which then goes no further.
 */
export function interceptServerEvents(
  key: symbol,
  handle: (server: http.Server, event: string | symbol, args: unknown[]) => boolean,
): void {
  const proto = http.Server.prototype as http.Server & { [key: symbol]: true | undefined };
  if (proto[key]) return;
  proto[key] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (handle(this, event, args)) return true;
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
