import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

/** A server or worker process a test started, which it may stop gently or kill outright. */
export interface AppProcess {
  url: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The environment every process of one test deployment shares (one database, one store, one secret). */
export function deploymentEnv(databaseUrl: string, dataDir: string, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    API_WRITE_LIMIT_PER_MINUTE: "100000",
    ...extra,
  };
  delete env.TEST_DATABASE_URL;
  return env;
}

function launch(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, url: string) {
  // Its own process group, so a kill reaches npx's and next's children too.
  const child: ChildProcess = spawn(command, args, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  return new Promise<AppProcess>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} did not start:\n${log}`)), 120_000);
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    const onOutput = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
      if (ready.test(log)) {
        clearTimeout(timer);
        resolve({
          url,
          async kill(signal = "SIGKILL") {
            if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
            await exited;
          },
        });
      }
    };
    child.stdout!.on("data", onOutput);
    child.stderr!.on("data", onOutput);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited with ${code}:\n${log}`));
    });
  });
}

/** `next start` from the production build on `port`. */
export async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<AppProcess> {
  const url = `http://127.0.0.1:${port}`;
  const app = await launch(
    "npx",
    ["next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { ...env, PORT: String(port), NEXTAUTH_URL: url },
    /Ready in|✓ Ready/,
    url,
  );
  // Ready means listening; the first request also opens (and if needed migrates) the database.
  for (let i = 0; i < 120; i++) {
    const res = await fetch(`${url}/signin`).catch(() => undefined);
    if (res?.ok) return app;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await app.kill();
  throw new Error(`next start on ${port} never answered /signin`);
}

/** `npm run worker`: the job queue's dedicated worker process. */
export function startWorker(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  return launch("npm", ["run", "worker"], env, /Baton worker is processing jobs/, "");
}

/** The demo workspace, seeded into the deployment's database (migrating it first). */
export function seedDemo(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env, stdio: "pipe" });
  let log = "";
  child.stdout.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr.on("data", (c: Buffer) => (log += c.toString()));
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed failed:\n${log}`)))),
  );
}
