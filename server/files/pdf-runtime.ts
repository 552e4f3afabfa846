import "server-only";

// PDF.js (inside unpdf) calls ArrayBuffer.prototype.transferToFixedLength, which Node 20 lacks; without it
// pages render blank. A copying stand-in has the same observable result for PDF.js's use.
const proto = ArrayBuffer.prototype as ArrayBuffer & {
  transferToFixedLength?: (length?: number) => ArrayBuffer;
};
if (typeof proto.transferToFixedLength !== "function") {
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length?: number) {
      const size = length ?? this.byteLength;
      const copy = new ArrayBuffer(size);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(size, this.byteLength)));
      return copy;
    },
  });
}

export async function loadPdf(bytes: Uint8Array) {
  const { getDocumentProxy } = await import("unpdf");
  // A copy: PDF.js transfers (detaches) the buffer it is given.
  return getDocumentProxy(new Uint8Array(bytes));
}
