// Preloaded into the program under test (NODE_OPTIONS=--require): at exit, write the process's
// peak resident set size in bytes to the file named by COMPLAINTS_MAXRSS_FILE. A process killed
// outright writes nothing; the runner's /proc polling covers that case.
//
// VmHWM of /proc/self/status, not process.resourceUsage().maxRSS: Linux carries ru_maxrss over
// from the forked copy of the parent into the exec'd child, so a fuzz runner holding a 500 MB
// test file would be counted in every child it starts. VmHWM belongs to the new image only.
'use strict';
const file = process.env.COMPLAINTS_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    const fs = require('node:fs');
    try {
      let bytes = process.resourceUsage().maxRSS * 1024;
      try {
        const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
        if (m) bytes = Number(m[1]) * 1024;
      } catch {
        // not Linux: resourceUsage() is the best there is
      }
      fs.writeFileSync(file, String(bytes));
    } catch {
      // the measurement must never change the program's outcome
    }
  });
}
