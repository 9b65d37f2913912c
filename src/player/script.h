/* script.h - scripted input for headless runs (--events FILE): one event
 * a line at a virtual time in seconds from the start:
 *   T tap X Y | T swipe X1 Y1 X2 Y2 | T key NAME
 * Coordinates are screen pixels, as a finger would land. */
#ifndef BANGTIN_SCRIPT_H
#define BANGTIN_SCRIPT_H

#include <stdint.h>

#include "diag.h"
#include "input.h"

#define SCRIPT_EVENTS_MAX 1000000

struct script_event {
    int64_t at_ms;   /* from the start of the run */
    struct input_event ev;
    int line;        /* in the file */
};

struct script {
    int count;
    struct script_event *events;  /* in time order */
};

/* Reads path. Problems go to diag with the line. Returns NULL on any
 * error. */
struct script *script_load(const char *path, struct diag *diag);
void script_free(struct script *s);

#endif
