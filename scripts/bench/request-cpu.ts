/**
 * CPU time of one request, to the nanosecond: the app server's threads and the PostgreSQL backends connected
 * to one database, read from /proc/<pid>/task/<tid>/schedstat (its first field is the time the thread has run,
 * in ns) before and after the request. /proc/<pid>/stat counts in 10 ms ticks, too coarse for a search that
 * costs a few milliseconds; schedstat is exact, so with one client at a time each request's own cost can be
 * read, and its median and 95th percentile reported. Backends are recognised by their process title
 * ("postgres: [<cluster>: ]<user> <database> <client> <state>"), so other databases' work on the same server (another
 * benchmark, say) is not counted. Linux only: elsewhere `available` is false and every reading is null.
 */
import fs from "node:fs";
import { databaseOf, processGroups } from "./process-cpu";

export interface CpuSplit {
  app: number;
  postgres: number;
}

const available = fs.existsSync("/proc/self/task");

/** ns run by every thread of `pid` so far (0 when it has gone). */
function runNs(pid: number): number {
  let total = 0;
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tasks) {
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // The thread ended while being read.
    }
  }
  return total;
}

/** Reads the CPU of `serverPid`'s process tree and of `database`'s backends; `refresh` finds new processes. */
export class RequestCpu {
  readonly available = available;
  private app: number[] = [];
  private backends: number[] = [];

  constructor(
    private readonly serverPid: number | undefined,
    private readonly database: string,
  ) {
    this.refresh();
  }

  /** Lists the processes again (a pool opens connections as it needs them). */
  refresh() {
    if (!available) return;
    const groups = processGroups(this.serverPid, this.database);
    this.app = groups?.app ?? [];
    // Background processes (checkpointer, autovacuum) name no database: only the database's connections.
    this.backends = (groups?.postgres ?? []).filter((pid) => databaseOf(pid) === this.database);
  }

  /** ns so far on each side, or null without /proc. */
  read(): CpuSplit | null {
    if (!available) return null;
    const sum = (pids: number[]) => pids.reduce((s, pid) => s + runNs(pid), 0);
    return { app: sum(this.app), postgres: sum(this.backends) };
  }

  /** ms each side spent between two readings. */
  static between(before: CpuSplit | null, after: CpuSplit | null): CpuSplit | null {
    if (!before || !after) return null;
    return { app: (after.app - before.app) / 1e6, postgres: (after.postgres - before.postgres) / 1e6 };
  }
}
