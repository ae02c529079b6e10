// CPU and memory of processes, from /proc (Linux): what each answering process spends per request.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of a process in ms; NaN when it cannot be read. */
export function cpuMs(pid) {
  if (!pid) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces: count fields after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Resident set size in MB; NaN when it cannot be read. */
export function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The MariaDB (or MySQL) server's pid, or null when pgrep finds none. */
export function databaseServerPid() {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pid = execFileSync('pgrep', ['-x', '-o', name], { encoding: 'utf8' }).trim();
      if (pid) return Number(pid);
    } catch {
      // not running under this name
    }
  }
  return null;
}

export const loadAverage = () => os.loadavg()[0];
export const cores = () => os.cpus().length;
