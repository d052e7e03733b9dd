/**
 * The wasm backend's side of a domain's interaction (DomainInstance.wasm).
 * The domain compiles an AssemblyScript kernel (its `assembly/` folder, built
 * by `npm run build:wasm` into build/wasm/<module>.wasm) whose entry point
 * plays rows r0..r1-1 of a batch: `fn(r0, r1, ...args[, scratch])`. For each
 * batch the domain's `plan` lays rows, columns and opponents out in the
 * backend's shared memory (WasmArena) and says which function to call with
 * which pointers; the backend splits the rows over its threads and reads the
 * raw outcomes back as f32 from `out`, row-major rows x width, exactly as a
 * gpu.js kernel's.
 */
import type { Population } from '../basics/population.ts';

/** Bump allocation in the backend's shared WebAssembly.Memory, reset before each batch. */
export interface WasmArena {
  /** A 16-byte-aligned region of `bytes` zero bytes; returns its byte offset. */
  alloc(bytes: number): number;
  /** Views of a region (fresh ones: the memory may have grown since the last). */
  u8(ptr: number, length: number): Uint8Array;
  u32(ptr: number, length: number): Uint32Array;
  f32(ptr: number, length: number): Float32Array;
  /** Copy values into a new region; returns its byte offset. */
  putF32(values: Float32Array): number;
  putI32(values: Int32Array): number;
}

export interface WasmBatch {
  readonly rows: Population;
  readonly cols: Population;
  readonly opponents: Int32Array;
  readonly width: number;
}

export interface WasmCall {
  /** The exported function that plays a range of rows. */
  readonly fn: string;
  /** Its arguments after (r0, r1): integers (byte offsets, counts). */
  readonly args: readonly number[];
  /** Bytes of private scratch memory each thread needs; when > 0 its offset is passed last. */
  readonly scratchBytes: number;
  /** Byte offset of the f32 outcomes, rows x width. */
  readonly out: number;
}

export interface WasmKernel {
  /** What benchmarks call it ("bit-sliced v128"). */
  readonly name: string;
  /** build/wasm/<module>.wasm: the domain's folder name. */
  readonly module: string;
  plan(batch: WasmBatch, arena: WasmArena): WasmCall;
}
