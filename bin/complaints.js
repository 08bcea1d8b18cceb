#!/usr/bin/env node
// Thin launcher: the program lives in dist/ (built by `npm install` through `prepare`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
