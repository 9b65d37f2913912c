/* tempdir.h - fresh, private temporary files and directories for unit
 * tests, under $TMPDIR (else /tmp), named after the test. */
#ifndef BANGTIN_TEST_TEMPDIR_H
#define BANGTIN_TEST_TEMPDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes "<tmp>/bangtin-<name>." and the six placeholder characters that
 * mkdtemp and mkstemp replace with a unique suffix. Returns 0 or -1 when
 * it does not fit. */
static inline int temp_template(char *out, size_t size, const char *name)
{
    const char *root = getenv("TMPDIR");
    int n = snprintf(out, size, "%s/bangtin-%s.", root && *root ? root : "/tmp",
                     name);

    if (n < 0 || (size_t)n + 7 > size)
        return -1;
    memset(out + n, 'X', 6);
    out[n + 6] = '\0';
    return 0;
}

/* Makes a new directory; out receives its path. Returns out or NULL. */
static inline char *temp_dir(char *out, size_t size, const char *name)
{
    return temp_template(out, size, name) == 0 ? mkdtemp(out) : NULL;
}

/* Creates a new file, open for writing; out receives its path. Returns
 * the descriptor or -1. */
static inline int temp_file(char *out, size_t size, const char *name)
{
    return temp_template(out, size, name) == 0 ? mkstemp(out) : -1;
}

#endif
