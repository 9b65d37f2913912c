/* fuzz_file.h - for harnesses whose parser reads a path: writes the input
 * to one temporary file per process, removed at exit. Header-only. */
#ifndef BANGTIN_FUZZ_FILE_H
#define BANGTIN_FUZZ_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define FUZZ_FILE_PATH_MAX 128

static char fuzz_file_path[FUZZ_FILE_PATH_MAX];

static void fuzz_file_remove(void)
{
    if (fuzz_file_path[0])
        unlink(fuzz_file_path);
}

/* Writes data to /tmp/bangtin-fuzz-<pid>.<ext> and its name into path.
 * Returns 0 or -1. */
static int fuzz_file_write(char path[FUZZ_FILE_PATH_MAX], const char *ext,
                           const uint8_t *data, size_t size)
{
    if (!fuzz_file_path[0]) {
        snprintf(fuzz_file_path, sizeof fuzz_file_path, "/tmp/bangtin-fuzz-%ld.%s",
                 (long)getpid(), ext);
        atexit(fuzz_file_remove);
    }
    snprintf(path, FUZZ_FILE_PATH_MAX, "%s", fuzz_file_path);

    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t written = fwrite(data, 1, size, f);
    if (fclose(f) != 0 || written != size)
        return -1;
    return 0;
}

#endif
