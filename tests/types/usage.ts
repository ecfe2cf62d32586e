// Compiles only if the declarations describe the API as README shows it. Never run.
import {
  annotate,
  annotateSync,
  highlight,
  init,
  toWebAnnotations,
  version,
  type Annotations,
  type Claim,
  type EmbedGlobal,
  type Entity,
  type Quote,
  type Speaker,
  type View,
  type ViewStats,
  type WebAnnotation,
} from 'quotelens';

export async function usage(article: Element): Promise<void> {
  await init();
  await init(new URL('./quotelens_bg.wasm', import.meta.url));
  await init(new Uint8Array([0, 97, 115, 109]));

  const result: Annotations = await annotate('“Hi,” she said.', { kinds: ['quotes'], minScore: 0.5 });
  const again: Annotations = annotateSync('text', null);
  const v: string = version();
  const schemaVersion: 1 = result.version;

  const quote: Quote | undefined = result.quotes[0];
  if (quote) {
    const [first] = quote.parts;
    const start: number = first ? first[0] : quote.start;
    const speaker: Speaker | null = quote.speaker;
    const name: string | null = speaker ? speaker.name : null;
    const kind: 'direct' | 'partial' | 'block' = quote.kind;
    console.log(start, name, kind, quote.cue?.text, quote.confidence);
  }
  const claim: Claim | undefined = again.claims[0];
  if (claim) console.log(claim.score.toFixed(2), claim.signals.includes('figure'), claim.kind);
  const entity: Entity | undefined = result.entities[0];
  if (entity) console.log(entity.name, entity.kind, entity.mentions.map((m) => m.text));

  const view: View = await highlight(article, {
    kinds: ['quotes', 'claims'],
    minScore: 0.6,
    observe: true,
    onError: (error: Error) => console.error(error.message),
  });
  console.log(view.annotations.quotes.length, v, schemaVersion);
  view.clear();

  // Big pages: the Worker can be declined, and a pass cancelled with a signal.
  const controller = new AbortController();
  const big: View = await highlight('article', { worker: false, signal: controller.signal });
  controller.abort();
  const stats: ViewStats | null = big.stats;
  if (stats) {
    const mode: 'sync' | 'worker' | 'slices' = stats.mode;
    console.log(mode, stats.tasks.toFixed(0));
  }

  const exported: WebAnnotation[] = toWebAnnotations(result, { source: 'https://example.com/a' });
  const fromView: WebAnnotation[] = toWebAnnotations(view, { source: location.href });
  const again2: View = await view.refresh();
  console.log(fromView.length, again2.text.length, view.element?.tagName);
  await highlight('article', { debounce: 100, panel: false, tooltips: false });
  console.log(exported[0]?.target.selector);

  const embed = (window as unknown as { quotelens?: EmbedGlobal }).quotelens;
  const painted: View | null | undefined = await embed?.ready;
  console.log(painted?.annotations.version);

  // @ts-expect-error kinds are 'quotes' | 'claims'
  await annotate('x', { kinds: ['entities'] });
  // @ts-expect-error text must be a string
  await annotate(42);
}
