/**
 * CPU time used by processes, read from /proc (Linux): the app server's process tree and every PostgreSQL
 * backend on the machine, so a benchmark can say how much machine time one request costs on each side.
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

/** CPU ms so far of `root` and its descendants, and of every process named "postgres". */
export function cpuReading(root: number | undefined): { app: number; postgres: number } | null {
  const all = processes();
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
  const sum = (ps: Proc[]) => ps.reduce((a, p) => a + p.cpuMs, 0);
  return {
    app: sum(all.filter((p) => tree.has(p.pid))),
    postgres: sum(all.filter((p) => p.comm === "postgres")),
  };
}
