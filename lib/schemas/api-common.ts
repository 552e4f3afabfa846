import { z } from "zod";
import { DATE_RANGE_MESSAGE, isDateInRange } from "@/lib/date-range";

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

/**
 * A list of ids in which a repeat means nothing: repeats are dropped (the first one kept, in order), so a
 * service never tries to insert the same link twice.
 */
export const uniqueIds = () => z.array(z.uuid()).overwrite((ids) => [...new Set(ids)]);

/** An ISO calendar date within the range Baton accepts. */
export const boundedDate = () => z.iso.date().refine(isDateInRange, DATE_RANGE_MESSAGE);

/** An ISO date-time with an offset, within the range Baton accepts. */
export const boundedDateTime = () =>
  z.iso.datetime({ offset: true }).refine(isDateInRange, DATE_RANGE_MESSAGE);
