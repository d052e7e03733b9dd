/**
 * The backends a run can ask for, best first. Part of the domain contract
 * because a domain may give a backend its own kernel (InteractionKernel.perBackend);
 * opening them is core/backends/backend.ts's job.
 */
/** Best first. */
export const BACKENDS = ['webgpu', 'headlessgl', 'webasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export const BACKEND_CHOICES = ['auto', ...BACKENDS] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
