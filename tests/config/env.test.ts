import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";

describe("configuration", () => {
  it("sizes the PostgreSQL pool from DATABASE_POOL_MAX (10 by default) and names a bad value", () => {
    expect(parseEnv({}).DATABASE_POOL_MAX).toBe(10);
    expect(parseEnv({ DATABASE_POOL_MAX: "3" }).DATABASE_POOL_MAX).toBe(3);
    for (const bad of ["0", "-2", "2.5", "many"]) {
      expect(() => parseEnv({ DATABASE_POOL_MAX: bad })).toThrow(
        /Invalid Baton configuration:\n {2}DATABASE_POOL_MAX: /,
      );
    }
  });

  it("counts trusted proxies from TRUSTED_PROXY_HOPS (0 by default) and names a bad value", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "1.5", "eleven", "11"]) {
      expect(() => parseEnv({ TRUSTED_PROXY_HOPS: bad })).toThrow(
        /Invalid Baton configuration:\n {2}TRUSTED_PROXY_HOPS: /,
      );
    }
  });
});
