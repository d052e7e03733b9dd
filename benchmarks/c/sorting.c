/*
 * The compiled baseline for sorting networks (benchmarks/c-baseline.ts builds
 * it with the system's cc -O3 -march=native at benchmark time): a
 * straightforward single-thread bit-sliced C loop. Each test set becomes one
 * lane per wire (bit t = wire w of vector t) of the narrowest of 8, 16, 32 or
 * 64 bits that holds its vectors (up to 64), so a 64-bit word holds several
 * test sets; BLOCK words are played together so the compiler can vectorise
 * (AVX2 on this machine). Each network is decoded once per row into its
 * active comparators; a comparator is two operations on each word: wire i
 * gets W_i AND W_j, wire j gets W_i OR W_j.
 *
 * Input (stdin, little-endian): int32 rows, cols, inputs, slots, vectors,
 * reps; then rows x 2*slots float networks, cols x vectors float test sets.
 * Output (stdout): the best seconds per batch over reps, then rows x cols
 * outcomes (sorted vectors), space separated.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"

#define BLOCK 4

int main(void) {
  int32_t head[6];
  if (!readAll(head, sizeof head)) return 2;
  int rows = head[0], cols = head[1], n = head[2], slots = head[3], vectors = head[4], reps = head[5];
  if (vectors > 64 || n > 32) return 3;
  float *nets = malloc(sizeof(float) * 2 * slots * rows), *sets = malloc(sizeof(float) * vectors * cols);
  if (!readAll(nets, sizeof(float) * 2 * slots * rows) || !readAll(sets, sizeof(float) * vectors * cols)) return 2;
  int lane = vectors <= 8 ? 8 : vectors <= 16 ? 16 : vectors <= 32 ? 32 : 64, perWord = 64 / lane;
  int perBlock = perWord * BLOCK, blocks = (cols + perBlock - 1) / perBlock;
  /* words[(block * n + wire) * BLOCK + k]: test set (block * perBlock + k * perWord + l) in lane l. */
  uint64_t *words = calloc((size_t)blocks * n * BLOCK, sizeof(uint64_t));
  uint64_t laneMask = vectors == 64 ? ~(uint64_t)0 : (((uint64_t)1 << vectors) - 1);
  for (int c = 0; c < cols; c++) {
    int b = c / perBlock, k = (c % perBlock) / perWord, l = c % perWord;
    for (int t = 0; t < vectors; t++) {
      int v = (int)sets[c * vectors + t];
      for (int w = 0; w < n; w++)
        if ((v >> w) & 1) words[(b * n + w) * BLOCK + k] |= (uint64_t)1 << (l * lane + t);
    }
  }
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
      for (int b = 0; b < blocks; b++) {
        uint64_t w[32][BLOCK];
        memcpy(w, words + (size_t)b * n * BLOCK, sizeof(uint64_t) * n * BLOCK);
        for (int k = 0; k < active; k++) {
          uint64_t *wi = w[ci[k]], *wj = w[cj[k]];
          for (int q = 0; q < BLOCK; q++) {
            uint64_t a = wi[q], c = wj[q];
            wi[q] = a & c;
            wj[q] = a | c;
          }
        }
        uint64_t bad[BLOCK] = {0};
        for (int x = 0; x + 1 < n; x++)
          for (int q = 0; q < BLOCK; q++) bad[q] |= w[x][q] & ~w[x + 1][q];
        for (int q = 0; q < BLOCK; q++)
          for (int l = 0; l < perWord; l++) {
            int c = b * perBlock + q * perWord + l;
            if (c < cols) out[r * cols + c] = __builtin_popcountll((~bad[q] >> (l * lane)) & laneMask);
          }
      }
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  printf("%.9f\n", best);
  for (int i = 0; i < rows * cols; i++) printf("%d%c", out[i], i + 1 < rows * cols ? ' ' : '\n');
  return 0;
}
