/* script.c - reading --events files. */
#include "script.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_seconds(const char *s, int64_t *out_ms)
{
    char *end;

    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end != '\0' || !isfinite(v) || v < 0 || v > 1e9)
        return -1;
    *out_ms = (int64_t)llround(v * 1000.0);
    return 0;
}

static int parse_coord(const char *s, int *out)
{
    char *end;

    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != '\0' || v < -100000 || v > 100000)
        return -1;
    *out = (int)v;
    return 0;
}

/* Parses the words of one line into e. Returns NULL or the problem. */
static const char *parse_line(char **words, int n, struct script_event *e)
{
    memset(e, 0, sizeof *e);

    if (parse_seconds(words[0], &e->at_ms) < 0)
        return "time is not a number of seconds";

    if (strcmp(words[1], "tap") == 0) {
        if (n != 4)
            return "tap takes X Y";
        e->ev.kind = INPUT_TAP;
        if (parse_coord(words[2], &e->ev.x) < 0 || parse_coord(words[3], &e->ev.y) < 0)
            return "tap coordinates are not whole numbers";
        return NULL;
    }

    if (strcmp(words[1], "swipe") == 0) {
        if (n != 6)
            return "swipe takes X1 Y1 X2 Y2";
        e->ev.kind = INPUT_SWIPE;
        if (parse_coord(words[2], &e->ev.x) < 0 || parse_coord(words[3], &e->ev.y) < 0 ||
            parse_coord(words[4], &e->ev.x2) < 0 || parse_coord(words[5], &e->ev.y2) < 0)
            return "swipe coordinates are not whole numbers";
        return NULL;
    }

    if (strcmp(words[1], "key") == 0) {
        if (n != 3)
            return "key takes one NAME";
        e->ev.kind = INPUT_KEY;
        e->ev.key = input_key_from_name(words[2]);
        if (e->ev.key == KEY_NONE)
            return "unknown key (left right up down enter back pageup pagedown)";
        return NULL;
    }
    return "expected tap, swipe or key";
}

static int by_time(const void *a, const void *b)
{
    const struct script_event *x = a;
    const struct script_event *y = b;

    if (x->at_ms != y->at_ms)
        return x->at_ms < y->at_ms ? -1 : 1;
    /* Same time: keep the file's order. */
    return x->line - y->line;
}

struct script *script_load(const char *path, struct diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_add(diag, DIAG_ERROR, path, 0, NULL, "cannot read: %s", strerror(errno));
        return NULL;
    }

    struct script *s = calloc(1, sizeof *s);
    int capacity = 0;
    int errors = 0;
    int line_no = 0;
    char line[512];

    while (s && fgets(line, sizeof line, f)) {
        line_no++;

        /* A longer line would come back in pieces, each read as a line. */
        if (!strchr(line, '\n') && !feof(f)) {
            bool comment = line[strspn(line, " \t")] == '#';
            int c = fgetc(f);
            while (c != EOF && c != '\n')
                c = fgetc(f);
            if (comment)
                continue;
            diag_add(diag, DIAG_ERROR, path, line_no, NULL, "line longer than %zu bytes",
                     sizeof line - 2);
            errors++;
            continue;
        }

        char *words[8];
        int n = 0;
        char *save = NULL;
        for (char *w = strtok_r(line, " \t\r\n", &save); w && n < 8;
             w = strtok_r(NULL, " \t\r\n", &save))
            words[n++] = w;
        if (n == 0 || words[0][0] == '#')
            continue;

        struct script_event e;
        const char *problem = n < 2 ? "expected 'T tap|swipe|key ...'" : parse_line(words, n, &e);
        if (problem) {
            diag_add(diag, DIAG_ERROR, path, line_no, NULL, "%s", problem);
            errors++;
            continue;
        }

        if (s->count == SCRIPT_EVENTS_MAX) {
            diag_add(diag, DIAG_ERROR, path, line_no, NULL, "more than %d events",
                     SCRIPT_EVENTS_MAX);
            errors++;
            break;
        }
        if (s->count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            struct script_event *grown = realloc(s->events, capacity * sizeof *grown);
            if (!grown) {
                errors++;
                break;
            }
            s->events = grown;
        }
        e.line = line_no;
        s->events[s->count++] = e;
    }
    fclose(f);

    if (!s || errors) {
        script_free(s);
        return NULL;
    }
    if (s->count > 1)
        qsort(s->events, s->count, sizeof *s->events, by_time);
    return s;
}

void script_free(struct script *s)
{
    if (!s)
        return;
    free(s->events);
    free(s);
}
