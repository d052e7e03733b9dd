/** Why a backend cannot run here; pure, so code without gpu.js (the browser build) can throw and catch it. */
export class BackendUnavailable extends Error {
  override readonly name = 'BackendUnavailable';
}

export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}
