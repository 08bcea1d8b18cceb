// Usage: node bench/exceljs-walk.js <file.xlsx>
//
// The reference for xlsx ingest: exceljs's own streaming reader visiting every cell value of
// every worksheet, nothing else. Prints {"rows": <rows after each sheet's first>, "cells": n}.

import ExcelJS from 'exceljs';

const file = process.argv[2];
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
  sharedStrings: 'cache',
  worksheets: 'emit',
  hyperlinks: 'ignore',
  styles: 'cache',
  entries: 'emit',
});
let rows = 0;
let cells = 0;
for await (const worksheet of reader) {
  let first = true;
  for await (const row of worksheet) {
    // row.values is sparse and 1-based; reading each value is what any consumer must do.
    for (const value of row.values) if (value !== undefined) cells++;
    if (first) first = false;
    else rows++;
  }
}
console.log(JSON.stringify({ rows, cells }));
