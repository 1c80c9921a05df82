// Whether the process that wrote a lock or a work folder (named by its pid) still runs: a run's
// output lock (pipelines/annual/src/out-dir.ts) and the report build's work folders
// (reports/src/evidence.ts) are cleared when it does not. A process of another user counts as alive.

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
