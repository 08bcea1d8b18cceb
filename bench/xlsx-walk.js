// Usage: node bench/xlsx-walk.js <file.xlsx>
//
// Our own xlsx reader (dist/io/xlsx.js, so `npm run build` first) visiting every cell of the
// first sheet, nothing else: what exceljs-walk.js measures for exceljs. Prints
// {"rows": <rows after the first>, "cells": n}.

import { openInput } from '../dist/io/source.js';

const { reader } = await openInput(process.argv[2]);
let rows = -1;
let cells = 0;
await reader.read({
  begin() {},
  rows(batch) {
    rows += batch.length;
    for (const row of batch) for (const cell of row.cells) if (cell !== null) cells++;
    return true;
  },
  broken() {},
  end: () => true,
});
console.log(JSON.stringify({ rows, cells }));
