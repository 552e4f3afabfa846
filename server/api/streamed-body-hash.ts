import "server-only";
import { createHash } from "node:crypto";

export interface StreamedBodyHash {
  /** The same request, its body hashed as the handler reads it. */
  request: Request;
  /** The SHA-256 of the whole body; reads whatever the handler left unread. */
  digest(): Promise<string>;
}

/** Hashes a body the handler streams itself (a CSV import), so an Idempotency-Key can cover its bytes. */
export function hashStreamedBody(request: Request): StreamedBodyHash {
  const hash = createHash("sha256");
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const body = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        controller.enqueue(chunk);
      },
      flush: () => ended(),
    }),
  );
  if (!body) ended();
  const init = { body, duplex: "half" } as RequestInit;
  return {
    request: new Request(request, init),
    async digest() {
      if (body && !body.locked) await body.pipeTo(new WritableStream());
      await end;
      return hash.digest("hex");
    },
  };
}
