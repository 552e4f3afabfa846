import { describe, expect, it } from "vitest";
import { isUnsafeText, strippedSearchParams, stripUnsafeText, unsafeTextFields } from "@/lib/safe-text";

describe("unsafe text", () => {
  it("finds NUL and unpaired surrogates, and accepts paired ones", () => {
    expect(isUnsafeText("a\0b")).toBe(true);
    expect(isUnsafeText("a\ud800b")).toBe(true);
    expect(isUnsafeText("a\udc00")).toBe(true);
    expect(isUnsafeText("\udc00\ud800")).toBe(true);
    expect(isUnsafeText("emoji 😀 ok")).toBe(false);
    expect(stripUnsafeText("a\0b\ud800c😀")).toBe("abc😀");
  });

  it("names each unsafe field by its dotted path, and a bad key on its parent", () => {
    expect(unsafeTextFields({ a: "ok", b: ["x", "y\0"], c: { d: "\ud800" }, e: { "k\0": 1 } })).toEqual({
      "b.1": [expect.any(String)],
      "c.d": [expect.any(String)],
      e: [expect.stringContaining("field name")],
    });
    expect(unsafeTextFields({ a: 1, b: [true, null], c: "fine" })).toBeNull();
  });

  it("strips a page link's query string only when it holds unsafe text", () => {
    expect(strippedSearchParams(new URL("http://x/search?q=abc%00def&stageIds=1"))?.search).toBe(
      "?q=abcdef&stageIds=1",
    );
    expect(strippedSearchParams(new URL("http://x/search?q=abc"))).toBeNull();
  });
});
