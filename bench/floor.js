// Usage: node bench/floor.js <file> [encoding]
//
// The floor for CSV ingest: the least any reader has to do with a file is read it, decode it
// and find the line ends. Prints {"rows": <lines>} (physical lines, so a line break inside a
// quoted field counts too).

import fs from 'node:fs';

const [file, encoding = 'utf-8'] = process.argv.slice(2);
const decoder = new TextDecoder(encoding);
let lines = 0;
let carry = '';
for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
  const parts = (carry + decoder.decode(chunk, { stream: true })).split('\n');
  carry = parts.pop();
  lines += parts.length;
}
if (carry + decoder.decode() !== '') lines++;
console.log(JSON.stringify({ rows: lines }));
