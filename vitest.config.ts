import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // server-only throws outside React Server Components; tests run server code directly.
      { find: /^server-only$/, replacement: `${root}/tests/support/server-only-stub.ts` },
    ],
  },
  test: {
    // Uploaded files in tests go to a throwaway folder, never the developer's .data/.
    env: { DATA_DIR: path.join(os.tmpdir(), `baton-vitest-${process.pid}`), NODE_ENV: "test" },
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
