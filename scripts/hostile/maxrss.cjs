// Preloaded into the program under test (NODE_OPTIONS=--require): at exit, write the process's
// peak resident set size in bytes to the file named by COMPLAINTS_MAXRSS_FILE. A process killed
// outright writes nothing; the runner's /proc polling covers that case.
'use strict';
const file = process.env.COMPLAINTS_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
    } catch {
      // the measurement must never change the program's outcome
    }
  });
}
