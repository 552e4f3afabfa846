export const roles = ["admin", "marketer", "rep", "partner"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Admin",
  marketer: "Marketer",
  rep: "Sales rep",
  partner: "Partner",
};
