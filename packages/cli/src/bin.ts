#!/usr/bin/env node
import { main } from './main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`yusuan: 内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
