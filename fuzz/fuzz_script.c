/* fuzz_script.c - libFuzzer harness: any bytes as an --events file, read
 * by script_load from a temporary file. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "fuzz_file.h"
#include "log.h"
#include "script.h"

/* Diagnostics are the product here; the log would only slow the run. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    log_set_level(LOG_ERROR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[FUZZ_FILE_PATH_MAX];
    struct diag diag;
    char line[1024];

    if (fuzz_file_write(path, "events", data, size) < 0)
        return 0;

    diag_init(&diag);
    struct script *s = script_load(path, &diag);
    for (int i = 0; i < diag.count; i++)
        diag_format(&diag.entries[i], line, sizeof line);

    /* Loaded events come in time order. */
    for (int i = 1; s && i < s->count; i++) {
        if (s->events[i].at_ms < s->events[i - 1].at_ms)
            abort();
    }

    script_free(s);
    diag_clear(&diag);
    return 0;
}
