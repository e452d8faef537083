#ifndef PODREAD_PREFETCH_H
#define PODREAD_PREFETCH_H

/* Asks the processor to start reading the cache line at `address`, without
   waiting for it: the index build names a word's table slot one word before
   it reads the slot, so the wait on memory overlaps reading the next word.
   Swift has no way to say this itself. Static inline, so it compiles into
   the caller. */
static inline void podread_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/* The same for a line about to be written: the index build scatters each
   posting into its term's list, a place far from the one before; naming it
   some postings ahead lets the writes' waits overlap. */
static inline void podread_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
