import "server-only";
import http, { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ErrorBody } from "@/lib/errors";
import { interceptServerEvents } from "./intercept-server-events";

const answered = Symbol.for("baton.malformedRequestsAnsweredAsJson");

/**
 * Node answers a request it cannot parse (a NUL byte in a header, a header too large) itself, before any
 * handler runs, with a bare status line and no body. Through the server prototype's emit (the one hook
 * `next start` leaves), a server with no clientError listener of its own gets the API's JSON error shape
 * with the status Node would have sent.
 */
export function answerMalformedRequestsAsJson(): void {
  interceptServerEvents(answered, (server, event, args) => {
    if (event !== "clientError" || server.listenerCount("clientError") > 0) return false;
    answer(args[0] as NodeJS.ErrnoException, args[1] as Socket & { _httpMessage?: http.ServerResponse });
    return true;
  });
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
