/* config.c - settings from defaults, a key = value file and flags. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "log.h"
#include "timeutil.h"

enum key_kind { KEY_STRING, KEY_INT, KEY_BOOL };

struct key_info {
    const char *name;
    enum key_kind kind;
    size_t offset;
    size_t size;        /* strings: buffer size */
    int min, max;       /* ints */
    const char *fallback;
    const char *meaning;
};

#define STR(field, def, text) \
    {#field, KEY_STRING, offsetof(struct config, field), \
     sizeof(((struct config *)0)->field), 0, 0, def, text}
#define INT(field, lo, hi, def, text) \
    {#field, KEY_INT, offsetof(struct config, field), 0, lo, hi, def, text}
#define BOOL(field, def, text) \
    {#field, KEY_BOOL, offsetof(struct config, field), 0, 0, 0, def, text}

static const struct key_info keys[] = {
    STR(data_dir, "/var/lib/bangtin",
        "where the imported content and the player's state are kept"),
    STR(commission, "Ủy ban bầu cử",
        "the commission's name, shown until the first content arrives"),
    STR(font_regular, "fonts/NotoSans-Regular.ttf",
        "regular font file; must cover Vietnamese"),
    STR(font_bold, "fonts/NotoSans-Bold.ttf", "bold font file"),
    INT(width, 0, 7680, "0", "canvas width in pixels; 0 uses the display's"),
    INT(height, 0, 7680, "0", "canvas height in pixels; 0 uses the display's"),
    BOOL(fullscreen, "yes", "desktop fullscreen with no window frame"),
    STR(renderer, "auto",
        "auto (the GPU when the board has one), software or gpu"),
    INT(rotation, 0, 270, "0", "screen rotation in degrees: 0, 90, 180 or 270"),
    INT(max_texture_px, 0, 65536, "0",
        "largest texture side; 0 asks the renderer (2048 on some boards)"),
    INT(fade_ms, 0, 5000, "600", "cross-fade between items, milliseconds"),
    INT(idle_timeout_s, 10, 3600, "60",
        "seconds without a touch before browsing returns to the loop"),
    INT(default_duration_s, 1, 3600, "15",
        "how long an item shows when its duration is not given"),
    STR(exit_keys, "F12 F12 F12",
        "keys staff press within 3 s to quit; SIGTERM also quits"),
    STR(log_level, "info", "error, warn, info, debug or trace"),
    BOOL(large_text, "no", "start touch browsing in large-text mode"),
    INT(volume, 0, 100, "80", "volume of all video sound, percent"),
    STR(quiet_hours, "22:00-06:00",
        "local times with no sound, as HH:MM-HH:MM; empty for none"),
    STR(portal_url, "", "the central portal's address; empty: no sync"),
    INT(sync_interval_s, 10, 86400, "300", "seconds between portal checks"),
    STR(screen_id, "", "this screen's name at the portal; empty: host name"),
};

#define KEY_COUNT (int)(sizeof keys / sizeof keys[0])

static const struct key_info *find_key(const char *name)
{
    for (int i = 0; i < KEY_COUNT; i++) {
        if (strcmp(keys[i].name, name) == 0)
            return &keys[i];
    }
    return NULL;
}

static int parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};

    for (int i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = true;
            return 0;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = false;
            return 0;
        }
    }
    return -1;
}

