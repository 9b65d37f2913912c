/* diag.h - a list of problems found in an input file, each naming the
 * file, the line and the field, so staff can fix them in one pass. */
#ifndef BANGTIN_DIAG_H
#define BANGTIN_DIAG_H

#include <stdbool.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag_entry {
    enum diag_severity severity;
    char *file;     /* as given, e.g. "media/demo/manifest.json" */
    int line;       /* 1-based; 0 when unknown */
    char *field;    /* "playlist[3].schedule.from"; may be NULL */
    char *message;
};

struct diag {
    int count;
    int capacity;
    struct diag_entry *entries;
};

void diag_init(struct diag *d);
void diag_clear(struct diag *d);

void diag_add(struct diag *d, enum diag_severity severity, const char *file,
              int line, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

int diag_error_count(const struct diag *d);

/* Formats one entry as "file:line: field: message" (error) or
 * "file:line: warning: field: message" into buf. */
void diag_format(const struct diag_entry *e, char *buf, int size);

#endif
