/**
 * The probe's check of all 2^n inputs is the costliest part of a sorting
 * generation outside the kernel, and it sees the same champion again and
 * again: in the generation's metrics and in best.json at each checkpoint,
 * and, once an elite champion holds, generation after generation. The
 * report depends only on the network's active comparators, so the last few
 * are kept, keyed by them.
 */
import { checkNetwork, type Network, type NetworkReport } from './network.ts';

/** Reports kept (most recently used last). */
const SIZE = 32;

export function cachedCheck(): (net: Network) => NetworkReport {
  const cache = new Map<string, NetworkReport>();
  return (net) => {
    const key = `${net.inputs}:${net.comparators.join(';')}`;
    let report = cache.get(key);
    if (report) {
      cache.delete(key);
    } else {
      report = checkNetwork(net);
      if (cache.size >= SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, report);
    return report;
  };
}
