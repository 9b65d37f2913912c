/* fuzz_config.c - libFuzzer harness: any bytes as bangtin.conf, read by
 * config_load from a temporary file. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "diag.h"
#include "fuzz_file.h"
#include "log.h"

/* Diagnostics are the product here; the log would only slow the run. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    log_set_level(LOG_ERROR);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[FUZZ_FILE_PATH_MAX];
    struct config cfg;
    struct diag diag;
    char line[1024];

    if (fuzz_file_write(path, "conf", data, size) < 0)
        return 0;

    config_defaults(&cfg);
    diag_init(&diag);
    config_load(&cfg, path, &diag);
    for (int i = 0; i < diag.count; i++)
        diag_format(&diag.entries[i], line, sizeof line);

    /* Every text setting stays a terminated string within its field. */
    if (memchr(cfg.data_dir, '\0', sizeof cfg.data_dir) == NULL ||
        memchr(cfg.commission, '\0', sizeof cfg.commission) == NULL ||
        memchr(cfg.exit_keys, '\0', sizeof cfg.exit_keys) == NULL ||
        memchr(cfg.log_level, '\0', sizeof cfg.log_level) == NULL ||
        memchr(cfg.quiet_hours, '\0', sizeof cfg.quiet_hours) == NULL ||
        memchr(cfg.screen_id, '\0', sizeof cfg.screen_id) == NULL)
        abort();

    diag_clear(&diag);
    return 0;
}
