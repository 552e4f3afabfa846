import { z } from "zod";
import { assetTypes } from "@/lib/assets";
import { emailStatuses } from "@/lib/mail";

export const ROOM_DEFAULT_DAYS = 30;
export const ROOM_MAX_DAYS = 365;
export const ROOM_MAX_ASSETS = 20;
export const ROOM_MAX_RECIPIENTS = 20;

const futureDate = z.coerce
  .date({ message: "must be a date" })
  .refine((d) => d.getTime() > Date.now(), "must be in the future")
  .refine(
    (d) => d.getTime() <= Date.now() + ROOM_MAX_DAYS * 86_400_000,
    `must be within ${ROOM_MAX_DAYS} days`,
  );

const assetIds = z
  .array(z.uuid({ message: "must be a UUID" }))
  .min(1, "Choose at least one asset")
  .max(ROOM_MAX_ASSETS, `A room holds at most ${ROOM_MAX_ASSETS} assets`)
  .refine((ids) => new Set(ids).size === ids.length, "Each asset can be in a room once")
  .meta({ description: "The room's assets, in the order the buyer sees them" });

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .pipe(
    z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, "Enter a domain such as example.com"),
  );

const gateFields = {
  emailGate: z.boolean().meta({ description: "The visitor enters an email before seeing anything" }),
  allowedEmails: z
    .array(z.email("Enter valid email addresses").trim().toLowerCase())
    .max(50, "At most 50 addresses")
    .meta({ description: "Only these addresses pass the email gate (empty: any address)" }),
  allowedDomain: domain
    .nullable()
    .meta({ description: "Only addresses at this domain pass the email gate (null: any domain)" }),
  password: z
    .string()
    .min(8, "Use at least 8 characters")
    .max(200)
    .nullable()
    .meta({ description: "Visitors must also enter this password (null: none)" }),
};

export const createRoomSchema = z
  .object({
    title: z.string().trim().min(1, "Give the room a title").max(200),
    message: z.string().trim().max(2000).default(""),
    assetIds,
    expiresAt: futureDate.optional().meta({ description: `Default: ${ROOM_DEFAULT_DAYS} days from now` }),
    allowDownload: z.boolean().default(true),
    emailGate: gateFields.emailGate.default(false),
    allowedEmails: gateFields.allowedEmails.default([]),
    allowedDomain: gateFields.allowedDomain.default(null),
    password: gateFields.password.default(null),
    sendTo: z
      .array(z.email("Enter valid email addresses").trim().toLowerCase())
      .max(ROOM_MAX_RECIPIENTS, `At most ${ROOM_MAX_RECIPIENTS} addresses`)
      .refine((to) => new Set(to).size === to.length, "Each address once")
      .default([])
      .meta({
        description:
          "E-mail the link to these addresses through Baton's mail (the outbox, or SMTP when configured). " +
          "Empty (the default): Baton sends nothing and the link is only in this answer",
      }),
  })
  .meta({ id: "CreateRoom" });

export const updateRoomSchema = z
  .object({
    title: z.string().trim().min(1, "Give the room a title").max(200).optional(),
    message: z.string().trim().max(2000).optional(),
    assetIds: assetIds.optional(),
    expiresAt: futureDate.optional(),
    allowDownload: z.boolean().optional(),
    emailGate: gateFields.emailGate.optional(),
    allowedEmails: gateFields.allowedEmails.optional(),
    allowedDomain: gateFields.allowedDomain.optional(),
    password: gateFields.password.optional(),
    revoke: z
      .literal(true)
      .optional()
      .meta({ description: "Revoke the room: its link answers 410 from now on (cannot be undone)" }),
    newLink: z
      .literal(true)
      .optional()
      .meta({ description: "Issue a new link (the old one stops working); returned once as `url`" }),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" })
  .meta({ id: "UpdateRoom" });

export const roomStatuses = ["active", "expired", "revoked"] as const;

const engagementSchema = z.object({
  visitors: z.int().meta({ description: "Visitors counted as buyers (bots and link scanners excluded)" }),
  filteredVisits: z.int().meta({ description: "Visits discarded as bots or link scanners" }),
  firstOpenedAt: z.iso.datetime().nullable(),
  lastOpenedAt: z.iso.datetime().nullable(),
});

export const roomSchema = z
  .object({
    id: z.uuid(),
    dealId: z.uuid(),
    title: z.string(),
    message: z.string(),
    status: z.enum(roomStatuses),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    allowDownload: z.boolean(),
    emailGate: z.boolean(),
    allowedEmails: z.array(z.string()),
    allowedDomain: z.string().nullable(),
    hasPassword: z.boolean(),
    creatorId: z.uuid(),
    creatorName: z.string(),
    createdAt: z.iso.datetime(),
    assets: z.array(
      z.object({ id: z.uuid(), title: z.string(), type: z.enum(assetTypes), position: z.int() }),
    ),
    engagement: engagementSchema,
    emails: z
      .array(
        z.object({
          to: z.string(),
          status: z.enum(emailStatuses).meta({
            description:
              "outbox: kept, no mail server is configured; queued: waiting to be sent; sent; failed (after retries)",
          }),
          queuedAt: z.iso.datetime(),
          sentAt: z.iso.datetime().nullable(),
        }),
      )
      .meta({
        description: "The link e-mailed by Baton at the rep's request (sendTo), and where each stands",
      }),
    url: z
      .url()
      .optional()
      .meta({ description: "The buyer's link; only in the answer that created it (it is stored hashed)" }),
  })
  .meta({ id: "Room" });

export const visitorAssetSchema = z.object({
  assetId: z.uuid(),
  firstOpenedAt: z.iso.datetime(),
  pagesViewed: z.int(),
  pageCount: z.int().nullable(),
  lastPage: z.int(),
  readSeconds: z.int(),
  downloads: z.int(),
});

export const roomDetailSchema = roomSchema
  .extend({
    visitors: z.array(
      z.object({
        label: z
          .string()
          .meta({ description: "The visitor's email when the room is gated, else 'Visitor n'" }),
        email: z.string().nullable(),
        userAgent: z.string().meta({ description: "Coarse browser and device class" }),
        doNotTrack: z.boolean(),
        firstSeenAt: z.iso.datetime(),
        lastSeenAt: z.iso.datetime(),
        assets: z.array(visitorAssetSchema),
      }),
    ),
  })
  .meta({ id: "RoomDetail" });

export type RoomDto = z.input<typeof roomSchema>;
export type RoomDetailDto = z.input<typeof roomDetailSchema>;
