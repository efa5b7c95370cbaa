import { readFileSync } from 'node:fs';

/** Resident memory of a process in MB, read from /proc (Linux), or null once it is gone. */
export function residentMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's resident memory until stopped, and reports the highest reading. */
export function sampleResidentMemory(pid: number, everyMs = 100): { stop: () => number } {
  let peak = residentMb(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentMb(pid) ?? 0);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, residentMb(pid) ?? 0);
    },
  };
}
