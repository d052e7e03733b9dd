/**
 * What a viewer's hello says about a run, from its config and domain: pure,
 * so the stream server (run-files.ts, live.ts) and the zero-install page's
 * worker (viewer/src/web/) greet viewers alike.
 */
import type { RunConfig } from '../run/config.ts';
import type { DomainInstance, SolverRecordHook, ViewKind } from '../domain/domain.ts';
import { probeSeed } from '../engine/step.ts';
import { findDomain } from '../../populations/index.ts';
import type { RunInfo } from './hub.ts';
import type { Json } from './protocol.ts';

export function runInfoOf(args: {
  readonly mode: RunInfo['mode'];
  readonly config: RunConfig;
  readonly backend: string;
  readonly view: ViewKind;
  /** The domain's record hook: what the size chart plots. */
  readonly record?: SolverRecordHook | undefined;
  /** The domain's probe reference (a well-known solver on this run's probe). */
  readonly probeReference?: DomainInstance['probeReference'];
}): RunInfo {
  const { config, record, probeReference } = args;
  return {
    mode: args.mode,
    domain: config.domain,
    title: findDomain(config.domain)?.title ?? config.domain,
    seed: config.seed,
    backend: args.backend,
    view: args.view,
    generations: config.generations,
    config: JSON.parse(JSON.stringify(config)) as Record<string, Json>,
    records: record
      ? { validity: record.validity, measures: record.measures.map((m) => ({ key: m.key, label: m.label, known: m.known ?? null })) }
      : null,
    probeReference: probeReference ? probeReference(probeSeed(config.seed)) : null,
  };
}
