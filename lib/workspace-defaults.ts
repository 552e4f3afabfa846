/** What a new workspace starts with; every list can be renamed and reordered afterwards. */
export const defaultBuyingStages = [
  { name: "Awareness", description: "The buyer recognises a problem worth solving." },
  { name: "Discovery", description: "We qualify the need, the people and the budget." },
  { name: "Evaluation", description: "The buyer compares options and tests the fit." },
  { name: "Proposal", description: "We put a priced solution in front of the buyer." },
  { name: "Negotiation", description: "Terms, procurement, security and legal review." },
  { name: "Closing", description: "Signature and hand-off to onboarding." },
] as const;

export const defaultPartnerTiers = ["Registered", "Silver", "Gold", "Platinum"] as const;

export const defaultLossReasons = [
  "Lost to competitor",
  "No budget",
  "No decision",
  "Timing",
  "Missing capability",
  "Price",
] as const;
