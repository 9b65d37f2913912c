/* mempolicy.c - glibc malloc settings for a process that lives for months
 * and handles many large, short-lived pictures.
 *
 * - A fixed mmap threshold: every block of 512 KB or more (decoded
 *   images, textures in the software renderer, libvlc's pictures) gets
 *   its own mapping and goes back to the system when freed. glibc's
 *   default raises the threshold after the first large free, after
 *   which pictures land in the heap and stay there: measured on the
 *   infographic item, PSS 41.7 MB with the default and 30.3 MB fixed
 *   (heap 23.5 MB against 4.6 MB).
 * - Two arenas: libvlc starts new threads for every clip and glibc gives
 *   each new thread an arena that keeps its memory; over 600 clips RSS
 *   crept from 112 to 134 MB with the default and stayed at 52 MB with
 *   two.
 *
 * Sanitizer builds bring their own allocator, which has no such settings
 * (its mallopt refuses them); nothing is set or reported there. */
#include "mempolicy.h"

#include <malloc.h>

#include "log.h"
#include "sanitizer.h"

#define MMAP_THRESHOLD_BYTES (512 * 1024)
#define ARENAS 2

void mempolicy_apply(void)
{
    if (BANGTIN_ASAN)
        return;

    if (mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) != 1 ||
        mallopt(M_ARENA_MAX, ARENAS) != 1)
        log_warn("memory", "malloc settings refused; memory may grow over time");
}
