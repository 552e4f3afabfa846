import "server-only";
import http, { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ErrorBody } from "@/lib/errors";

const answered = Symbol.for("baton.malformedRequestsAnsweredAsJson");

/**
 * Node answers a request it cannot parse (a NUL byte in a header, a header too large) itself, before any
 * handler runs, with a bare status line and no body. `next start` creates its server out of reach, so the
 * one hook is the server prototype's emit: a server with no clientError listener of its own gets the
 * API's JSON error shape with the status Node would have sent.
 */
export function answerMalformedRequestsAsJson(): void {
  const proto = http.Server.prototype as http.Server & { [answered]?: true };
  if (proto[answered]) return;
  proto[answered] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "clientError" || this.listenerCount("clientError") > 0) {
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    }
    answer(args[0] as NodeJS.ErrnoException, args[1] as Socket & { _httpMessage?: http.ServerResponse });
    return true;
  } as typeof proto.emit;
}

function answer(error: NodeJS.ErrnoException, socket: Socket & { _httpMessage?: http.ServerResponse }) {
  if (!socket.writable || socket._httpMessage?.headersSent) {
    socket.destroy(error);
    return;
  }
  const status =
    error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const body: ErrorBody = {
    error: {
      code: "bad_request",
      message:
        status === 400
          ? "The request is not valid HTTP (for example a header holding a NUL byte or another control character)"
          : (STATUS_CODES[status] ?? "Bad request"),
    },
  };
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
