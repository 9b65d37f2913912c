/* fuzz_jsonloc.c - libFuzzer harness: a field path and JSON text (split
 * at the first newline) through jsonloc_line and jsonloc_line_of_offset. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonloc.h"
#include "log.h"

#define PATH_MAX_BYTES 512

/* Diagnostics are the product here; the log would only slow the run. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    log_set_level(LOG_ERROR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size < PATH_MAX_BYTES ? size : PATH_MAX_BYTES);
    size_t path_len = nl ? (size_t)(nl - data) : 0;
    char path[PATH_MAX_BYTES + 1];

    memcpy(path, data, path_len);
    path[path_len] = '\0';

    /* The text is not NUL-terminated on purpose: jsonloc_line must keep
     * within len. jsonloc_line_of_offset needs a string, so a copy. */
    const char *text = (const char *)data + (nl ? path_len + 1 : 0);
    size_t len = size - (size_t)(text - (const char *)data);
    char *heap = malloc(len);
    if (!heap)
        return 0;
    memcpy(heap, text, len);

    int line = jsonloc_line(heap, len, path);
    if (line < 0 || (size_t)line > len + 1)
        abort();

    char *str = malloc(len + 1);
    if (str) {
        memcpy(str, text, len);
        str[len] = '\0';
        int at = jsonloc_line_of_offset(str, len);
        if (line > at)
            abort();  /* a field's line lies within the text */
        free(str);
    }
    free(heap);
    return 0;
}
