/**
 * CPU time used by processes, read from /proc (Linux): the app server's process tree and the PostgreSQL
 * processes on the machine (when a database is named, leaving out the connections to other databases,
 * such as another benchmark's on a shared server), so a benchmark can say how much machine time one
 * request costs on each side.
 * Elsewhere (no /proc) every reading is null.
 */
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  /** user + system CPU, ms */
  cpuMs: number;
}

function processes(): Proc[] | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const out: Proc[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid ... utime(14) stime(15): comm may hold spaces, so split after its ")".
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      out.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        comm,
        cpuMs: (ticks * 1000) / TICKS_PER_SECOND,
      });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

/** Per process alive now: its CPU ms so far, and whether it belongs to the app (`root`'s tree) or PostgreSQL. */
export type CpuReading = Map<number, { cpuMs: number; side: "app" | "postgres" }>;

/** The database a PostgreSQL connection's process serves ("postgres: [cluster: ]user database host(port) ..."). */
export function databaseOf(pid: number): string | null {
  try {
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return /^postgres: (?:\S+: )?\S+ (\S+) \S+\(\d+\)/.exec(title)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * The pids of the app (`root` and every process below it) and of PostgreSQL (its processes, or only the
 * connections to `database` when one is named), among `all` (default: every process now).
 */
export function processGroups(
  root: number | undefined,
  database?: string,
  all: Proc[] | null = processes(),
): { app: number[]; postgres: number[] } | null {
  if (!all) return null;
  const tree = new Set(root === undefined ? [] : [root]);
  // Parents are listed before children often but not always: repeat until the tree stops growing.
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  const serves = (pid: number) => {
    if (database === undefined) return true;
    const db = databaseOf(pid);
    return db === null || db === database;
  };
  return {
    app: [...tree],
    postgres: all.filter((p) => !tree.has(p.pid) && p.comm === "postgres" && serves(p.pid)).map((p) => p.pid),
  };
}

export function cpuReading(root: number | undefined, database?: string): CpuReading | null {
  const all = processes();
  const groups = processGroups(root, database, all);
  if (!all || !groups) return null;
  const cpuOf = new Map(all.map((p) => [p.pid, p.cpuMs]));
  const reading: CpuReading = new Map();
  for (const pid of groups.app) if (cpuOf.has(pid)) reading.set(pid, { cpuMs: cpuOf.get(pid)!, side: "app" });
  for (const pid of groups.postgres) reading.set(pid, { cpuMs: cpuOf.get(pid)!, side: "postgres" });
  return reading;
}

/**
 * CPU ms each side spent between two readings, over the processes alive at the second: one that started in
 * between counts whole, one that ended in between (an autovacuum worker, say) is left out.
 */
export function cpuBetween(before: CpuReading, after: CpuReading): { app: number; postgres: number } {
  const out = { app: 0, postgres: 0 };
  for (const [pid, now] of after) out[now.side] += now.cpuMs - (before.get(pid)?.cpuMs ?? 0);
  return out;
}
