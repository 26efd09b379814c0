// What the browser benchmarks (pages.mjs, nav.mjs) read from their environment, checked alike:
// how to fail with the script's name, the required variables, BENCH_RUNS and BENCH_CHROMIUM.

import { existsSync } from 'node:fs';

/** The environment of `script` (its file name), run by `cargo xtask bench <command>`. */
export function benchEnvironment(script, command) {
  const fail = (message) => {
    console.error(`${script}: ${message}`);
    process.exit(1);
  };
  const required = (name) => {
    const value = process.env[name];
    if (!value) fail(`${name} is not set: run this through \`cargo xtask bench ${command}\``);
    return value;
  };
  const runs = Number.parseInt(process.env.BENCH_RUNS || '15', 10);
  const executablePath = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
  if (!Number.isInteger(runs) || runs < 1) fail(`BENCH_RUNS=${process.env.BENCH_RUNS} is not a positive number`);
  if (!existsSync(executablePath)) fail(`no browser at ${executablePath}: \`cargo xtask setup\` installs Debian's chromium`);
  return { fail, required, runs, executablePath };
}
