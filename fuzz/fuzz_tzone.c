/* fuzz_tzone.c - libFuzzer harness: any bytes as a TZif zone file, loaded
 * by tzone_load through TZDIR, then asked for local times. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "tzone.h"

#define ZONE_NAME "Fuzz/Zone"

static char zone_dir[64];
static char zone_path[128];

static void remove_zone(void)
{
    char sub[96];

    unlink(zone_path);
    snprintf(sub, sizeof sub, "%s/Fuzz", zone_dir);
    rmdir(sub);
    rmdir(zone_dir);
}

static int setup(void)
{
    char sub[96];

    snprintf(zone_dir, sizeof zone_dir, "/tmp/bangtin-fuzz-tz-%ld", (long)getpid());
    snprintf(sub, sizeof sub, "%s/Fuzz", zone_dir);
    snprintf(zone_path, sizeof zone_path, "%s/%s", zone_dir, ZONE_NAME);
    if (mkdir(zone_dir, 0700) < 0 || mkdir(sub, 0700) < 0)
        return -1;
    atexit(remove_zone);
    return setenv("TZDIR", zone_dir, 1);
}

/* Diagnostics are the product here; the log would only slow the run. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    log_set_level(LOG_ERROR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int64_t probes[] = {
        -(1LL << 40), -2208988800LL, 0, 1773446390LL, 2147483647LL, 1LL << 40,
    };
    struct tm tm;

    if (!zone_dir[0] && setup() < 0)
        abort();

    FILE *f = fopen(zone_path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);

    struct tzone *tz = tzone_load(ZONE_NAME);
    for (size_t i = 0; tz && i < sizeof probes / sizeof probes[0]; i++) {
        tzone_local(tz, probes[i], &tm);
        tzone_instant(tz, &tm);
    }
    tzone_free(tz);
    return 0;
}
