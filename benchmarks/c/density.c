/*
 * The compiled baseline for density classification (benchmarks/c-baseline.ts
 * builds it with the system's cc at benchmark time): a straightforward
 * single-thread C loop over every (rule, IC) pair. The lattice is bit-packed
 * in bytes of 3..8 cells and each rule becomes an 8-cell chunk table (one
 * fetch updates a chunk), the stop rules are the reference's (uniform in a
 * fixed state; back to the lattice of two steps earlier).
 *
 * Input (stdin, little-endian): int32 rows, cols, size, steps, reps; then
 * rows x 128 float rules, cols x size float ICs. Output (stdout): the best
 * seconds per batch over reps on the first line, then rows x cols outcomes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"

int main(void) {
  int32_t head[5];
  if (!readAll(head, sizeof head)) return 2;
  int rows = head[0], cols = head[1], size = head[2], steps = head[3], reps = head[4];
  float *rules = malloc(sizeof(float) * 128 * rows), *ics = malloc(sizeof(float) * size * cols);
  if (!readAll(rules, sizeof(float) * 128 * rows) || !readAll(ics, sizeof(float) * size * cols)) return 2;
  int m = (size + 7) / 8, len[160], start[160];
  for (int j = 0, s = 0; j < m; j++) { len[j] = size / m + (j < size % m); start[j] = s; s += len[j]; }
  uint8_t *packed = calloc((size_t)cols, m), *maj = malloc(cols), full[160];
  for (int c = 0; c < cols; c++) {
    int ones = 0;
    for (int j = 0; j < m; j++) {
      int v = 0;
      for (int i = 0; i < len[j]; i++) v = (v << 1) | (int)ics[c * size + start[j] + i];
      packed[c * m + j] = v;
    }
    for (int i = 0; i < size; i++) ones += (int)ics[c * size + i];
    maj[c] = 2 * ones > size;
  }
  int lc[160], rc[160], rs[160];
  for (int j = 0; j < m; j++) {
    full[j] = (1 << len[j]) - 1;
    lc[j] = (j + m - 1) % m;
    rc[j] = (j + 1) % m;
    rs[j] = len[rc[j]] - 3;
  }
  uint8_t zeros[160] = {0};
  uint8_t *out = malloc((size_t)rows * cols), table[1 << 14];
  double best = 1e30;
  for (int rep = 0; rep < reps; rep++) {
    double t0 = now();
    for (int r = 0; r < rows; r++) {
      const float *rule = rules + 128 * r;
      for (int w = 0; w < (1 << 14); w++) {
        int v = 0;
        for (int k = 0; k < 8; k++) v = (v << 1) | (int)rule[(w >> (7 - k)) & 127];
        table[w] = v;
      }
      int fixed0 = rule[0] == 0, fixed1 = rule[127] == 1;
      for (int c = 0; c < cols; c++) {
        int mc = maj[c];
        if (mc ? !fixed1 : !fixed0) { out[r * cols + c] = 0; continue; }
        uint8_t a[160], b[160], prev[160];
        memcpy(a, packed + c * m, m);
        int zero = memcmp(a, zeros, m) == 0, ones = memcmp(a, full, m) == 0;
        for (int t = 0; t < steps; t++) {
          if ((zero && fixed0) || (ones && fixed1)) break;
          if ((t & 1) == 0) memcpy(prev, a, m);
          for (int j = 0; j < m; j++) {
            int l = len[j], pad = 8 - l;
            int left = a[lc[j]] & 7, rv = a[rc[j]] >> rs[j];
            b[j] = table[((((left << l) | a[j]) << 3) | rv) << pad] >> pad;
          }
          memcpy(a, b, m);
          zero = memcmp(a, zeros, m) == 0;
          ones = memcmp(a, full, m) == 0;
          if ((t & 1) == 1 && memcmp(a, prev, m) == 0) break;
        }
        out[r * cols + c] = mc ? ones : zero;
      }
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  printf("%.9f\n", best);
  for (int i = 0; i < rows * cols; i++) putchar('0' + out[i]);
  putchar('\n');
  return 0;
}
