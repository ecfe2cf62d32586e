/**
 * The public page API:
 *
 *   const view = await highlight(article, { kinds: ['quotes', 'claims'], observe: true });
 *   view.annotations;  // the schema; offsets into view.text, the element's collected text
 *   view.clear();      // removes every trace (idempotent)
 *   toWebAnnotations(view, { source: location.href });
 *
 * Options: kinds, minScore (passed to the core), observe (re-annotate on change, debounced),
 * onError (receives every error; none reaches the page), panel (the who-said-what panel,
 * default true), tooltips (default true), debounce (ms, default 250), worker (annotate a big
 * page in a Worker where the CSP allows; default true), signal (an AbortSignal: clears the view).
 */
import { annotate } from './core.js';
import { annotateBig } from './offthread.js';
import { createView } from './view.js';

export { toWebAnnotations } from './webannotation.js';

/**
 * The annotator the view calls: a small text synchronously (one task, painted in the same
 * frame), a big one (`ctx.big`) in the Worker or in slices.
 */
function annotator(text, options, ctx) {
  return ctx?.big ? annotateBig(text, options, ctx.slicer, ctx) : annotate(text, options);
}

/** Annotates `element` (or the first match of a selector) and paints the findings. Never rejects. */
export function highlight(element, options) {
  return createView(element, options, annotator);
}
