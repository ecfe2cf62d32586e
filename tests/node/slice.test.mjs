/**
 * The time slicer (www/lib/slice.js) on a clock it cannot outrun: every step of the work below
 * busy-waits STEP_MS, so how many tasks a run takes follows from the budget, not from how fast
 * the machine is. (The browser tests of big pages can only assert "more than one task": there
 * the work per task depends on the machine.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Slicer, SLICE_MS, isAbort } from '../../www/lib/slice.js';

const STEP_MS = 5;

/** `steps` units of work of at least STEP_MS each, yielding after each; returns how many ran. */
function* work(steps, log = []) {
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + STEP_MS;
    while (performance.now() < until) { /* busy, as a long DOM walk would be */ }
    log.push(i);
    yield;
  }
  return log.length;
}

test('a run past its budget is spread over tasks, each holding at most the steps that fit the budget', async () => {
  const steps = 24;
  const perTask = Math.ceil(SLICE_MS / STEP_MS); // after this many steps the budget is spent
  const slicer = new Slicer();
  // The page's own message, queued before the run: it must get its turn while the run goes on.
  let pageRanAfter = -1;
  const log = [];
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => { pageRanAfter = log.length; port1.close(); };
  port2.postMessage(null);
  const done = await slicer.drive(work(steps, log));
  assert.equal(done, steps, 'every step ran');
  assert.ok(slicer.tasks >= Math.ceil(steps / perTask), `${slicer.tasks} tasks for ${steps} steps of ${STEP_MS} ms`);
  assert.ok(slicer.tasks <= steps, 'never more than one task per step');
  assert.ok(pageRanAfter > 0 && pageRanAfter < steps, `the page's message ran after step ${pageRanAfter}, mid-run`);
});

test('budget Infinity (a small page) runs in one task; Slicer.run runs synchronously', async () => {
  const slicer = new Slicer({ budget: Infinity });
  assert.equal(await slicer.drive(work(6)), 6);
  assert.equal(slicer.tasks, 1);
  assert.equal(Slicer.run(work(3)), 3);
});

test('an abort between tasks stops the run with an AbortError and closes the work', async () => {
  const ctrl = new AbortController();
  const slicer = new Slicer({ signal: ctrl.signal });
  let closed = false;
  function* closable() {
    try {
      yield* work(40);
    } finally {
      closed = true;
    }
  }
  setTimeout(() => ctrl.abort(), 0);
  await assert.rejects(slicer.drive(closable()), (err) => isAbort(err));
  assert.ok(closed, 'the generator was closed, so its finally blocks ran');
  assert.ok(slicer.tasks < 40 / Math.ceil(SLICE_MS / STEP_MS) + 1, `stopped early, after ${slicer.tasks} tasks`);
});
