export * from "./workspaces";
export * from "./users";
export * from "./assets";
export * from "./deals";
export * from "./activity";
export * from "./crm";
export * from "./mail";
export * from "./partners";
