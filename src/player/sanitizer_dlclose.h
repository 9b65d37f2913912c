/* sanitizer_dlclose.h - in sanitizer builds, keeps shared objects loaded.
 *
 * libvlc unloads its plugins at release; LeakSanitizer then cannot name
 * the plugin behind the few allocations they keep for the life of the
 * process, and tests/lsan.supp cannot match them. This header defines a
 * dlclose that does nothing in those builds (and nothing at all in
 * others). Include it from exactly one file of each program that runs
 * libvlc: the player's main.c and the video tests. */
#ifndef BANGTIN_SANITIZER_DLCLOSE_H
#define BANGTIN_SANITIZER_DLCLOSE_H

#include "sanitizer.h"

#if BANGTIN_ASAN
int dlclose(void *handle);
int dlclose(void *handle)
{
    (void)handle;
    return 0;
}
#endif

#endif
