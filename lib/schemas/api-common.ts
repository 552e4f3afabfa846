import { z } from "zod";

export const idParam = z.object({ id: z.uuid({ message: "must be a UUID" }) });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. validation_failed" }),
      message: z.string(),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      details: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: "Error" });
