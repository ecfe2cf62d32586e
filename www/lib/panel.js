/**
 * The who-said-what panel and the screen-reader list.
 *
 * The panel groups findings by speaker, filters by speaker and kind, switches the highlights on
 * and off, and is the keyboard path to every finding: each one is a button (Tab, arrow keys,
 * Enter/Space) whose activation scrolls to it, flashes it and shows its tooltip.
 * The visually hidden list reads every finding in text order, whatever the filters.
 */
import { el } from './ui.js';

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

/** Rows per page of a list: a huge page lists its findings a page at a time (see `more`). */
export const PAGE = 100;

/**
 * Appends the `[parent, node]` pairs of `pairs` (a generator, resumed where it stopped) until
 * PAGE list items are in; if more are left, ends the list with a "Show more" button that
 * announces how many are shown of `total` and, activated, lists the next page and moves the
 * focus to its first finding. The layout of a list of 6,000 sentences is what held Chromium's
 * frames on a 1 MB page for hundreds of ms; a page of 200 is laid out in a few.
 */
function more(doc, list, pairs, total, shown = 0) {
  let first = null, n = 0;
  for (let r; n < PAGE && !(r = pairs.next()).done;) {
    const [parent, node] = r.value;
    parent.appendChild(node);
    if (node.localName === 'li') { first ||= node; n++; }
  }
  shown += n;
  if (shown < total) {
    const li = el(doc, list.localName == 'ol' ? 'li' : 'p'), b = el(doc, 'button', 'more', `Show more (${shown} of ${total} shown)`);
    b.addEventListener('click', () => {
      li.remove();
      const f = more(doc, list, pairs, total, shown);
      // The first new finding: its button in the panel, the item itself in the hidden list.
      if (f) (f.querySelector('button') || (f.tabIndex = -1, f)).focus();
    });
    li.appendChild(b);
    list.appendChild(li);
  }
  return first;
}

/**
 * Builds the panel (when `withPanel`) and the hidden list into `box`.
 * `settings` is `{ speaker: '', kinds: Set, visible: bool }`, shared with the view; `collapsed`
 * starts the panel folded to its header;
 * `onChange()` follows a filter or switch change, `onActivate(item, button)` an item activation.
 * Returns `{ render(items), update() }`. Both lists show their first PAGE findings
 * and a "Show more" button for the next (`more`).
 */
export function createPanel(doc, box, settings, { withPanel, collapsed, onChange, onActivate }) {
  const sr = el(doc, 'section', 'sr');
  sr.setAttribute('aria-label', 'quotelens findings');
  const srList = el(doc, 'ol');
  sr.appendChild(srList);
  box.appendChild(sr);
  const srRender = (items) => {
    srList.replaceChildren();
    more(doc, srList, (function* () { for (const it of items) yield [srList, el(doc, 'li', '', sentence(it))]; })(), items.length);
  };
  if (!withPanel) return { render: srRender, update() {} };

  const panel = el(doc, 'section', 'panel');
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Who said what');
  const head = el(doc, 'div', 'head');
  const count = el(doc, 'span', 'count');
  count.setAttribute('aria-live', 'polite');
  // Its text and state come from setOpen() below, once: replacing a text node is a removal,
  // which Chromium makes visit every live Range of the document (the painted ranges, and until
  // they are collected those of earlier passes: 0.3 ms here in the benchmark's repeated runs).
  const fold = el(doc, 'button');
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
  let fillPick = null;
  for (const type of ['focus', 'pointerdown']) pick.addEventListener(type, () => fillPick?.());
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
    const buttons = [...list.querySelectorAll('button')];
    const i = buttons.indexOf(e.target);
    if (i < 0) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
  });

  // One listener for every finding button (not one each, 100 per page of the list).
  const itemOf = new WeakMap(); // button → item
  list.addEventListener('click', (e) => {
    const it = itemOf.get(e.target);
    if (it) onActivate(it, e.target);
  });

  let all = [];
  /** The finding buttons, grouped by speaker, as [parent, node] pairs for more(). */
  function* listPairs(shown) {
    const groups = new Map();
    for (const it of shown) {
      const key = speakerKey(it);
      if (!groups.has(key)) groups.set(key, { name: speakerName(it), items: [] });
      groups.get(key).items.push(it);
    }
    if (!groups.size) yield [list, el(doc, 'p', 'count', all.length ? 'Nothing matches the filters.' : 'No quotes or claims found.')];
    for (const { name, items } of groups.values()) {
      const ul = el(doc, 'ul');
      yield [list, el(doc, 'h3', '', name)];
      yield [list, ul];
      for (const it of items) {
        const b = el(doc, 'button', it.kind, clip(it.label ?? it.a.text));
        b.setAttribute('aria-label', sentence(it));
        itemOf.set(b, it);
        const li = el(doc, 'li');
        li.appendChild(b);
        yield [ul, li];
      }
    }
  }

  const update = () => {
    const shown = all.filter((it) => settings.kinds.has(it.kind) && (!settings.speaker || speakerKey(it) === settings.speaker));
    list.replaceChildren();
    more(doc, list, listPairs(shown), shown.length);
  };
  return {
    /** Lists `items` (and their first page for screen readers). */
    render(items) {
      all = items;
      const quotes = items.filter((it) => it.kind === 'quote').length;
      count.textContent = `${plural(quotes, 'quote')} · ${plural(items.length - quotes, 'claim')}`;
      const speakers = new Map(items.filter(speakerKey).map((it) => [speakerKey(it), speakerName(it)]));
      if (settings.speaker && !speakers.has(settings.speaker)) settings.speaker = '';
      const option = ([value, label]) => {
        const o = el(doc, 'option', '', label);
        o.value = value;
        return o;
      };
      pick.replaceChildren(option(['', 'All speakers']));
      // The speakers' options once the select is first used (or one is chosen): a 1 MB page
      // has over a thousand, and Chromium lays out every option's text to size the select
      // (~50 ms in the frame that shows the panel).
      fillPick = () => {
        fillPick = null;
        pick.append(...[...speakers].map(option));
        pick.value = settings.speaker;
      };
      if (settings.speaker) fillPick();
      srRender(items);
      update();
    },
    /** Filters changed elsewhere (the view calls this after onChange). */
    update,
  };
}
