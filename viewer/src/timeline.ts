/**
 * The timeline of a replay (`redqueen serve DIR`): a scrubber over every
 * generation in the run's files. Moving it sends `seek`; the server answers
 * with a `snapshot` that pins the page (store.ts) to that generation: the
 * charts end there, the pathology state and the champions (champions.bin)
 * are as they were, and the matrix, CIAO row and records come from the
 * nearest kept frame at or before it, which the bar names when it is not the
 * generation itself (frames-log.ts keeps every generation below 1,000, then
 * 1,000 a decade).
 * Hidden for live runs, which have no timeline.
 */
import './timeline.css';
import type { ClientMessage } from '../../core/stream/protocol.ts';
import type { Panel, Store } from './store.ts';

/** A seek unanswered this long (an error, a dropped reply) no longer holds back the next one. */
const SEEK_PATIENCE_MS = 1000;

export interface Timeline {
  /** Follow the store: show the bar in replays, keep the range and the note up to date. */
  render(): void;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | boolean> = {}, testId?: string): HTMLElementTagNameMap[K] {
  const el: HTMLElementTagNameMap[K] = document.createElement(tag);
  Object.assign(el, props);
  if (testId) el.setAttribute('data-testid', testId);
  return el;
}

export function timelineBar(store: Store, send: (m: ClientMessage) => void, invalidate: (panels: Iterable<Panel>) => void): Timeline {
  const bar = element('div', { className: 'timeline', hidden: true }, 'timeline');
  const range = element('input', { type: 'range', min: '0', max: '0', step: '1', value: '0', title: 'move through the run: ← → one generation' }, 'timeline-range');
  const label = element('span', { className: 'timeline-label' }, 'timeline-label');
  const follow = element('button', { textContent: 'Latest', title: 'follow the run again: its newest generation' }, 'timeline-latest');
  const note = element('span', { className: 'timeline-note' }, 'timeline-note');
  bar.append(element('span', { className: 'muted', textContent: 'timeline' }), range, label, follow, note);
  document.querySelector('header')?.after(bar);

  // One seek in flight at a time; while the scrubber moves, the newest position is sent when the answer comes.
  let wanted: number | null = null;
  let sentAt = Number.NEGATIVE_INFINITY;
  let sent: number | null = null;
  const pump = () => {
    if (wanted === null || wanted === store.pinned?.generation) return;
    if (sent !== null && performance.now() - sentAt < SEEK_PATIENCE_MS) return;
    sent = wanted;
    sentAt = performance.now();
    send({ type: 'seek', generation: wanted });
  };
  range.oninput = () => {
    wanted = Number(range.value);
    label.textContent = `generation ${fmt(wanted)}…`;
    pump();
  };
  follow.onclick = () => {
    wanted = null;
    sent = null;
    invalidate(store.follow());
  };
  setInterval(pump, SEEK_PATIENCE_MS);

  return {
    render() {
      const replay = store.hello?.mode === 'replay';
      bar.hidden = !replay;
      if (!replay) return;
      const last = Math.max(0, store.played - 1);
      range.max = String(last);
      const pinned = store.pinned;
      if (pinned && sent === pinned.generation) sent = null;
      pump();
      follow.disabled = !pinned;
      if (document.activeElement !== range || wanted === null) range.value = String(pinned ? pinned.generation : last);
      bar.dataset.generation = String(pinned ? pinned.generation : last);
      bar.dataset.detailGeneration = String(store.detailGeneration);
      if (store.detail) bar.dataset.matrix = store.detail.matrix.data;
      if (!pinned) {
        label.textContent = `latest: generation ${fmt(last)} of 0–${fmt(last)}`;
        note.textContent = 'drag to see the run at any generation';
        return;
      }
      label.textContent = `generation ${fmt(pinned.generation)} of 0–${fmt(last)}`;
      const d = pinned.detailGeneration;
      note.textContent =
        d === pinned.generation
          ? 'every panel as it was at this generation'
          : d === null
            ? 'charts as at this generation; no picture of it is kept'
            : `charts${store.championsGeneration === pinned.generation ? ', champions and domain view' : ''} as at this generation; ${
                store.championsGeneration === pinned.generation ? 'matrix, CIAO and records' : 'matrix, CIAO, champions and domain view'
              } from generation ${fmt(d)} (the nearest kept)`;
      note.className = `timeline-note${d === pinned.generation ? '' : ' nearest'}`;
    },
  };
}
