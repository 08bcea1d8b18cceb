// Usage: node bench/floor-readline.js <file>
//
// The floor the speed target is stated against: plain Node reading a file, decoding it and
// splitting it into lines with its own line reader (node:readline), as a script that does no
// more than that would. floor.js, which splits decoded chunks by hand, is a stricter
// reference, reported beside it. Prints {"rows": <lines>}.

import fs from 'node:fs';
import readline from 'node:readline';

const [file] = process.argv.slice(2);
const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
let lines = 0;
for await (const _line of readline.createInterface({ input, crlfDelay: Infinity })) lines++;
console.log(JSON.stringify({ rows: lines }));
