/**
 * quotelens: who said what in news text. Types for the package entry (`dist/quotelens.js`).
 *
 * Every `start`/`end` is a UTF-16 code unit offset into the annotated text (a JavaScript string
 * index), half-open: `text.slice(start, end) === span.text`.
 */

// ---------------------------------------------------------------------------------------------
// Schema (DESIGN.md, "Schema"). Fields may be added; none is renamed or removed without bumping
// `version`.
// ---------------------------------------------------------------------------------------------

/** A stretch of the annotated text. */
export interface SpanRef {
  start: number;
  end: number;
  text: string;
}

/** The mention a cue attaches to ("he") and the entity it resolves to ("Kirill Dmitriev"). */
export interface Speaker extends SpanRef {
  /** The entity's canonical name, or null when the mention resolves to no entity. */
  name: string | null;
  /** The entity's id (`"e1"`, …) in {@link Annotations.entities}, or null. */
  entity: string | null;
}

/** The reporting verb or phrase that attributes a quote or claim ("said", "according to"). */
export type Cue = SpanRef;

/** How much of a sentence a quotation covers. */
export type QuoteKind = 'direct' | 'partial' | 'block';

/** A direct quotation; its span is the quoted words without the quote marks. */
export interface Quote extends SpanRef {
  /** `"q1"`, `"q2"`, … in text order. */
  id: string;
  kind: QuoteKind;
  /**
   * The pieces `[start, end]` when the attribution interrupts the quote
   * (“A,” she said, “B.”); `start`/`end` of the quote cover them all.
   */
  parts: [number, number][];
  speaker: Speaker | null;
  cue: Cue | null;
  /** 0…1. */
  confidence: number;
}

/** `reported`: attributed in reported speech; `factual`: an unattributed check-worthy sentence. */
export type ClaimKind = 'reported' | 'factual';

/** Known reasons a sentence is check-worthy; the list is open, so any string may appear. */
export type Signal = 'figure' | 'comparison' | 'cause' | 'event' | 'attribution' | (string & {});

export interface Claim extends SpanRef {
  /** `"c1"`, `"c2"`, … in text order. */
  id: string;
  kind: ClaimKind;
  speaker: Speaker | null;
  cue: Cue | null;
  /** 0…1. */
  score: number;
  signals: Signal[];
}

export type EntityKind = 'person' | 'organisation' | 'group';

/** Someone who speaks or is spoken of, with every mention that refers to them. */
export interface Entity {
  /** `"e1"`, `"e2"`, … */
  id: string;
  /** The fullest name the text gives. */
  name: string;
  kind: EntityKind;
  mentions: SpanRef[];
}

/** What {@link annotate} returns: plain objects, absent values are `null`, lists sorted by start. */
export interface Annotations {
  /** Schema version; bumped when a field is renamed or removed. */
  version: 1;
  quotes: Quote[];
  claims: Claim[];
  entities: Entity[];
}

// ---------------------------------------------------------------------------------------------
// Core API
// ---------------------------------------------------------------------------------------------

export type Kind = 'quotes' | 'claims';

/** What to look for. Missing or null fields take the defaults; unknown fields are ignored. */
export interface Options {
  /** Which findings to return. Default: both. */
  kinds?: Kind[] | null;
  /**
   * Return factual claims scoring at least this (0…1). Default: the model's own threshold,
   * chosen for precision; `0` returns every candidate with its score.
   */
  minScore?: number | null;
}

/** Where {@link init} may load the WebAssembly module from. */
export type InitInput =
  | URL
  | string
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<URL | string | Request | Response | BufferSource | WebAssembly.Module>;

/**
 * Loads the WebAssembly core. Optional (everything else loads it lazily) and idempotent: later
 * calls share the first call's promise. By default the `.wasm` beside the module is fetched
 * (in browsers) or read from disk (in Node ≥ 20).
 */
export function init(input?: InitInput): Promise<void>;

/**
 * Annotates `text`. Any string is valid; a non-string `text` or malformed `options` reject
 * with an `Error` whose message starts with "quotelens:".
 */
export function annotate(text: string, options?: Options | null): Promise<Annotations>;

/** {@link annotate} without the promise, after `await init()`; throws if the core isn't loaded. */
export function annotateSync(text: string, options?: Options | null): Annotations;

