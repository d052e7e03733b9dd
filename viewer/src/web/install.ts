/** Imported before main.ts: the viewer's messages come from the run's worker instead of a socket. */
import { installSource } from '../source.ts';
import { WorkerSource } from './worker-source.ts';

export const workerSource = new WorkerSource();
installSource((on) => workerSource.attach(on));
