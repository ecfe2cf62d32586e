/**
 * The demo: paste text, see who said what. The text is rendered as text nodes only (a <p> per
 * paragraph, a <br> per single line break, all via textContent), then handed to highlight().
 * It loads the built package, so `npm run build` first; any static server will do.
 */
import { highlight, toWebAnnotations } from '../dist/quotelens.js';

/** Our own sample, shaped like a wire story: headline, caption and credit, direct, split and
 * multi-paragraph quotes, pronoun and description speakers, reported claims, figures. */
const SAMPLE = `Port Ardley Approves £48 Million Flood Barrier After Years of Delay, Says Mayor

The old sea wall at Kestrel Point, seen from the ferry pier. Photo: Lena Ortiz / Coastal Herald
The council of Port Ardley voted 9–2 on Tuesday to fund a £48 million tidal barrier across the harbour mouth, ending a dispute that had stalled the project since 2019.

“This is the day the harbour stops being a gamble,” Mayor Ines Caldwell told reporters outside the town hall. “We waited long enough,” she said, “and the water did not wait with us.”

According to the council’s own survey, 1,200 homes flooded during the storms of 2021, nearly twice as many as in 2014.

Councillor Tomas Reyes, who voted against the plan, called the cost estimate “a wish, not a budget.” Reyes argued that the barrier would push floodwater onto the farms north of the river, and he said the council had ignored its own engineers.

“I have asked for the full modelling three times. Nobody has shown it to me.

“Until someone does, I cannot tell the farmers on the Wend that they are safe,” he said.

The minister for coastal affairs, Priya Natarajan, welcomed the vote. “Funding has been the hard part for every town on this coast,” the minister said in a statement. She added that construction could begin in the spring.

Work on the barrier is expected to take 40 months and employ about 300 people.`;

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
let view = null;

/** Paragraphs on blank lines, <br> on single line breaks; text nodes only. */
function render(text) {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n\s*/).filter((p) => p.trim());
  output.replaceChildren(...paragraphs.map((para) => {
    const p = document.createElement('p');
    para.split('\n').forEach((line, i) => {
      if (i) p.append(document.createElement('br'));
      p.append(line);
    });
    return p;
  }));
}

async function run() {
  view?.clear();
  render(input.value);
  $('status').textContent = 'Annotating…';
  const t0 = performance.now();
  let failed = null;
  view = await highlight(output, { onError: (e) => { failed = e; } });
  const { quotes, claims } = view.annotations;
  const speakers = new Set([...quotes, ...claims].map((a) => a.speaker?.entity || a.speaker?.name).filter(Boolean));
  $('counts').textContent = `${quotes.length} quotes · ${claims.length} claims · ${speakers.size} speakers`;
  $('status').textContent = failed ? failed.message : `Done in ${Math.round(performance.now() - t0)} ms. Hover a highlight, or use the panel.`;
  $('json').textContent = JSON.stringify(toWebAnnotations(view, { source: location.href }), null, 2);
  return view;
}

input.value = SAMPLE;
$('run').addEventListener('click', () => { window.demo.done = run(); });
$('sample').addEventListener('click', () => { input.value = SAMPLE; window.demo.done = run(); });
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); window.demo.done = run(); }
});
/** For tests and the curious: `await demo.done` is the current view. */
window.demo = { done: run(), get view() { return view; } };
