/* fuzz_timeutil.c - libFuzzer harness: any string as an instant, a time
 * of day and a fixed-offset zone name; parsed instants must survive a
 * round trip through timeutil_format_iso. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "timeutil.h"
#include "tzone.h"

#define INPUT_MAX_BYTES 256

/* The election's usual zone, read once from the system's zoneinfo. */
static struct tzone *election_tz;

/* Diagnostics are the product here; the log would only slow the run. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    log_set_level(LOG_ERROR);
    election_tz = tzone_load("Asia/Ho_Chi_Minh");
    return election_tz ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char s[INPUT_MAX_BYTES + 1];
    char iso[64];
    int64_t ms = 0;
    int64_t again = 0;
    int minutes = 0;

    if (size > INPUT_MAX_BYTES)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';

    /* A zone from the input when it names one, else the election's. */
    struct tzone *own = tzone_load(s);
    const struct tzone *tz = own ? own : election_tz;

    if (timeutil_parse_instant(s, tz, &ms) == 0) {
        /* The ISO form has whole seconds and names its offset. */
        timeutil_format_iso(ms, tz, iso, sizeof iso);
        if (timeutil_parse_instant(iso, tz, &again) < 0)
            abort();
        if (again != ms - (ms % 1000 + 1000) % 1000)
            abort();
    }

    if (timeutil_parse_hhmm(s, &minutes) == 0 && (minutes < 0 || minutes > 24 * 60))
        abort();

    tzone_free(own);
    return 0;
}
