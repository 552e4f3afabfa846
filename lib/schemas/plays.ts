import { z } from "zod";
import { uniqueIds } from "./api-common";

export const playStepInputSchema = z.object({
  id: z.uuid().optional(),
  stageId: z.uuid({ message: "Choose a stage" }),
  title: z.string().trim().min(1, "Name the step").max(200),
  guidance: z.string().trim().max(4000).default(""),
  assetIds: uniqueIds().min(1, "Add at least one asset").max(10),
});

export const savePlaySchema = z.object({
  playId: z.uuid().optional(),
  name: z.string().trim().min(1, "Name the play").max(120),
  scenario: z.string().trim().max(2000).default(""),
  steps: z.array(playStepInputSchema).min(1, "Add at least one step").max(30),
});

export const attachPlaySchema = z.object({ dealId: z.uuid(), playId: z.uuid() });

export const completePlayStepSchema = z.object({ dealPlayId: z.uuid(), stepId: z.uuid() });
