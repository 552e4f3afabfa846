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
});
