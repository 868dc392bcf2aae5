#!/usr/bin/env node
// Thin launcher: all logic lives in the compiled library (dist/), built by `npm run setup`.
import { runCli } from '../dist/cli/run-cli.js';

process.exitCode = await runCli(process.argv);
