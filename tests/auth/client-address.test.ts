import { describe, expect, it } from "vitest";
import { clientAddress } from "@/server/auth/client-address";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client address for the sign-in throttle", () => {
  it("trusts nothing a request says when no proxy is configured", () => {
    expect(clientAddress(forwarded("203.0.113.5"), 0)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "198.51.100.1, 203.0.113.5" }, 0)).toBeNull();
  });

  it("takes the address the outermost trusted proxy appended, whatever the client put before it", () => {
    expect(clientAddress(forwarded("203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(forwarded("6.6.6.6, 1.2.3.4, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientAddress({ "x-forwarded-for": ["6.6.6.6", "203.0.113.5"] }, 1)).toBe("203.0.113.5");
  });

  it("rotating a client-sent X-Forwarded-For does not change the address behind one proxy", () => {
    const seen = new Set(
      ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((fake) => clientAddress(forwarded(`${fake}, 203.0.113.5`), 1)),
    );
    expect([...seen]).toEqual(["203.0.113.5"]);
  });

  it("has no address when fewer hops arrived than proxies are configured", () => {
    expect(clientAddress(forwarded("203.0.113.5"), 2)).toBeNull();
    expect(clientAddress(new Headers(), 1)).toBeNull();
  });
});
