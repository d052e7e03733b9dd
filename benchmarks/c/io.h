/*
 * What every C baseline shares: a monotonic clock for timing the batch inside
 * the program (so process start and pipe transfers are not counted) and an
 * exact read of the binary input that benchmarks/c-baseline.ts writes to stdin.
 */
#ifndef RQ_C_IO_H
#define RQ_C_IO_H
#include <stdio.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

/* 1 when exactly `bytes` bytes were read, 0 on a short input. */
static int readAll(void *p, size_t bytes) { return fread(p, 1, bytes, stdin) == bytes; }

#endif
