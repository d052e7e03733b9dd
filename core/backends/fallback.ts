/**
 * Backend failover. A GPU backend can fail mid-run (context lost, a kernel
 * that will not compile for a new shape). The run must not: the failed batch
 * is replayed on the next backend, down to the plain-TS reference, which
 * always works. Every backend computes the same outcomes, so the run's
 * results are unchanged; only its speed is.
 */
import type { BackendName } from '../domain/backend-names.ts';
import { firstLine } from './backend.ts';
import type { DomainInstance } from '../domain/domain.ts';
import { crossCheck, kernelEvaluator, referenceEvaluator, type Evaluator } from './evaluator.ts';

export interface BackendSwitch {
  readonly from: Evaluator['backend'];
  readonly to: Evaluator['backend'];
  readonly reason: string;
}

/** Open the first of `order` that works and agrees with the reference; the reference if none does. */
async function openNext(
  domain: DomainInstance,
  order: BackendName[],
  open: (b: BackendName) => Promise<Evaluator>,
): Promise<Evaluator> {
  while (order.length > 0) {
    const backend = order.shift()!;
    let ev: Evaluator | undefined;
    try {
      ev = await open(backend);
      if ((await crossCheck(domain, ev, { rows: 4, cols: 5, seed: 'smoke' })) === null) return ev;
    } catch {
      // try the next one
    }
    await ev?.destroy().catch(() => {});
  }
  return referenceEvaluator(domain);
}

export function withFallback(
  domain: DomainInstance,
  first: Evaluator,
  next: readonly BackendName[],
  onSwitch: (s: BackendSwitch) => void,
  open: (b: BackendName) => Promise<Evaluator> = (b) => kernelEvaluator(domain, b),
): Evaluator {
  let current = first;
  const order = [...next];
  return {
    get backend() {
      return current.backend;
    },
    async evaluate(rows, cols, opponents, width) {
      for (;;) {
        try {
          return await current.evaluate(rows, cols, opponents, width);
        } catch (e) {
          if (current.backend === 'reference') throw e; // a bug, not a backend failure
          const failed = current;
          await failed.destroy().catch(() => {});
          current = await openNext(domain, order, open);
          onSwitch({ from: failed.backend, to: current.backend, reason: firstLine(e) });
        }
      }
    },
    destroy: () => current.destroy(),
  };
}
