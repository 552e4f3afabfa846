import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  assetSearchQuerySchema,
  recordedFilters,
  searchFilterFields,
  searchParamsSchema,
} from "@/lib/schemas/search";

const [a, b] = [randomUUID(), randomUUID()];

describe("one search-params declaration, one recorded shape", () => {
  it("the URL form and the call form take the same filters", () => {
    const url = assetSearchQuerySchema.shape;
    const call = searchParamsSchema.shape;
    expect(Object.keys(url).sort()).toEqual(Object.keys(call).sort());
    for (const field of searchFilterFields) {
      expect(url[field], field).toBeDefined();
      expect(call[field], field).toBeDefined();
    }
  });

  it("records the same filters whichever door a search came through", () => {
    const fromUrl = assetSearchQuerySchema.parse({
      q: "pricing",
      stageIds: ` ${a},${b},${a} `,
      types: "deck",
      freshness: "90d",
      sort: "newest",
      cursor: "abc",
      limit: "5",
    });
    const fromCall = searchParamsSchema.parse({
      q: "pricing",
      stageIds: [a, b],
      types: ["deck"],
      freshness: "90d",
      sort: "newest",
      cursor: "abc",
      limit: 5,
    });
    const expected = { stageIds: [a, b], types: ["deck"], freshness: "90d" };
    expect(recordedFilters(fromUrl)).toEqual(expected);
    expect(recordedFilters(fromCall)).toEqual(expected);
    // Nothing chosen records nothing: no empty lists, no sort.
    expect(recordedFilters(searchParamsSchema.parse({ sort: "most_used" }))).toEqual({});
  });

  it("refuses a bad value in either form with the field named", () => {
    const url = assetSearchQuerySchema.safeParse({ stageIds: `${a},not-a-uuid` });
    expect(url.success).toBe(false);
    expect(url.error!.issues[0]!.path[0]).toBe("stageIds");
    const call = searchParamsSchema.safeParse({ types: ["brochure"] });
    expect(call.success).toBe(false);
    expect(call.error!.issues[0]!.path[0]).toBe("types");
  });
});
