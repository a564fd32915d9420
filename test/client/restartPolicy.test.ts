// When the extension restarts a crashed language server (client/src/restartPolicy.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CRASH_WINDOW_MS,
  MAX_RESTART_DELAY_MS,
  RestartPolicy,
} from '../../client/src/restartPolicy.js';

test('the first four crashes in three minutes restart at once, then the wait doubles', () => {
  const policy = new RestartPolicy();
  const delays = [0, 1, 2, 3, 4, 5, 6].map((i) => policy.crashed(i * 1000));
  assert.deepEqual(delays, [0, 0, 0, 0, 10_000, 20_000, 40_000]);
});

test('the wait is capped, and crashes older than the window are forgotten', () => {
  const policy = new RestartPolicy();
  let delay = 0;
  for (let i = 0; i < 20; i++) delay = policy.crashed(i);
  assert.equal(delay, MAX_RESTART_DELAY_MS);
  assert.equal(policy.crashed(CRASH_WINDOW_MS + 100), 0, 'one crash in the new window');
});
