/*
 * The compiled baseline for sorting networks (benchmarks/c-baseline.ts builds
 * it with the system's cc at benchmark time): a straightforward single-thread
 * bit-sliced C loop. Each test set becomes one 64-bit word per wire (bit t =
 * wire w of vector t, so up to 64 vectors); each network is decoded once per
 * row into its active comparators, and each comparator is two operations on
 * the words: wire i gets W_i AND W_j, wire j gets W_i OR W_j.
 *
 * Input (stdin, little-endian): int32 rows, cols, inputs, slots, vectors,
 * reps; then rows x 2*slots float networks, cols x vectors float test sets.
 * Output (stdout): the best seconds per batch over reps, then rows x cols
 * outcomes (sorted vectors), space separated.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static int readAll(void *p, size_t bytes) { return fread(p, 1, bytes, stdin) == bytes; }

int main(void) {
  int32_t head[6];
  if (!readAll(head, sizeof head)) return 2;
  int rows = head[0], cols = head[1], n = head[2], slots = head[3], vectors = head[4], reps = head[5];
  if (vectors > 64 || n > 32) return 3;
  float *nets = malloc(sizeof(float) * 2 * slots * rows), *sets = malloc(sizeof(float) * vectors * cols);
  if (!readAll(nets, sizeof(float) * 2 * slots * rows) || !readAll(sets, sizeof(float) * vectors * cols)) return 2;
  uint64_t *words = calloc((size_t)cols * n, sizeof(uint64_t));
  for (int c = 0; c < cols; c++)
    for (int t = 0; t < vectors; t++) {
      int v = (int)sets[c * vectors + t];
      for (int w = 0; w < n; w++) if ((v >> w) & 1) words[c * n + w] |= (uint64_t)1 << t;
    }
  uint64_t mask = vectors == 64 ? ~(uint64_t)0 : (((uint64_t)1 << vectors) - 1);
  int *out = malloc(sizeof(int) * rows * cols), *ci = malloc(sizeof(int) * slots), *cj = malloc(sizeof(int) * slots);
  double best = 1e30;
  for (int rep = 0; rep < reps; rep++) {
    double t0 = now();
    for (int r = 0; r < rows; r++) {
      int active = 0;
      for (int k = 0; k < slots; k++) {
        int i = (int)nets[r * 2 * slots + 2 * k], j = (int)nets[r * 2 * slots + 2 * k + 1];
        if (i != j) { ci[active] = i; cj[active] = j; active++; }
      }
      for (int c = 0; c < cols; c++) {
        uint64_t w[32];
        for (int x = 0; x < n; x++) w[x] = words[c * n + x];
        for (int k = 0; k < active; k++) {
          uint64_t a = w[ci[k]], b = w[cj[k]];
          w[ci[k]] = a & b;
          w[cj[k]] = a | b;
        }
        uint64_t bad = 0;
        for (int x = 0; x + 1 < n; x++) bad |= w[x] & ~w[x + 1];
        out[r * cols + c] = __builtin_popcountll(~bad & mask);
      }
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  printf("%.9f\n", best);
  for (int i = 0; i < rows * cols; i++) printf("%d%c", out[i], i + 1 < rows * cols ? ' ' : '\n');
  return 0;
}
