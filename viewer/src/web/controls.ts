/**
 * The settings bar: start a run with the chosen domain, options, sizes, seed,
 * generations and backend; show which backend runs and how fast; download
 * the run directory as a .tar; load one back to replay it.
 */
import { workerSource } from './install.ts';
import { WEB_BACKENDS, type WebBackendChoice } from './messages.ts';
import type { ConfigFile } from '../../../core/run/config.ts';

/** Each domain's kernel, copied into the build as an asset: build/wasm/<module>.wasm -> its URL. */
const wasmAssets = import.meta.glob('../../../build/wasm/*.wasm', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const wasmUrls = Object.fromEntries(
  Object.entries(wasmAssets).map(([path, url]) => [path.replace(/^.*\/(.*)\.wasm$/, '$1'), new URL(url, location.href).href]),
);

const form = document.querySelector<HTMLFormElement>('#web-settings')!;
const byTest = <T extends HTMLElement>(id: string) => form.querySelector<T>(`[data-testid="${id}"]`)!;
const downloadButton = byTest<HTMLButtonElement>('download');
const backendLine = byTest<HTMLSpanElement>('backend');
const rateLine = byTest<HTMLSpanElement>('rate');
const notices = document.querySelector<HTMLDivElement>('#notices')!;

function showDomainOptions(): void {
  const domain = (form.elements.namedItem('domain') as HTMLSelectElement).value;
  for (const el of form.querySelectorAll<HTMLElement>('[data-domain]')) el.hidden = el.dataset.domain !== domain;
}

function notice(level: 'error' | 'warning', text: string): void {
  const div = document.createElement('div');
  div.className = level;
  div.dataset.testid = 'web-notice';
  div.textContent = text;
  notices.replaceChildren(div);
}

const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
const optionalInt = (name: string) => (value(name) === '' ? undefined : Number(value(name)));

/** The form as a config file's fields, so the worker validates it as `redqueen run --config` would. */
export function settingsOf(): { config: ConfigFile & { domain: string }; backend: WebBackendChoice } {
  const domain = value('domain');
  const options: Record<string, unknown> =
    domain === 'sorting-networks'
      ? { inputs: Number(value('inputs')) }
      : domain === 'number-games'
        ? { game: value('game') }
        : { size: Number(value('size')) };
  const backend = value('backend') as WebBackendChoice;
  return {
    config: {
      domain,
      seed: value('seed'),
      generations: Number(value('generations')),
      ...(optionalInt('solvers') !== undefined ? { solvers: optionalInt('solvers') } : {}),
      ...(optionalInt('challengers') !== undefined ? { challengers: optionalInt('challengers') } : {}),
      options,
    },
    backend: backend === 'auto' || (WEB_BACKENDS as readonly string[]).includes(backend) ? backend : 'auto',
  };
}

form.onsubmit = (e) => {
  e.preventDefault();
  const { config, backend } = settingsOf();
  const speed = Number(document.querySelector<HTMLSelectElement>('[data-testid="speed"]')!.value) || 0;
  backendLine.textContent = 'opening a backend…';
  rateLine.textContent = '';
  workerSource.start({ config, backend, wasmUrls, speed });
  downloadButton.disabled = false;
};
(form.elements.namedItem('domain') as HTMLSelectElement).onchange = showDomainOptions;
downloadButton.onclick = () => workerSource.download();
byTest<HTMLInputElement>('load').onchange = async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  workerSource.replay(new Uint8Array(await file.arrayBuffer()));
  backendLine.textContent = `replay of ${file.name}`;
  rateLine.textContent = '';
};

workerSource.listen((m) => {
  switch (m.type) {
    case 'backend': {
      const ran = m.attempts.find((a) => a.ok && a.backend === m.backend);
      const timed = m.attempts.filter((a) => a.ok && a.msPerBatch !== undefined);
      const timing = timed.length > 1 ? ` · auto timed ${timed.map((a) => `${a.backend} ${a.msPerBatch!.toFixed(1)} ms`).join(', ')} a batch` : '';
      backendLine.textContent = `backend: ${m.backend}${ran?.detail ? ` (${ran.detail})` : ''}${timing}`;
      backendLine.dataset.backend = m.backend;
      const skipped = m.attempts.filter((a) => !a.ok);
      if (skipped.length) notice('warning', skipped.map((a) => `${a.backend} not used: ${a.reason}`).join('; '));
      break;
    }
    case 'rate':
      rateLine.textContent = `${m.generationsPerSecond.toFixed(1)} generations/s · ${Math.round(m.gamesPerSecond).toLocaleString('en')} games/s`;
      break;
    case 'archive': {
      const url = URL.createObjectURL(new Blob([m.bytes as BlobPart], { type: 'application/x-tar' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = m.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      break;
    }
    case 'error':
      notice('error', m.message);
      if (backendLine.textContent === 'opening a backend…') backendLine.textContent = 'not started';
      break;
  }
});

showDomainOptions();
