import { z } from "zod";

/** What a marketer can change on a launched campaign. Budgets are minor units. */
export const campaignChange = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("pause") }),
    z.object({ kind: z.literal("resume") }),
    z.object({
      kind: z.literal("budget"),
      amount: z
        .number({ error: "Enter the new budget as an amount, like 25 or 25.50." })
        .int("The budget must be a whole number of cents.")
        .positive("The budget must be more than zero.")
        .max(100_000_000_000, "That budget is larger than AdPilot can set."),
    }),
    z.object({ kind: z.literal("archive") }),
  ],
  { error: "Choose pause, resume, archive or a new budget." },
);

export type CampaignChange = z.output<typeof campaignChange>;

/**
 * A change of more than 20% either way sends Meta's delivery back into its
 * learning phase; the UI warns before asking for one.
 */
export function isLargeBudgetChange(from: number, to: number): boolean {
  if (from <= 0) return to > 0;
  return Math.abs(to - from) * 5 > from;
}
