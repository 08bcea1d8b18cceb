// Preloaded into every measured child (node --import): at exit the child writes its own peak
// RSS (getrusage ru_maxrss, KiB) and CPU time to $BENCH_PEAK_RSS_FILE-<pid>. Polling /proc from the
// parent can miss a peak in the child's last milliseconds; this cannot, but it needs a normal
// exit. CPU seconds say how much of the wall time was the child's own work on a busy machine.
// A run the CLI starts again with MALLOC_MMAP_THRESHOLD_ (src/relaunch.ts) keeps --import, so
// each of its two processes writes a file of its own.

import fs from 'node:fs';

const out = process.env.BENCH_PEAK_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    fs.writeFileSync(
      `${out}-${process.pid}`,
      JSON.stringify({ maxRssKiB: usage.maxRSS, cpuSeconds }),
    );
  });
}
