/**
 * The who-said-what panel and the screen-reader list.
 *
 * The panel groups findings by speaker, filters by speaker and kind, switches the highlights on
 * and off, and is the keyboard path to every finding: each one is a button (Tab, arrow keys,
 * Enter/Space) whose activation scrolls to it, flashes it and shows its tooltip.
 * The visually hidden list reads every finding in text order, whatever the filters.
 */
import { el } from './ui.js';
import { Slicer } from './slice.js';

const KINDS = ['quote', 'claim'];
const speakerKey = (item) => item.a.speaker?.entity || item.a.speaker?.name || '';
const speakerName = (item) => item.a.speaker?.name || item.a.speaker?.text || 'Unattributed';
const clip = (s, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A sentence for assistive technology: "Quote by Kirill Dmitriev (he), stated: …". */
export function sentence(item) {
  const s = item.a.speaker;
  const by = s ? ` by ${speakerName(item)}${s.text && s.text !== s.name ? ` (${s.text})` : ''}` : ', unattributed';
  const cue = item.a.cue?.text ? `, ${item.a.cue.text}` : '';
  return `${item.kind === 'quote' ? 'Quote' : 'Claim'}${by}${cue}: ${item.label ?? item.a.text}`;
}

/**
 * Appends the `[parent, node]` pairs of `pairs` (a generator) in order: in this task while
 * `slicer` (slice.js) has budget left, the rest in later tasks.
 * Stops as soon as `current()` is false (a newer render, or the panel removed). A thousand
 * findings never make one long task; with an unlimited slicer (a small page) it is all at once.
 */
async function fill(doc, pairs, current, slicer = new Slicer({ win: doc.defaultView })) {
  for (const [parent, node] of pairs) {
    parent.appendChild(node);
    if (slicer.due()) {
      try { await slicer.pause(); } catch { return; }
      if (!current()) return;
    }
  }
}

/**
 * Builds the panel (when `withPanel`) and the hidden list into `box`.
 * `settings` is `{ speaker: '', kinds: Set, visible: bool }`, shared with the view; `collapsed`
 * starts the panel folded to its header;
 * `onChange()` follows a filter or switch change, `onActivate(item, button)` an item activation.
 * Returns `{ render(items), update(), destroy() }`; `render` resolves once every finding is
 * listed (at once for a small list, over several tasks for a long one).
 */
export function createPanel(doc, box, settings, { withPanel, collapsed, onChange, onActivate }) {
  const sr = el(doc, 'section', 'sr');
  sr.setAttribute('aria-label', 'quotelens findings');
  const srList = el(doc, 'ol');
  sr.appendChild(srList);
  box.appendChild(sr);
  // Generations: a newer render (or destroy) stops an older one; a filter change (update)
  // stops an older listing of the panel's buttons but not the screen-reader list.
  let renders = 0, lists = 0;
  function* srPairs(items) {
    srList.replaceChildren();
    for (const it of items) yield [srList, el(doc, 'li', '', sentence(it))];
  }
  const destroy = () => { renders++; lists++; };
  if (!withPanel) {
    return {
      render(items, slicer) { const gen = ++renders; return fill(doc, srPairs(items), () => gen === renders, slicer); },
      update() {},
      destroy,
    };
  }

  const panel = el(doc, 'section', 'panel');
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Who said what');
  const head = el(doc, 'div', 'head');
  const count = el(doc, 'span', 'count');
  count.setAttribute('aria-live', 'polite');
  const fold = el(doc, 'button', '', '–');
  fold.setAttribute('aria-label', 'Collapse panel');
  fold.setAttribute('aria-expanded', 'true');
  const body = el(doc, 'div', 'body');
  body.id = 'quotelens-body';
  fold.setAttribute('aria-controls', body.id);
  head.append(el(doc, 'h2', '', 'Who said what'), count, fold);

  const controls = el(doc, 'div', 'controls');
  const pick = el(doc, 'select');
  pick.setAttribute('aria-label', 'Filter by speaker');
  const checks = KINDS.map((kind) => {
    const label = el(doc, 'label', '', ` ${kind}s`);
    const box_ = el(doc, 'input');
    box_.type = 'checkbox';
    box_.checked = settings.kinds.has(kind);
    box_.addEventListener('change', () => {
      box_.checked ? settings.kinds.add(kind) : settings.kinds.delete(kind);
      onChange();
    });
    label.prepend(box_);
    return label;
  });
  const toggle = el(doc, 'button', '', 'Highlights');
  toggle.setAttribute('aria-pressed', String(settings.visible));
  toggle.addEventListener('click', () => {
    settings.visible = !settings.visible;
    toggle.setAttribute('aria-pressed', String(settings.visible));
    onChange();
  });
  pick.addEventListener('change', () => { settings.speaker = pick.value; onChange(); });
  controls.append(pick, ...checks, toggle);
  const list = el(doc, 'div');
  body.append(controls, list);
  panel.append(head, body);
  box.appendChild(panel);

  const setOpen = (open) => {
    body.hidden = !open;
    fold.textContent = open ? '–' : '+';
    fold.setAttribute('aria-expanded', String(open));
    fold.setAttribute('aria-label', open ? 'Collapse panel' : 'Expand panel');
  };
  fold.addEventListener('click', () => setOpen(body.hidden));
  setOpen(!collapsed);
  // Arrow keys move between the finding buttons; Tab still leaves the list.
  list.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...list.querySelectorAll('li button')];
    const i = buttons.indexOf(e.target);
    if (i < 0) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
  });

  let all = [];
  /** The finding buttons, grouped by speaker, as [parent, node] pairs for fill(). */
  function* listPairs(gen) {
    const shown = all.filter((it) => settings.kinds.has(it.kind) && (!settings.speaker || speakerKey(it) === settings.speaker));
    const groups = new Map();
    for (const it of shown) {
      const key = speakerKey(it);
      if (!groups.has(key)) groups.set(key, { name: speakerName(it), items: [] });
      groups.get(key).items.push(it);
    }
    list.replaceChildren();
    if (!groups.size) yield [list, el(doc, 'p', 'count', all.length ? 'Nothing matches the filters.' : 'No quotes or claims found.')];
    for (const { name, items } of groups.values()) {
      const ul = el(doc, 'ul');
      yield [list, el(doc, 'h3', '', name)];
      yield [list, ul];
      for (const it of items) {
        if (gen !== lists) return;
        const b = el(doc, 'button', it.kind, clip(it.label ?? it.a.text));
        b.setAttribute('aria-label', sentence(it));
        b.addEventListener('click', () => onActivate(it, b));
        const li = el(doc, 'li');
        li.appendChild(b);
        yield [ul, li];
      }
    }
  }

  return {
    /** Lists `items`; `slicer` paces it (default: SLICE_MS per task). */
    render(items, slicer) {
      const gen = ++renders, listGen = ++lists;
      all = items;
      const quotes = items.filter((it) => it.kind === 'quote').length;
      count.textContent = `${plural(quotes, 'quote')} · ${plural(items.length - quotes, 'claim')}`;
      const speakers = new Map(items.filter(speakerKey).map((it) => [speakerKey(it), speakerName(it)]));
      if (settings.speaker && !speakers.has(settings.speaker)) settings.speaker = '';
      const opts = [['', 'All speakers'], ...speakers].map(([value, label]) => {
        const o = el(doc, 'option', '', label);
        o.value = value;
        return o;
      });
      pick.replaceChildren(...opts);
      pick.value = settings.speaker;
      return fill(doc, (function* () { yield* srPairs(items); yield* listPairs(listGen); })(), () => gen === renders, slicer);
    },
    /** Filters changed elsewhere (the view calls this after onChange). */
    update() {
      const gen = ++lists;
      return fill(doc, listPairs(gen), () => gen === lists);
    },
    /** Stops any rendering still in progress (the view is going away). */
    destroy,
  };
}
