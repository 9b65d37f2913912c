/* app.h - the player's main loop: schedule, scenes, overlay, touch
 * browsing, fades, and the headless virtual-clock mode. */
#ifndef BANGTIN_APP_H
#define BANGTIN_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "store.h"

struct screenshot_at {
    int64_t at_ms;      /* virtual ms from the start */
    const char *path;
};

struct app_options {
    bool headless;
    int width, height;          /* 0: config or display size */
    bool clock_given;
    int64_t clock_ms;           /* virtual start */
    double speed;               /* virtual s per real s; 0: no waiting */
    bool speed_given;
    int64_t run_for_ms;         /* 0: until stopped */
    int screenshot_count;
    struct screenshot_at *screenshots;
    const char *events_path;    /* --events */
    const char *start_item;     /* --start-item */
    const char *fonts_dir;      /* where relative font paths are looked up */
};

/* Runs the player until stopped (SIGTERM, the staff keys) or, in
 * headless mode, until run_for_ms. Returns the process exit status:
 * 0, or 1 when the screen could not be opened. */
int app_run(const struct config *cfg, const struct app_options *opt, struct store *store);

#endif
