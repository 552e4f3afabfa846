/** Demo workspace accounts (created by the seed the e2e server runs). */
export const DEMO_PASSWORD = "baton-demo";

export const accounts = {
  admin: { email: "admin@northwind.test", name: "" },
  marketer: { email: "maya.marketing@northwind.test", name: "" },
  rep: { email: "rick.rep@northwind.test", name: "" },
  partner: { email: "pat.partner@brightpath.test", name: "" },
} as const;

export type DemoRole = keyof typeof accounts;
