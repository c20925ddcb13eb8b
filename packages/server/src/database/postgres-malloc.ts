/**
 * How PostgreSQL's processes give memory back to the system: glibc's malloc, told through the
 * `GLIBC_TUNABLES` environment variable, which the postmaster reads when it starts and its
 * backends inherit.
 *
 * By default glibc shrinks a process's heap whenever more than 128 KB at its top is free. A
 * backend frees a query's memory when the query ends, so on every request it shrank its heap and
 * grew it again on the next: a `brk` call that, on a virtual machine, flushes the address space
 * from every CPU, and then a page fault for each page touched anew. Profiled on the bench's
 * household page asked by a county officer (`perf record -a`, session 58), that was 12 % of
 * PostgreSQL's CPU in `brk` and 7 % in page faults. Keeping up to 32 MB free at the heap's top
 * took PostgreSQL's CPU per request from 727 to 480 µs (test/bench/README.md, *Session 58*). A
 * backend keeps no more than its own largest query needed: memory it never touched is not
 * resident.
 *
 * The mmap threshold is set with it, to the same 32 MB. glibc gives a piece of memory of at least
 * that size a mapping of its own, unmapped when freed; left alone it starts at 128 KB and rises
 * to the size of each mapped piece freed, but setting any threshold fixes them all where they
 * are. With the trim threshold alone every piece of 128 KB or more was mapped and unmapped on
 * every query: an `munmap` that flushes the address space on every CPU, as `brk` did, and a page
 * fault for each page of it. A registration's one statement takes a 256 KB block of executor
 * memory (while the household's checks are prepared), so PostgreSQL spent 0.3–0.4 ms more CPU on
 * each registration of ours than on the peer's two smaller statements (test/bench/README.md,
 * *Session 65*).
 */
export const POSTGRES_MALLOC_TUNABLES = 'glibc.malloc.trim_threshold=33554432:glibc.malloc.mmap_threshold=33554432';

/** The environment PostgreSQL starts with: the malloc setting above, unless the caller's environment sets its own. */
export function withPostgresMallocTuning(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.GLIBC_TUNABLES !== undefined) return env;
  return { ...env, GLIBC_TUNABLES: POSTGRES_MALLOC_TUNABLES };
}