/** The core's version, after `await init()`. */
export function version(): string;

// ---------------------------------------------------------------------------------------------
// Page overlay
// ---------------------------------------------------------------------------------------------

export interface HighlightOptions extends Options {
  /** Re-annotate when the element's content changes (MutationObserver, debounced). Default false. */
  observe?: boolean;
  /** Milliseconds of quiet before `observe` re-annotates. Default 250. */
  debounce?: number;
  /**
   * Receives every error instead of letting it reach the host page (each message is also
   * logged to the console once).
   */
  onError?: (error: Error) => void;
  /**
   * Show the who-said-what panel. Default true. The panel and the visually hidden
   * screen-reader list (always present) list 100 findings, then a "Show more" button for the
   * next 100; the panel's count gives the totals.
   */
  panel?: boolean;
  /** Show tooltips on hover, focus and tap. Default true. */
  tooltips?: boolean;
  /**
   * A big element (over ~100,000 characters) is annotated off the main thread, in a `blob:`
   * Worker that receives the already compiled module, where the page's CSP allows one; else in
   * slices on the main thread (paragraph groups of ~64 K characters, one per task). `false`
   * always uses the slices. Small elements are annotated in one synchronous pass either way.
   * Default true.
   */
  worker?: boolean;
  /**
   * Aborting the signal clears the view, as {@link View.clear} does: a pass in flight stops
   * and paints nothing. An already aborted signal gives a cleared view at once.
   */
  signal?: AbortSignal;
}

/** How the last completed pass of a view ran (diagnostics; fields may be added). */
export interface ViewStats {
  /** `sync`: one task (small element); `worker` / `slices`: a big element, see {@link HighlightOptions.worker}. */
  mode: 'sync' | 'worker' | 'slices';
  /** Main-thread tasks the pass was spread over (1 for `sync`). */
  tasks: number;
}

/** A painted element. */
export interface View {
  /** The findings, with offsets into {@link View.text}; empty if annotation failed. */
  annotations: Annotations;
  /** The element's text as collected for annotation (block boundaries become `\n\n`, `<br>` `\n`). */
  text: string;
  /** The element painted, or null if the target matched nothing. */
  element: Element | null;
  /** Removes every trace: highlights, wrappers, tooltip, panel, observers and listeners. Idempotent. */
  clear(): void;
  /**
   * Collects, annotates and paints again (what `observe` does on a change). A newer pass
   * cancels one still in flight.
   */
  refresh(): Promise<View>;
  /** How the last completed pass ran; null before one completed. */
  stats: ViewStats | null;
}

/**
 * Annotates `element` (or the first match of a selector) and paints the findings on the page.
 * Never rejects: errors go to `options.onError` and the console. A big element is collected,
 * annotated and painted in short main-thread tasks (see {@link HighlightOptions.worker}), and
 * only its findings near the viewport are highlighted at a time, more as the reader scrolls;
 * the promise settles once those are painted and the panel lists its first page.
 */
export function highlight(element: Element | string, options?: HighlightOptions | null): Promise<View>;

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation export
// ---------------------------------------------------------------------------------------------

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** One finding as a W3C Web Annotation (JSON-LD), importable by tools such as Hypothesis. */
export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id?: string;
  type: 'Annotation';
  motivation?: string;
  body?: unknown;
  target: {
    source: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
  [key: string]: unknown;
}

export interface WebAnnotationOptions {
  /** The annotated document's URL. */
  source?: string;
  /** The annotated text; needed for prefix, suffix and TextPositionSelector (a View knows it). */
  text?: string;
  /** Prefix for each annotation's `id`. Default `"urn:quotelens:"`. */
  idPrefix?: string;
}

/**
 * Exports the quotes and claims of `result` (or of a {@link View}, which also supplies the
 * text) as Web Annotations on the document `source`.
 */
export function toWebAnnotations(result: Annotations | View, options?: WebAnnotationOptions): WebAnnotation[];

// ---------------------------------------------------------------------------------------------
// The one-tag embed (dist/quotelens.embed.js, a classic script)
// ---------------------------------------------------------------------------------------------

/** What the embed puts on `window.quotelens` (unless the page already has one). */
export interface EmbedGlobal {
  /** The view of the article it painted, or null if it found nothing to paint. */
  ready: Promise<View | null>;
  highlight: typeof highlight;
}
