/**
 * Time slicing: long work on the page split into tasks short enough that scrolling, typing and
 * rendering get their turn between them (DESIGN.md: no main-thread task over 50 ms).
 *
 * Work is written as a generator that `yield`s at safe points (every few hundred nodes or
 * ranges); `drive()` runs it until the slice's time is up, gives the event loop a turn, and goes
 * on. A Slicer with `budget: Infinity` never yields for time, which is the small page's fast
 * path: the same code, one task, painted in the same frame.
 */

/** Milliseconds of work per task before giving the page a turn (well under the 50 ms of a long task). */
export const SLICE_MS = 12;

const now = () => performance.now();

/**
 * Gives the event loop a turn: a MessageChannel message, a task queued behind whatever is
 * already waiting (input, rendering, and the page's own timers and messages), without
 * setTimeout's 4 ms clamping. Not `scheduler.yield()`: its continuations go ahead of the
 * page's other tasks, so a guest on the page would hold the host's timers back for the
 * whole run.
 */
export function yieldToPage(win = globalThis) {
  return new Promise((resolve) => {
    const { port1, port2 } = new win.MessageChannel();
    port1.onmessage = () => { port1.close(); resolve(); };
    port2.postMessage(null);
  });
}

/** The error an aborted run ends with; recognised by `isAbort` and never reported. */
export function abortError() {
  return new DOMException('', 'AbortError');
}
export const isAbort = (err) => err?.name === 'AbortError';

/**
 * One run's clock: `due()` says when the current task has used its budget; `pause()` yields and
 * starts a new task's budget, and rejects with an AbortError once `signal` is aborted.
 * `tasks` counts the tasks the run was spread over (the tests read it).
 */
export class Slicer {
  constructor({ budget = SLICE_MS, signal, win = globalThis } = {}) {
    this.budget = budget;
    this.signal = signal;
    this.win = win;
    this.start = now();
    this.tasks = 1;
  }

  due() {
    return now() - this.start >= this.budget; // never with budget Infinity
  }

  check() {
    if (this.signal?.aborted) throw abortError();
  }

  async pause() {
    this.check();
    await yieldToPage(this.win);
    this.check();
    this.start = now();
    this.tasks++;
  }

  /**
   * Runs generator `gen` to its return value, pausing whenever it yields past the budget.
   * `step` wraps each resumption (the view uses it to keep its own DOM changes out of its
   * MutationObserver). On abort the generator is closed (`return()`), so its `finally` blocks
   * undo any half-done work, and the AbortError propagates.
   */
  async drive(gen, step = (fn) => fn()) {
    try {
      for (;;) {
        const r = step(() => gen.next());
        if (r.done) return r.value;
        if (this.due()) await this.pause();
        else this.check();
      }
    } catch (err) {
      step(() => gen.return(undefined));
      throw err;
    }
  }

  /** Runs `gen` in one go, without yielding: the synchronous form of `drive`. */
  static run(gen) {
    for (;;) {
      const r = gen.next();
      if (r.done) return r.value;
    }
  }
}
