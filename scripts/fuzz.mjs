// Long property-test campaigns: the properties of test/support/properties.ts (the ones
// `npm test` runs briefly), N generated outlines each, from the compiled tests in out/.
//
//   npm run fuzz -- --runs N [--seed S] [--property NAME ...] [--jobs J] [--batch B]
//                   [--max-blocks M]
//
// The runs of a property are split into batches of B (default 5,000); batch k uses seed S + k,
// so a run is reproduced exactly by the same command, and a failure by its batch seed and
// fast-check's path (printed). --jobs spreads batches over worker threads. Prints the seed,
// runs, failures and time; exits 1 on any failure. --max-blocks sets the generator's outline
// size (blocks per outline, default 6 as in npm test).
import { cpus, platform, arch, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const PROPERTIES_MODULE = new URL('../out/test/support/properties.js', import.meta.url);

if (!isMainThread) {
  const fc = (await import('fast-check')).default;
  const { PROPERTIES } = await import(PROPERTIES_MODULE.href);
  parentPort.on('message', (job) => {
    if (job === null) {
      process.exit(0);
    }
    const p = PROPERTIES.find((x) => x.name === job.property);
    const started = performance.now();
    const details = fc.check(p.property, { numRuns: job.runs, seed: job.seed });
    parentPort.postMessage({
      ...job,
      ms: performance.now() - started,
      ran: details.numRuns,
      failed: details.failed,
      report: details.failed ? fc.defaultReportMessage(details) : null,
    });
  });
} else {
  await main();
}

function parseArgs(argv) {
  const o = {
    runs: 1000,
    seed: Date.now() % 2 ** 31,
    property: [],
    jobs: 1,
    batch: 5000,
    maxBlocks: 6,
  };
  const numeric = {
    '--runs': 'runs',
    '--seed': 'seed',
    '--jobs': 'jobs',
    '--batch': 'batch',
    '--max-blocks': 'maxBlocks',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a in numeric) {
      o[numeric[a]] = Number(v);
      i++;
    } else if (a === '--property') {
      o.property.push(v);
      i++;
    } else if (a === '--help' || a === '-h') {
      console.log(
        'npm run fuzz -- --runs N [--seed S] [--property NAME ...] [--jobs J] [--batch B] [--max-blocks M]',
      );
      process.exit(0);
    } else {
      console.error(`fuzz: unknown argument ${a}`);
      process.exit(2);
    }
  }
  for (const k of ['runs', 'seed', 'jobs', 'batch', 'maxBlocks']) {
    if (!Number.isSafeInteger(o[k]) || o[k] < (k === 'seed' ? 0 : 1)) {
      console.error(`fuzz: --${k === 'maxBlocks' ? 'max-blocks' : k} needs a whole number`);
      process.exit(2);
    }
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  // Read by test/support/arbitraries.ts when it is first imported (here and in the workers).
  process.env.BLOOMLINE_FUZZ_BLOCKS = String(o.maxBlocks);
  const { PROPERTIES } = await import(PROPERTIES_MODULE.href);
  const chosen = o.property.length
    ? o.property.map((name) => {
        const p = PROPERTIES.find((x) => x.name === name);
        if (!p) {
          console.error(`fuzz: no property ${name} (${PROPERTIES.map((x) => x.name).join(', ')})`);
          process.exit(2);
        }
        return p;
      })
    : PROPERTIES;
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, ${platform()} ${arch()}`;
  console.log(
    `seed ${o.seed}, ${o.runs} runs per property, batches of ${o.batch}, ${o.jobs} job(s), at most ${o.maxBlocks} blocks per outline`,
  );
  console.log(`machine: ${machine}; load average ${loadavg()[0].toFixed(2)} at start`);
  const jobs = [];
  for (const p of chosen) {
    for (let k = 0; k * o.batch < o.runs; k++) {
      jobs.push({
        property: p.name,
        batch: k,
        seed: o.seed + k,
        runs: Math.min(o.batch, o.runs - k * o.batch),
      });
    }
  }
  const totals = new Map(chosen.map((p) => [p.name, { runs: 0, failures: 0, ms: 0 }]));
  const failures = [];
  const started = performance.now();
  const workers = Array.from(
    { length: Math.min(o.jobs, jobs.length) },
    () => new Worker(fileURLToPath(import.meta.url), { env: process.env }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve, reject) => {
          const next = () => {
            const job = jobs.shift();
            if (!job) {
              w.postMessage(null);
              resolve();
              return;
            }
            w.postMessage(job);
          };
          w.on('message', (r) => {
            const t = totals.get(r.property);
            t.runs += r.ran;
            t.ms += r.ms;
            if (r.failed) {
              t.failures++;
              failures.push(r);
            }
            const done = [...totals.values()].reduce((a, x) => a + x.runs, 0);
            const elapsed = ((performance.now() - started) / 1000).toFixed(0);
            console.log(
              `${r.property} batch ${r.batch} (seed ${r.seed}): ${r.ran} runs, ${r.failed ? 'FAILED' : 'ok'}, ${(r.ms / 1000).toFixed(1)} s; ${done} outlines in ${elapsed} s`,
            );
            if (r.failed) console.log(r.report);
            next();
          });
          w.on('error', reject);
          next();
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log('');
  console.log(`seed ${o.seed}; ${machine}; load average ${loadavg()[0].toFixed(2)} at end`);
  let total = 0;
  for (const [name, t] of totals) {
    total += t.runs;
    console.log(
      `${name}: ${t.runs} runs, ${t.failures} failed batch(es), ${(t.ms / 1000).toFixed(0)} s of work`,
    );
  }
  console.log(
    `total: ${total} generated outlines, ${failures.length} failure(s), ${seconds.toFixed(0)} s`,
  );
  process.exitCode = failures.length ? 1 : 0;
}