static int parse_int(const char *s, long *out)
{
    char *end;

    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

/* Text settings with a fixed form. Returns 0, or -1 with the reason. */
static int check_text(const char *key, const char *value, char *err, int err_size)
{
    if (strcmp(key, "log_level") == 0) {
        enum log_level level;
        if (log_parse_level(value, &level) == 0)
            return 0;
        snprintf(err, err_size, "'%s' is not error, warn, info, debug or trace", value);
        return -1;
    }

    if (strcmp(key, "renderer") == 0) {
        if (strcmp(value, "auto") == 0 || strcmp(value, "software") == 0 ||
            strcmp(value, "gpu") == 0)
            return 0;
        snprintf(err, err_size, "'%s' is not auto, software or gpu", value);
        return -1;
    }

    if (strcmp(key, "quiet_hours") == 0 && value[0] != '\0') {
        char start[8], end[8];
        int a, b;
        const char *dash = strchr(value, '-');
        size_t n = dash ? (size_t)(dash - value) : 0;
        if (dash && n < sizeof start && strlen(dash + 1) < sizeof end) {
            memcpy(start, value, n);
            start[n] = '\0';
            snprintf(end, sizeof end, "%s", dash + 1);
            if (timeutil_parse_hhmm(start, &a) == 0 && timeutil_parse_hhmm(end, &b) == 0)
                return 0;
        }
        snprintf(err, err_size, "'%s' is not HH:MM-HH:MM, e.g. 22:00-06:00", value);
        return -1;
    }
    return 0;
}

static int set_key(struct config *cfg, const struct key_info *k, const char *value,
                   char *err, int err_size)
{
    char *field = (char *)cfg + k->offset;

    if (k->kind == KEY_STRING) {
        if (strlen(value) >= k->size) {
            snprintf(err, err_size, "value longer than %zu bytes", k->size - 1);
            return -1;
        }
        if (check_text(k->name, value, err, err_size) < 0)
            return -1;
        snprintf(field, k->size, "%s", value);
        return 0;
    }

    if (k->kind == KEY_BOOL) {
        if (parse_bool(value, (bool *)field) < 0) {
            snprintf(err, err_size, "'%s' is not yes or no", value);
            return -1;
        }
        return 0;
    }

    long v;
    if (parse_int(value, &v) < 0) {
        snprintf(err, err_size, "'%s' is not a whole number", value);
        return -1;
    }
    if (v < k->min || v > k->max) {
        snprintf(err, err_size, "%ld is outside %d..%d", v, k->min, k->max);
        return -1;
    }
    if (strcmp(k->name, "rotation") == 0 && v % 90 != 0) {
        snprintf(err, err_size, "%ld is not 0, 90, 180 or 270", v);
        return -1;
    }
    *(int *)field = (int)v;
    return 0;
}

void config_defaults(struct config *cfg)
{
    char err[128];

    memset(cfg, 0, sizeof *cfg);
    for (int i = 0; i < KEY_COUNT; i++)
        set_key(cfg, &keys[i], keys[i].fallback, err, sizeof err);
}

int config_set(struct config *cfg, const char *key, const char *value, char *err,
               int err_size)
{
    const struct key_info *k = find_key(key);

    if (!k) {
        snprintf(err, err_size, "unknown key '%s'", key);
        return -1;
    }
    return set_key(cfg, k, value, err, err_size);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;

    char *end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' ||
                       end[-1] == '\r'))
        *--end = '\0';
    return s;
}

int config_load(struct config *cfg, const char *path, struct diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_add(diag, DIAG_ERROR, path, 0, NULL, "cannot read: %s", strerror(errno));
        return -1;
    }

    int errors = 0;
    int line_no = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line_no++;

        if (!strchr(line, '\n') && !feof(f)) {
            diag_add(diag, DIAG_ERROR, path, line_no, NULL, "line longer than %zu bytes",
                     sizeof line - 2);
            errors++;
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n')
                ;
            continue;
        }

        char *text = trim(line);
        if (*text == '\0' || *text == '#')
            continue;

        char *eq = strchr(text, '=');
        if (!eq) {
            diag_add(diag, DIAG_ERROR, path, line_no, NULL,
                     "expected 'key = value', found '%s'", text);
            errors++;
            continue;
        }

        *eq = '\0';
        char *key = trim(text);
        char *value = trim(eq + 1);
        size_t vlen = strlen(value);
        if (vlen >= 2 && value[0] == '"' && value[vlen - 1] == '"') {
            value[vlen - 1] = '\0';
            value++;
        }

        char err[256];
        if (config_set(cfg, key, value, err, sizeof err) < 0) {
            diag_add(diag, DIAG_ERROR, path, line_no, key, "%s", err);
            errors++;
        }
    }

    fclose(f);
    return errors ? -1 : 0;
}

void config_print_keys(FILE *out)
{
    for (int i = 0; i < KEY_COUNT; i++) {
        fprintf(out, "  %-20s %s (default: %s)\n", keys[i].name, keys[i].meaning,
                keys[i].fallback[0] ? keys[i].fallback : "empty");
    }
}
