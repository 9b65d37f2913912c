/* fuzz_manifest.c - libFuzzer harness: any bytes as a bundle's
 * manifest.json, through the whole validation (bundle_parse). */
#include <stddef.h>
#include <stdint.h>

#include "bundle.h"
#include "diag.h"
#include "log.h"

/* The valid test bundle's media folder (make fuzz runs from the source
 * tree), so seeds that name its files reach the size and hash checks;
 * any other name walks the missing-file paths. */
#define FUZZ_BUNDLE_DIR "tests/data/bundle/valid"

/* Diagnostics are the product here; the log would only slow the run. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    log_set_level(LOG_ERROR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag diag;
    char line[1024];

    diag_init(&diag);
    struct content *c = bundle_parse((const char *)data, size, FUZZ_BUNDLE_DIR,
                                     BUNDLE_CHECK_HASHES, &diag);

    /* Formatting touches every diagnostic's strings. */
    for (int i = 0; i < diag.count; i++)
        diag_format(&diag.entries[i], line, sizeof line);

    content_free(c);
    diag_clear(&diag);
    return 0;
}
