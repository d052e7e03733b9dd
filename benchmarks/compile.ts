/**
 * `MESA_SHADER_CACHE_DISABLE=true node bin/with-display.js node --import tsx
 *   benchmarks/compile.ts [--domain NAME] [--backend B]... [--population 256]`
 *
 * Every kernel a domain has (its kernel, per-backend kernels, variants) on
 * every backend that works, including kernels a backend does not run by
 * default (how the bit-sliced sorting kernel was measured on headlessgl):
 * the first call's time (compile plus a 16 x 16 batch; wall and CPU seconds,
 * GL compiles in-process) and the rate of one P x P round robin after its own
 * compile. Mesa caches compiled shaders on disk, so compile times mean
 * something only with MESA_SHADER_CACHE_DISABLE=true.
 */
import { parseArgs } from 'node:util';
import { openBackend } from '../core/backends/backend.ts';
import { BACKENDS, type BackendName } from '../core/domain/backend-names.ts';
import type { InteractionKernel } from '../core/domain/domain.ts';
import { kernelEvaluator, randomPair, roundRobinOpponents } from '../core/backends/evaluator.ts';
import { DOMAINS } from '../populations/index.ts';

const { values } = parseArgs({
  options: { domain: { type: 'string', default: 'sorting-networks' }, backend: { type: 'string', multiple: true }, population: { type: 'string', default: '256' } },
});
const P = Number(values.population);
const domain = DOMAINS.find((d) => d.name === values.domain);
if (!domain) throw new Error(`unknown domain ${values.domain}`);
const instance = domain.create(domain.options.parse({}));
const kernels = new Map<string, InteractionKernel>();
const add = (k: InteractionKernel, fallback: string) => {
  const name = k.name ?? fallback;
  if (!kernels.has(name)) kernels.set(name, { ...k, perBackend: {} }); // run as given, on every backend
};
add(instance.kernel, 'default');
for (const [b, k] of Object.entries(instance.kernel.perBackend ?? {})) add(k, `default on ${b}`);
for (const [v, k] of Object.entries(instance.kernelVariants ?? {})) add(k, v);

const [s, c] = randomPair(instance, 16, 16, 'compile');
const [bigS, bigC] = randomPair(instance, P, P, 'compile-batch');
const all = roundRobinOpponents(P, P);
for (const backend of (values.backend as BackendName[] | undefined) ?? BACKENDS) {
  try {
    await (await openBackend(backend)).destroy();
  } catch {
    continue;
  }
  for (const [name, kernel] of kernels) {
    const evaluator = await kernelEvaluator({ ...instance, kernel }, backend);
    const t = performance.now();
    const cpu = process.cpuUsage();
    await evaluator.evaluate(s, c, roundRobinOpponents(16, 16), 16);
    const used = process.cpuUsage(cpu);
    const first = (performance.now() - t) / 1000;
    await evaluator.evaluate(bigS, bigC, all, P); // compiles for this shape
    const t2 = performance.now();
    await evaluator.evaluate(bigS, bigC, all, P);
    const rate = (P * P) / ((performance.now() - t2) / 1000);
    process.stdout.write(
      `${domain.name} ${backend} [${name}]: first call ${first.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; ` +
        `${P} x ${P}: ${(rate / 1e3).toFixed(1)} k interactions/s\n`,
    );
    await evaluator.destroy();
  }
}
process.exit(0);
