/**
 * Annotating a long text in pieces, for the main thread when no Worker can be had (a CSP
 * without `blob:` workers, or `worker: false`): one piece per task, so no task runs long.
 *
 * Pieces are cut only at paragraph breaks (`\n\n`, which is what collect.js makes of block
 * boundaries), never inside a paragraph, and are at least CHUNK UTF-16 units long (~64 K
 * characters, about 10 ms of the core in Chromium). Each piece is annotated with up to two
 * paragraphs of the text before it and after it as context (CONTEXT_PARAGRAPHS, at most
 * CONTEXT_CHARS each way), and keeps only the findings and mentions that START inside it, so:
 * - a pronoun at the top of a piece still resolves to the person named just before the cut;
 * - a quotation running on over a paragraph break at the cut (the news convention of no closing
 *   mark and the next paragraph opening again) is still paired, by the piece it starts in;
 * - entities of different pieces are merged by name: the same canonical name is one entity,
 *   and a shorter name ("Dmitriev", "Ted Cruz") joins the one person whose name ends with it
 *   ("Kirill Dmitriev", "Sen. Ted Cruz"), a lone surname giving way to a full name.
 * Every quote and claim (spans, parts, kind, cue, score, signals, the speaker's mention) is the
 * same as from annotating the whole text at once (tested on the benchmark corpus). What can
 * differ is the entity a speaker resolves to where the core weighs the whole text: a pronoun
 * whose antecedent is more than two paragraphs before a cut, a headline speaker given the
 * text's most salient person, the canonical name picked from mentions in other pieces ("Sen.
 * Ted Cruz" for "Ted Cruz"), a surname shared by two people named in different pieces. On
 * the 200 KB benchmark text that is about one speaker name in ten. A single paragraph longer
 * than a piece is annotated whole, in one task.
 *
 * Offsets are shifted by each piece's start (UTF-16 units), ids renumbered in text order.
 */

/** Minimum piece length, in UTF-16 units. */
export const CHUNK = 64 * 1024;
export const CONTEXT_PARAGRAPHS = 2;
export const CONTEXT_CHARS = 4096;

const BREAK = '\n\n';

/**
 * The pieces of `text`: `[{ start, end, from, to }]` — the piece is [start, end), annotated as
 * text.slice(from, to) with its context. Pieces tile the text.
 */
export function pieces(text, size = CHUNK) {
  const out = [];
  for (let start = 0; start < text.length;) {
    const next = text.indexOf(BREAK, start + size); // -1 past the end
    const end = next < 0 ? text.length : next;
    out.push({ start, end, from: context(text, start, -1), to: context(text, end, 1) });
    start = end;
  }
  return out;
}

/**
 * Where the context around a cut ends, `dir` -1 before it, +1 after it: whole paragraphs only,
 * at most CONTEXT_PARAGRAPHS of them and CONTEXT_CHARS in all.
 */
function context(text, cut, dir) {
  let at = cut;
  for (let k = 0; k < CONTEXT_PARAGRAPHS; k++) {
    const i = dir < 0 ? text.lastIndexOf(BREAK, at - 1) : text.indexOf(BREAK, at + 1);
    const next = i < 0 ? (dir < 0 ? 0 : text.length) : i;
    if (Math.abs(next - cut) > CONTEXT_CHARS || next === at) break;
    at = next;
  }
  return at;
}

/**
 * Annotates `text` piece by piece with `annotateSync(text, options)`, yielding after each
 * piece (slice.js drives it; `Slicer.run` runs it in one go). Returns the merged result.
 */
export function* annotateSteps(text, options, annotateSync, size = CHUNK) {
  const list = pieces(text, size);
  if (list.length <= 1) return annotateSync(text, options);
  const merged = new Merge();
  for (const piece of list) {
    const part = annotateSync(text.slice(piece.from, piece.to), options);
    merged.add(part, piece);
    yield;
  }
  return merged.result();
}

const shift = (span, by) => {
  if (span) { span.start += by; span.end += by; }
  return span;
};
const ends1 = (long, short) => long.endsWith(` ${short}`);

/** Merges pieces' results into one, as if the text had been annotated whole. */
class Merge {
  constructor() {
    this.quotes = [];
    this.claims = [];
    this.entities = []; // { name, kind, mentions, first }
    this.byName = new Map(); // kind + name → entity
  }

  /**
   * The merged entity for one piece's entity: the same kind and name; else the one person
   * whose name ends with this one ("Dmitriev", "Ted Cruz" join "Kirill Dmitriev", "Sen. Ted
   * Cruz") or the other way round; else a new one. A lone surname gives way to a full name.
   */
  entity(e) {
    const key = `${e.kind}\u0000${e.name}`;
    let found = this.byName.get(key);
    if (!found && e.kind === 'person') {
      const candidates = this.entities.filter((g) => g.kind === 'person' && (ends1(g.name, e.name) || ends1(e.name, g.name)));
      if (candidates.length === 1) found = candidates[0];
    }
    if (!found) {
      found = { name: e.name, kind: e.kind, mentions: [], first: Infinity };
      this.entities.push(found);
    } else if (!found.name.includes(' ') && ends1(e.name, found.name)) {
      found.name = e.name;
    }
    this.byName.set(key, found);
    return found;
  }

  add(part, { start, end, from }) {
    const own = (span) => span.start >= start && span.start < end;
    const local = new Map();
    for (const e of part.entities) {
      const mentions = e.mentions.map((m) => shift(m, from)).filter(own);
      const g = this.entity(e);
      local.set(e.id, g);
      for (const m of mentions) {
        g.mentions.push(m);
        g.first = Math.min(g.first, m.start);
      }
    }
    const take = (items, into) => {
      for (const item of items) {
        shift(item, from);
        if (!own(item)) continue;
        if (item.parts) for (const p of item.parts) { p[0] += from; p[1] += from; }
        shift(item.cue, from);
        if (item.speaker) {
          shift(item.speaker, from);
          const g = local.get(item.speaker.entity) ?? null;
          item.speaker.entity = g;
          if (g) { g.spoken = true; g.first = Math.min(g.first, item.speaker.start); }
        }
        into.push(item);
      }
    };
    take(part.quotes, this.quotes);
    take(part.claims, this.claims);
  }

  result() {
    const entities = this.entities.filter((g) => g.mentions.length || g.spoken)
      .sort((a, b) => a.first - b.first);
    entities.forEach((g, i) => { g.id = `e${i + 1}`; });
    const byStart = (a, b) => a.start - b.start || a.end - b.end;
    const finish = (items, prefix) => items.sort(byStart).map((item, i) => {
      item.id = `${prefix}${i + 1}`;
      const g = item.speaker?.entity;
      if (item.speaker) {
        item.speaker.entity = g?.id ?? null;
        if (g) item.speaker.name = g.name;
      }
      return item;
    });
    return {
      version: 1,
      quotes: finish(this.quotes, 'q'),
      claims: finish(this.claims, 'c'),
      entities: entities.map((g) => ({ id: g.id, name: g.name, kind: g.kind, mentions: g.mentions.sort(byStart) })),
    };
  }
}
