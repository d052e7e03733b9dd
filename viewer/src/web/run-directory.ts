/**
 * A run directory held in the worker's memory, file for file what
 * `redqueen run --out DIR` writes (docs/run-files.md): metrics.jsonl and
 * timings.jsonl as appended lines, champions.bin as records, the JSON files
 * as last written. `entries` is the directory as it stands, for the archive.
 */
import { formatJson } from '../../../core/run/format-json.ts';
import type { TarEntry } from './tar.ts';

const encoder = new TextEncoder();

export class RunDirectory {
  private readonly logs = new Map<string, Uint8Array[]>();
  private readonly files = new Map<string, Uint8Array>();

  /** Append to a log file (metrics.jsonl, timings.jsonl, champions.bin). */
  append(name: string, data: string | Uint8Array): void {
    const chunks = this.logs.get(name) ?? [];
    chunks.push(typeof data === 'string' ? encoder.encode(data) : data);
    this.logs.set(name, chunks);
  }

  /** A whole file, as writeJsonAtomic lays it out. */
  writeJson(name: string, value: unknown): void {
    this.files.set(name, encoder.encode(`${formatJson(value)}\n`));
  }

  writeText(name: string, text: string): void {
    this.files.set(name, encoder.encode(text));
  }

  remove(name: string): void {
    this.files.delete(name);
  }

  text(name: string): string {
    return new TextDecoder().decode(this.bytes(name));
  }

  bytes(name: string): Uint8Array {
    const whole = this.files.get(name);
    if (whole) return whole;
    const chunks = this.logs.get(name) ?? [];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) (out.set(c, at), (at += c.length));
    return out;
  }

  /** Every file under `folder/`, logs first, in a fixed order. */
  entries(folder: string): TarEntry[] {
    const names = [...this.logs.keys(), ...this.files.keys()];
    return names.map((name) => ({ name: `${folder}/${name}`, bytes: this.bytes(name) }));
  }
}
