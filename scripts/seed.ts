/** `npm run db:seed`: seeds the demo workspace into an empty database; never touches one that has data. */
import { getDatabaseHandle } from "../db/client";
import {
  DEMO_PASSWORD,
  demoAccounts,
  hasAnyWorkspace,
  seedDemoWorkspace,
} from "../server/demo/demo-workspace";
import { getStorage } from "../server/storage";

const handle = await getDatabaseHandle();
try {
  if (await hasAnyWorkspace(handle.db)) {
    console.log("Database already has a workspace; not seeding.");
  } else {
    const started = Date.now();
    const summary = await seedDemoWorkspace(handle.db, getStorage());
    console.log(
      `Seeded the demo workspace in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.users} people, ${summary.assets} assets, ${summary.deals} deals, ${summary.usages} usages.`,
    );
    console.log(`Sign in with any of these (password: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts) console.log(`  ${a.role.padEnd(9)} ${a.email}`);
  }
} finally {
  await handle.close();
}
