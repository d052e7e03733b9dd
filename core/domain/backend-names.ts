/**
 * The backends a run can ask for, best first. Part of the domain contract
 * because a domain may give a backend its own kernel (InteractionKernel.perBackend);
 * opening them is core/backends/backend.ts's job.
 */
/**
 * Best first. `auto` times every one that works and keeps the fastest, so
 * the order only breaks ties and orders failover; wasm comes after the GPU
 * backends (which win only where a real GPU answers) and before gpu.js's CPU
 * ones, which it outruns (BENCHMARKS.md).
 */
export const BACKENDS = ['webgpu', 'headlessgl', 'wasm', 'webasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export const BACKEND_CHOICES = ['auto', ...BACKENDS] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
