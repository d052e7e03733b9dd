/**
 * The wasm backend's memory: one shared WebAssembly.Memory (backed by a
 * SharedArrayBuffer) that every thread's instance imports, so a batch laid
 * out once is read by all threads without copies. A bump allocator hands
 * out regions for one batch at a time and grows the memory when a batch
 * needs more (growth of shared memory is seen by every instance).
 */
import type { WasmArena } from '../../domain/wasm-kernel.ts';

const PAGE = 65536;
/** Kernels are compiled with no static data; the first bytes are left unused anyway, so no pointer is 0. */
const BASE = 1024;
/** AssemblyScript's --maximumMemory for the kernels (1 GiB). */
export const MAX_PAGES = 16384;

export class SharedArena implements WasmArena {
  readonly memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  private top = BASE;

  reset(): void {
    this.top = BASE;
  }

  alloc(bytes: number): number {
    const ptr = this.top;
    const end = ptr + Math.ceil(bytes / 16) * 16;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / PAGE);
      if (have / PAGE + pages > MAX_PAGES) throw new Error(`a batch needs ${end} bytes, more than the wasm backend's ${MAX_PAGES * PAGE}`);
      this.memory.grow(pages);
    }
    this.top = end;
    // Regions are reused batch after batch: hand them out zeroed.
    this.u8(ptr, end - ptr).fill(0);
    return ptr;
  }

  u8(ptr: number, length: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, ptr, length);
  }

  u32(ptr: number, length: number): Uint32Array {
    return new Uint32Array(this.memory.buffer, ptr, length);
  }

  f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, length);
  }

  putF32(values: Float32Array): number {
    const ptr = this.alloc(values.length * 4);
    this.f32(ptr, values.length).set(values);
    return ptr;
  }

  putI32(values: Int32Array): number {
    const ptr = this.alloc(values.length * 4);
    new Int32Array(this.memory.buffer, ptr, values.length).set(values);
    return ptr;
  }
}
