/* diag.c - collecting problems found in input files. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_init(struct diag *d)
{
    memset(d, 0, sizeof *d);
}

void diag_clear(struct diag *d)
{
    for (int i = 0; i < d->count; i++) {
        free(d->entries[i].file);
        free(d->entries[i].field);
        free(d->entries[i].message);
    }
    free(d->entries);
    diag_init(d);
}

void diag_add(struct diag *d, enum diag_severity severity, const char *file,
              int line, const char *field, const char *fmt, ...)
{
    if (d->count == d->capacity) {
        int capacity = d->capacity ? d->capacity * 2 : 8;
        struct diag_entry *grown = realloc(d->entries, capacity * sizeof *grown);
        if (!grown)
            return;
        d->entries = grown;
        d->capacity = capacity;
    }

    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);

    struct diag_entry *e = &d->entries[d->count++];
    e->severity = severity;
    e->file = strdup(file ? file : "?");
    e->line = line;
    e->field = field ? strdup(field) : NULL;
    e->message = strdup(message);
}

int diag_error_count(const struct diag *d)
{
    int errors = 0;

    for (int i = 0; i < d->count; i++) {
        if (d->entries[i].severity == DIAG_ERROR)
            errors++;
    }
    return errors;
}

void diag_format(const struct diag_entry *e, char *buf, int size)
{
    const char *kind = e->severity == DIAG_WARNING ? "warning: " : "";
    const char *field = e->field ? e->field : "";
    const char *sep = e->field ? ": " : "";

    if (e->line > 0)
        snprintf(buf, size, "%s:%d: %s%s%s%s", e->file, e->line, kind, field, sep,
                 e->message);
    else
        snprintf(buf, size, "%s: %s%s%s%s", e->file, kind, field, sep, e->message);
}
