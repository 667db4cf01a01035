// Where a measurement's CPU went, read from /proc (Linux; elsewhere nothing is reported): the machine's busy share
// over the interval, and the cores used by named groups of processes (e.g. the database's backends, the app
// processes). A missed throughput target on a shared 2-core machine is first a question of whether the cores were full.
import fs from 'node:fs';

type Snapshot = { at: number; busy: number; total: number; ticksOf: Map<number, number> };
export type CpuUse = { machineBusy: number; cores: Record<string, number> };

const clockTicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

function machineTicks(): { busy: number; total: number } | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - fields[3] - fields[4], total }; // less idle and iowait
  } catch {
    return null;
  }
}

function processTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
}

/**
 * Starts an interval; `stop()` returns the CPU use over it, or null where /proc cannot be read. `groups` may be a
 * function, read again at the end: a process that started during the interval (a pool's connection opened on first
 * use) counts from zero.
 */
export function sampleCpu(groupsOf: Record<string, number[]> | (() => Promise<Record<string, number[]>>)): { stop: () => Promise<CpuUse | null> } {
  const read = async () => (typeof groupsOf === 'function' ? await groupsOf() : groupsOf);
  const snap = (groups: Record<string, number[]>): Snapshot | null => {
    const machine = machineTicks();
    if (!machine) return null;
    const ticksOf = new Map<number, number>();
    for (const pid of Object.values(groups).flat()) ticksOf.set(pid, processTicks(pid) ?? 0);
    return { at: performance.now(), ...machine, ticksOf };
  };
  const started = read().then(snap);
  return {
    stop: async () => {
      const start = await started;
      const groups = await read();
      const end = snap(groups);
      if (!start || !end || end.total === start.total) return null;
      const seconds = (end.at - start.at) / 1000;
      const cores: Record<string, number> = {};
      for (const [name, pids] of Object.entries(groups)) {
        const ticks = pids.reduce((sum, pid) => sum + Math.max(0, (end.ticksOf.get(pid) ?? 0) - (start.ticksOf.get(pid) ?? 0)), 0);
        cores[name] = ticks / clockTicksPerSecond / seconds;
      }
      return { machineBusy: (end.busy - start.busy) / (end.total - start.total), cores };
    },
  };
}

/** "machine 87 % busy; postgres 1.21 cores, app 0.40 cores" for a report line. */
export function describeCpu(use: CpuUse | null): string {
  if (!use) return 'CPU not sampled';
  return `machine ${(use.machineBusy * 100).toFixed(0)} % busy; ${Object.entries(use.cores)
    .map(([name, cores]) => `${name} ${cores.toFixed(2)} cores`)
    .join(', ')}`;
}
