import { getDatabaseHandle } from "../db/client";

const handle = await getDatabaseHandle();
console.log(`Migrations applied (${handle.driver}).`);
await handle.close();
