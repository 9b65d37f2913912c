/* bundle.c - reads a bundle's manifest.json into struct content, checking
 * every field and media file and reporting all problems in one pass. */
#include "bundle.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "jsonloc.h"
#include "log.h"
#include "timeutil.h"
#include "tzone.h"
#include "utf8.h"

#define FIELD_BYTES 256
#define HASH_CHUNK_BYTES (64 * 1024)
#define LIST_MAX 10000
#define DURATION_MAX_S (7 * 86400.0)
#define DAY_MS (86400 * 1000LL)
#define DEFAULT_TIME_ZONE "Asia/Ho_Chi_Minh"
/* Above 2^53 JSON numbers (doubles) are no longer exact integers. */
#define JSON_INT_MAX (1LL << 53)

/* How a getter found its field: absent (defaults stay), present and
 * valid, or wrong (already reported). */
enum got { GOT_NONE, GOT_VALUE, GOT_ERROR };

struct loader {
    const char *dir;
    char file[PATH_MAX];      /* <dir>/manifest.json, as diagnostics say */
    const char *text;         /* the raw manifest, to find lines */
    size_t len;
    struct diag *diag;
    enum bundle_check check;
    struct tzone *tz;         /* the election's zone, for local times */
    struct content *c;
};

static const char *const type_names[ITEM_TYPE_COUNT] = {
    "countdown", "image", "notice", "timeline", "qr", "video", "candidates",
    "profiles",
};

const char *item_type_name(enum item_type type)
{
    if ((int)type < 0 || type >= ITEM_TYPE_COUNT)
        return "unknown";
    return type_names[type];
}

/* Diagnostics */

__attribute__((format(printf, 4, 0)))
static void vreport(struct loader *ld, enum diag_severity severity,
                    const char *field, const char *fmt, va_list ap)
{
    char message[512];
    int line = jsonloc_line(ld->text, ld->len, field ? field : "");

    vsnprintf(message, sizeof message, fmt, ap);
    diag_add(ld->diag, severity, ld->file, line, field, "%s", message);
}

__attribute__((format(printf, 3, 4)))
static void error_at(struct loader *ld, const char *field, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(ld, DIAG_ERROR, field, fmt, ap);
    va_end(ap);
}

__attribute__((format(printf, 3, 4)))
static void warn_at(struct loader *ld, const char *field, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vreport(ld, DIAG_WARNING, field, fmt, ap);
    va_end(ap);
}

/* Field paths are short; a long key is cut, which still names the place. */
static void join(char *out, const char *parent, const char *key)
{
    int n = snprintf(out, FIELD_BYTES, "%s%s%s", parent, parent[0] ? "." : "", key);

    if (n < 0)
        out[0] = '\0';
}

static void join_index(char *out, const char *parent, int index)
{
    int n = snprintf(out, FIELD_BYTES, "%s[%d]", parent, index);

    if (n < 0)
        out[0] = '\0';
}

/* Generic field access */

static bool in_list(const char *key, const char *const *list)
{
    for (int i = 0; list && list[i]; i++) {
        if (strcmp(key, list[i]) == 0)
            return true;
    }
    return false;
}

/* Warns about keys in neither list (typos are the usual cause) and about
 * keys given twice (cJSON and we use the first). */
static void check_keys(struct loader *ld, const cJSON *obj, const char *parent,
                       const char *const *allowed, const char *const *more)
{
    char field[FIELD_BYTES];

    for (const cJSON *it = obj ? obj->child : NULL; it; it = it->next) {
        join(field, parent, it->string);
        if (!in_list(it->string, allowed) && !in_list(it->string, more)) {
            warn_at(ld, field, "unknown field, ignored");
            continue;
        }
        for (const cJSON *before = obj->child; before != it; before = before->next) {
            if (strcmp(before->string, it->string) == 0) {
                warn_at(ld, field, "given twice; the first one is used");
                break;
            }
        }
    }
}

/* The member key of obj, or NULL when absent or JSON null. */
static const cJSON *member(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

    return cJSON_IsNull(v) ? NULL : v;
}

static enum got missing(struct loader *ld, const char *field, bool required)
{
    if (!required)
        return GOT_NONE;
    error_at(ld, field, "missing required field");
    return GOT_ERROR;
}

/* A string field, NFC-normalised, replacing *out when present. */
static enum got get_string(struct loader *ld, const cJSON *obj, const char *parent,
                           const char *key, bool required, char **out)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    join(field, parent, key);
    if (!v)
        return missing(ld, field, required);
    if (!cJSON_IsString(v)) {
        error_at(ld, field, "must be a string");
        return GOT_ERROR;
    }

    char *nfc = utf8_nfc(v->valuestring);
    if (!nfc) {
        error_at(ld, field, "is not valid UTF-8");
        return GOT_ERROR;
    }
    free(*out);
    *out = nfc;
    return GOT_VALUE;
}

/* An optional text: "" when absent, so screens never meet NULL. */
static void get_text(struct loader *ld, const cJSON *obj, const char *parent,
                     const char *key, char **out)
{
    get_string(ld, obj, parent, key, false, out);
    if (!*out)
        *out = strdup("");
}

static enum got get_int(struct loader *ld, const cJSON *obj, const char *parent,
                        const char *key, bool required, int64_t min, int64_t max,
                        int64_t *out)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    join(field, parent, key);
    if (!v)
        return missing(ld, field, required);

    double d = cJSON_IsNumber(v) ? v->valuedouble : NAN;
    if (!(d >= (double)min && d <= (double)max) || d != floor(d)) {
        if (max == JSON_INT_MAX)
            error_at(ld, field, "must be a whole number of at least %lld",
                     (long long)min);
        else
            error_at(ld, field, "must be a whole number from %lld to %lld",
                     (long long)min, (long long)max);
        return GOT_ERROR;
    }
    *out = (int64_t)d;
    return GOT_VALUE;
}

static enum got get_int32(struct loader *ld, const cJSON *obj, const char *parent,
                          const char *key, bool required, int min, int max, int *out)
{
    int64_t value = 0;
    enum got got = get_int(ld, obj, parent, key, required, min, max, &value);

    if (got == GOT_VALUE)
        *out = (int)value;
    return got;
}

static enum got get_number(struct loader *ld, const cJSON *obj, const char *parent,
                           const char *key, double min, double max, double *out)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    join(field, parent, key);
    if (!v)
        return GOT_NONE;
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= min && v->valuedouble <= max)) {
        error_at(ld, field, "must be a number from %g to %g", min, max);
        return GOT_ERROR;
    }
    *out = v->valuedouble;
    return GOT_VALUE;
}

/* Seconds in the manifest, milliseconds in memory; zero is not allowed. */
static void get_duration(struct loader *ld, const cJSON *obj, const char *parent,
                         const char *key, double default_s, int *out_ms)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    *out_ms = (int)llround(default_s * 1000);
    if (!v)
        return;
    join(field, parent, key);
    if (!cJSON_IsNumber(v) || !(v->valuedouble > 0 && v->valuedouble <= DURATION_MAX_S)) {
        error_at(ld, field, "must be a number of seconds above 0 and at most %g",
                 DURATION_MAX_S);
        return;
    }
    *out_ms = (int)llround(v->valuedouble * 1000);
    if (*out_ms == 0)
        *out_ms = 1;
}

static void get_seconds(struct loader *ld, const cJSON *obj, const char *parent,
                        const char *key, int *out_ms)
{
    double s = 0;

    if (get_number(ld, obj, parent, key, 0, DURATION_MAX_S, &s) == GOT_VALUE)
        *out_ms = (int)llround(s * 1000);
}

static void get_bool(struct loader *ld, const cJSON *obj, const char *parent,
                     const char *key, bool *out)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    if (!v)
        return;
    if (!cJSON_IsBool(v)) {
        join(field, parent, key);
        error_at(ld, field, "must be true or false");
        return;
    }
    *out = cJSON_IsTrue(v);
}

static enum got get_instant(struct loader *ld, const cJSON *obj, const char *parent,
                            const char *key, bool required, int64_t *out_ms)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    join(field, parent, key);
    if (!v)
        return missing(ld, field, required);
    if (!cJSON_IsString(v) || timeutil_parse_instant(v->valuestring, ld->tz, out_ms) < 0) {
        error_at(ld, field,
                 "must be a date and time such as \"2026-03-14T07:00:00+07:00\", "
                 "\"2026-03-14 07:00\" or \"2026-03-14\"");
        return GOT_ERROR;
    }
    return GOT_VALUE;
}

/* A calendar date "YYYY-MM-DD", kept as text. */
static void get_date(struct loader *ld, const cJSON *obj, const char *parent,
                     const char *key, bool required, char **out)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);
    int64_t ms;

    join(field, parent, key);
    if (!v) {
        missing(ld, field, required);
        return;
    }
    if (!cJSON_IsString(v) || strlen(v->valuestring) != 10 ||
        timeutil_parse_instant(v->valuestring, NULL, &ms) < 0) {
        error_at(ld, field, "must be a date \"YYYY-MM-DD\"");
        return;
    }
    free(*out);
    *out = strdup(v->valuestring);
}

static void get_enum(struct loader *ld, const cJSON *obj, const char *parent,
                     const char *key, const char *const *names, int count, int *out)
{
    char field[FIELD_BYTES];
    char expected[256] = "";
    const cJSON *v = member(obj, key);
    size_t used = 0;

    if (!v)
        return;
    join(field, parent, key);
    for (int i = 0; cJSON_IsString(v) && i < count; i++) {
        if (strcmp(v->valuestring, names[i]) == 0) {
            *out = i;
            return;
        }
    }

    for (int i = 0; i < count && used < sizeof expected; i++)
        used += snprintf(expected + used, sizeof expected - used, "%s%s",
                         i ? ", " : "", names[i]);
    if (cJSON_IsString(v))
        error_at(ld, field, "unknown value \"%s\" (expected %s)", v->valuestring,
                 expected);
    else
        error_at(ld, field, "must be one of %s", expected);
}

/* An object or array member; wrong kinds are reported. */
static const cJSON *get_kind(struct loader *ld, const cJSON *obj, const char *parent,
                             const char *key, bool required, bool array)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    join(field, parent, key);
    if (!v) {
        missing(ld, field, required);
        return NULL;
    }
    if (array ? !cJSON_IsArray(v) : !cJSON_IsObject(v)) {
        error_at(ld, field, array ? "must be an array" : "must be an object");
        return NULL;
    }
    if (array && cJSON_GetArraySize(v) > LIST_MAX) {
        error_at(ld, field, "has more than %d entries", LIST_MAX);
        return NULL;
    }
    return v;
}

/* Checks that element i of an array is an object. */
static bool element_ok(struct loader *ld, const cJSON *el, const char *field)
{
    if (cJSON_IsObject(el))
        return true;
    error_at(ld, field, "must be an object");
    return false;
}

/* Media */

static bool sha256_ok(const char *s)
{
    if (strlen(s) != 64)
        return false;
    for (int i = 0; i < 64; i++) {
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    }
    return true;
}

static void check_media_file(struct loader *ld, const char *field,
                             const struct media_ref *m)
{
    struct stat st;
    char actual[65];

    if (ld->check == BUNDLE_CHECK_NONE)
        return;
    if (stat(m->path, &st) < 0) {
        error_at(ld, field, "media file %s/%s cannot be read: %s", BUNDLE_MEDIA_DIR,
                 m->sha256, strerror(errno));
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        error_at(ld, field, "media file %s/%s is not a regular file",
                 BUNDLE_MEDIA_DIR, m->sha256);
        return;
    }
    if ((int64_t)st.st_size != m->size) {
        error_at(ld, field, "media file %s/%s is %lld bytes, the manifest says %lld",
                 BUNDLE_MEDIA_DIR, m->sha256, (long long)st.st_size,
                 (long long)m->size);
        return;
    }
    if (ld->check != BUNDLE_CHECK_HASHES)
        return;

    if (bundle_hash_file(m->path, actual) < 0) {
        error_at(ld, field, "media file %s/%s cannot be read", BUNDLE_MEDIA_DIR,
                 m->sha256);
        return;
    }
    if (strcmp(actual, m->sha256) != 0)
        error_at(ld, field, "media file %s/%s has SHA-256 %s: damaged or misnamed",
                 BUNDLE_MEDIA_DIR, m->sha256, actual);
}

/* A media reference {"sha256", "size", "type"}; kind is "image" or
 * "video" when the item needs that kind of file, else NULL. */
static void get_media(struct loader *ld, const cJSON *obj, const char *parent,
                      const char *key, bool required, const char *kind,
                      struct media_ref *m)
{
    static const char *const keys[] = {"sha256", "size", "type", NULL};
    char field[FIELD_BYTES];
    char *sha = NULL;
    int64_t size = -1;
    bool ok = true;

    const cJSON *ref = get_kind(ld, obj, parent, key, required, false);
    if (!ref)
        return;
    join(field, parent, key);
    if (member(ref, "file")) {
        error_at(ld, field, "a source media reference (\"file\"): pack the "
                 "manifest with bangtin-pack first");
        return;
    }
    check_keys(ld, ref, field, keys, NULL);

    if (get_string(ld, ref, field, "sha256", true, &sha) == GOT_VALUE &&
        !sha256_ok(sha)) {
        char sub[FIELD_BYTES];
        join(sub, field, "sha256");
        error_at(ld, sub, "must be 64 lowercase hexadecimal digits");
        ok = false;
    }
    ok = ok && sha;
    ok = get_int(ld, ref, field, "size", true, 0, JSON_INT_MAX, &size) == GOT_VALUE && ok;
    ok = get_string(ld, ref, field, "type", true, &m->mime) == GOT_VALUE && ok;

    size_t kind_len = kind ? strlen(kind) : 0;
    if (m->mime && kind &&
        (strncmp(m->mime, kind, kind_len) != 0 || m->mime[kind_len] != '/')) {
        char sub[FIELD_BYTES];
        join(sub, field, "type");
        error_at(ld, sub, "\"%s\" is not a type of %s", m->mime, kind);
    }
    if (!ok) {
        free(sha);
        return;
    }

    snprintf(m->sha256, sizeof m->sha256, "%s", sha);
    free(sha);
    m->size = size;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s/%s", ld->dir, BUNDLE_MEDIA_DIR, m->sha256);
    m->path = strdup(path);
    check_media_file(ld, field, m);
}

/* Ids */

static bool id_ok(struct loader *ld, const char *id, const char *field)
{
    if (id && !id[0]) {
        error_at(ld, field, "must not be empty");
        return false;
    }
    return id != NULL;
}

/* Reports id when an earlier entry of list (entries size bytes apart,
 * id first) has it already. */
static void check_unique(struct loader *ld, const char *list, const void *entries,
                         size_t size, int index)
{
    const char *const *mine = (const char *const *)((const char *)entries + size * index);
    char field[FIELD_BYTES];

    if (!*mine)
        return;
    for (int i = 0; i < index; i++) {
        const char *const *other = (const char *const *)((const char *)entries + size * i);
        if (*other && strcmp(*other, *mine) == 0) {
            snprintf(field, sizeof field, "%s[%d].id", list, index);
            error_at(ld, field, "duplicate id \"%s\" (also %s[%d])", *mine, list, i);
            return;
        }
    }
}

static int find_notice(const struct content *c, const char *id)
{
    for (int i = 0; i < c->notice_count; i++) {
        if (c->notices[i].id && strcmp(c->notices[i].id, id) == 0)
            return i;
    }
    return -1;
}

static int find_unit(const struct content *c, const char *id)
{
    for (int i = 0; i < c->unit_count; i++) {
        if (c->units[i].id && strcmp(c->units[i].id, id) == 0)
            return i;
    }
    return -1;
}

static int find_candidate(const struct content *c, const char *id)
{
    for (int i = 0; i < c->candidate_count; i++) {
        if (c->candidates[i].id && strcmp(c->candidates[i].id, id) == 0)
            return i;
    }
    return -1;
}

/* A reference by id to another list: returns its index or -1. */
static int get_ref(struct loader *ld, const cJSON *obj, const char *parent,
                   const char *key, const char *what,
                   int (*find)(const struct content *, const char *))
{
    char field[FIELD_BYTES];
    char *id = NULL;

    if (get_string(ld, obj, parent, key, true, &id) != GOT_VALUE)
        return -1;
    int index = find(ld->c, id);
    if (index < 0) {
        join(field, parent, key);
        error_at(ld, field, "no %s with id \"%s\"", what, id);
    }
    free(id);
    return index;
}

/* Sections */

static void local_at(struct loader *ld, int64_t day_ms, int minutes, int64_t *out_ms)
{
    struct tm tm;

    tzone_local(ld->tz, day_ms / 1000, &tm);
    tm.tm_hour = minutes / 60;
    tm.tm_min = minutes % 60;
    tm.tm_sec = 0;
    *out_ms = tzone_instant(ld->tz, &tm) * 1000;
}

static void get_hhmm(struct loader *ld, const cJSON *obj, const char *parent,
                     const char *key, const char *fallback, int *out_min)
{
    char field[FIELD_BYTES];
    const cJSON *v = member(obj, key);

    timeutil_parse_hhmm(fallback, out_min);
    if (!v)
        return;
    if (!cJSON_IsString(v) || timeutil_parse_hhmm(v->valuestring, out_min) < 0) {
        join(field, parent, key);
        error_at(ld, field, "must be a time of day \"HH:MM\"");
    }
}

static void parse_election(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {
        "name", "time_zone", "day", "polls_open", "polls_close", "campaign_end",
        NULL,
    };
    struct election *e = &ld->c->election;
    const cJSON *obj = get_kind(ld, root, "", "election", true, false);
    int open_min, close_min;

    /* The zone comes first: every local time below needs it. */
    e->time_zone = strdup(DEFAULT_TIME_ZONE);
    get_string(ld, obj, "election", "time_zone", false, &e->time_zone);
    ld->tz = tzone_load(e->time_zone);
    if (!ld->tz) {
        error_at(ld, "election.time_zone", "unknown time zone \"%s\"", e->time_zone);
        ld->tz = tzone_load("UTC");
    }
    if (!obj)
        return;
    check_keys(ld, obj, "election", keys, NULL);

    get_string(ld, obj, "election", "name", true, &e->name);

    /* Election day, its polling hours and the end of campaigning. */
    const cJSON *day = member(obj, "day");
    bool day_ok = false;
    if (!day)
        missing(ld, "election.day", true);
    else if (!cJSON_IsString(day) || strlen(day->valuestring) != 10 ||
             timeutil_parse_instant(day->valuestring, ld->tz, &e->day_start_ms) < 0)
        error_at(ld, "election.day", "must be a date \"YYYY-MM-DD\"");
    else
        day_ok = true;

    get_hhmm(ld, obj, "election", "polls_open", "07:00", &open_min);
    get_hhmm(ld, obj, "election", "polls_close", "19:00", &close_min);
    if (!day_ok)
        return;
    local_at(ld, e->day_start_ms, open_min, &e->polls_open_ms);
    local_at(ld, e->day_start_ms, close_min, &e->polls_close_ms);
    if (e->polls_close_ms <= e->polls_open_ms)
        error_at(ld, "election.polls_close", "polls must close after they open");

    e->campaign_end_ms = e->polls_open_ms - DAY_MS;
    get_instant(ld, obj, "election", "campaign_end", false, &e->campaign_end_ms);
    if (e->campaign_end_ms > e->polls_open_ms) {
        char open[40];
        timeutil_format_iso(e->polls_open_ms, ld->tz, open, sizeof open);
        error_at(ld, "election.campaign_end",
                 "campaigning must end before the polls open (%s)", open);
    }
}

static bool url_ok(const char *url)
{
    const char *rest = NULL;

    if (strncmp(url, "https://", 8) == 0)
        rest = url + 8;
    else if (strncmp(url, "http://", 7) == 0)
        rest = url + 7;
    if (!rest || !*rest || *rest == '/')
        return false;
    for (const char *p = url; *p; p++) {
        if ((unsigned char)*p <= ' ')
            return false;
    }
    return true;
}

static void parse_links(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {
        "feedback_url", "zalo_oa_url", "zalo_oa_name", NULL,
    };
    struct content *c = ld->c;
    const cJSON *obj = get_kind(ld, root, "", "links", true, false);

    if (!obj)
        return;
    check_keys(ld, obj, "links", keys, NULL);

    if (get_string(ld, obj, "links", "feedback_url", true, &c->feedback_url) ==
            GOT_VALUE && !url_ok(c->feedback_url))
        error_at(ld, "links.feedback_url", "must be an http:// or https:// address");
    if (get_string(ld, obj, "links", "zalo_oa_url", true, &c->zalo_url) ==
            GOT_VALUE && !url_ok(c->zalo_url))
        error_at(ld, "links.zalo_oa_url", "must be an http:// or https:// address");
    get_string(ld, obj, "links", "zalo_oa_name", true, &c->zalo_name);
}

static void get_window(struct loader *ld, const cJSON *obj, const char *parent,
                       const char *from_key, const char *until_key,
                       int64_t *from_ms, int64_t *until_ms)
{
    char field[FIELD_BYTES];

    *from_ms = TIME_ALWAYS_MS;
    *until_ms = TIME_NEVER_MS;
    enum got from = get_instant(ld, obj, parent, from_key, false, from_ms);
    enum got until = get_instant(ld, obj, parent, until_key, false, until_ms);
    if (from == GOT_VALUE && until == GOT_VALUE && *until_ms <= *from_ms) {
        join(field, parent, until_key);
        error_at(ld, field, "must be after %s", from_key);
    }
}

static void parse_notices(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {
        "id", "title", "body", "urgent", "from", "until", "duration_s",
        "repeat_s", NULL,
    };
    struct content *c = ld->c;
    const cJSON *list = get_kind(ld, root, "", "notices", false, true);
    char path[FIELD_BYTES];

    if (!list)
        return;
    c->notices = calloc(cJSON_GetArraySize(list) + 1, sizeof *c->notices);
    if (!c->notices)
        return;

    const cJSON *el;
    cJSON_ArrayForEach(el, list) {
        struct notice *n = &c->notices[c->notice_count];
        join_index(path, "notices", c->notice_count++);
        n->from_ms = TIME_ALWAYS_MS;
        n->until_ms = TIME_NEVER_MS;
        if (!element_ok(ld, el, path))
            continue;
        check_keys(ld, el, path, keys, NULL);

        get_string(ld, el, path, "id", true, &n->id);
        char field[FIELD_BYTES];
        join(field, path, "id");
        id_ok(ld, n->id, field);
        check_unique(ld, "notices", c->notices, sizeof *n, c->notice_count - 1);
        get_string(ld, el, path, "title", true, &n->title);
        get_string(ld, el, path, "body", true, &n->body);
        get_bool(ld, el, path, "urgent", &n->urgent);
        get_window(ld, el, path, "from", "until", &n->from_ms, &n->until_ms);
        get_duration(ld, el, path, "duration_s", 20, &n->duration_ms);
        get_duration(ld, el, path, "repeat_s", 300, &n->repeat_ms);
    }
}

static void parse_timeline(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {"at", "until", "title", "detail", NULL};
    struct content *c = ld->c;
    const cJSON *list = get_kind(ld, root, "", "timeline", false, true);
    char path[FIELD_BYTES];
    char field[FIELD_BYTES];

    if (!list)
        return;
    c->milestones = calloc(cJSON_GetArraySize(list) + 1, sizeof *c->milestones);
    if (!c->milestones)
        return;

    const cJSON *el;
    cJSON_ArrayForEach(el, list) {
        int i = c->milestone_count++;
        struct milestone *m = &c->milestones[i];
        join_index(path, "timeline", i);
        m->until_ms = TIME_NEVER_MS;
        if (!element_ok(ld, el, path))
            continue;
        check_keys(ld, el, path, keys, NULL);

        enum got at = get_instant(ld, el, path, "at", true, &m->at_ms);
        if (get_instant(ld, el, path, "until", false, &m->until_ms) == GOT_VALUE &&
            at == GOT_VALUE && m->until_ms <= m->at_ms) {
            join(field, path, "until");
            error_at(ld, field, "must be after at");
        }
        get_string(ld, el, path, "title", true, &m->title);
        get_string(ld, el, path, "detail", false, &m->detail);

        if (at == GOT_VALUE && i > 0 && m->at_ms < c->milestones[i - 1].at_ms) {
            join(field, path, "at");
            warn_at(ld, field, "milestones are not in time order (this is before "
                    "timeline[%d])", i - 1);
        }
    }
}

static void parse_candidates(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {
        "id", "family_name", "middle_name", "given_name", "other_name", "gender",
        "birth_date", "hometown", "residence", "ethnicity", "religion",
        "education", "occupation", "workplace", "party_joined", "sitting_deputy",
        "photo", "biography", NULL,
    };
    static const char *const education_keys[] = {
        "general", "professional", "political", "languages", NULL,
    };
    static const char *const genders[] = {"male", "female"};
    struct content *c = ld->c;
    const cJSON *list = get_kind(ld, root, "", "candidates", false, true);
    char path[FIELD_BYTES];
    char field[FIELD_BYTES];

    if (!list)
        return;
    c->candidates = calloc(cJSON_GetArraySize(list) + 1, sizeof *c->candidates);
    if (!c->candidates)
        return;

    const cJSON *el;
    cJSON_ArrayForEach(el, list) {
        struct candidate *p = &c->candidates[c->candidate_count];
        join_index(path, "candidates", c->candidate_count++);
        p->unit = -1;
        if (!element_ok(ld, el, path))
            continue;
        check_keys(ld, el, path, keys, NULL);

        get_string(ld, el, path, "id", true, &p->id);
        join(field, path, "id");
        id_ok(ld, p->id, field);
        check_unique(ld, "candidates", c->candidates, sizeof *p, c->candidate_count - 1);

        get_text(ld, el, path, "family_name", &p->family_name);
        get_text(ld, el, path, "middle_name", &p->middle_name);
        get_string(ld, el, path, "given_name", true, &p->given_name);
        get_string(ld, el, path, "other_name", false, &p->other_name);
        join(field, path, "gender");
        int gender = -1;
        get_enum(ld, el, path, "gender", genders, 2, &gender);
        if (!member(el, "gender"))
            missing(ld, field, true);
        p->gender = gender == 1 ? GENDER_FEMALE : GENDER_MALE;
        get_date(ld, el, path, "birth_date", true, &p->birth_date);

        get_text(ld, el, path, "hometown", &p->hometown);
        get_text(ld, el, path, "residence", &p->residence);
        get_text(ld, el, path, "ethnicity", &p->ethnicity);
        get_text(ld, el, path, "religion", &p->religion);
        join(field, path, "education");
        const cJSON *edu = get_kind(ld, el, path, "education", false, false);
        check_keys(ld, edu, field, education_keys, NULL);
        get_text(ld, edu, field, "general", &p->education_general);
        get_text(ld, edu, field, "professional", &p->education_professional);
        get_text(ld, edu, field, "political", &p->education_political);
        get_text(ld, edu, field, "languages", &p->foreign_languages);
        get_text(ld, el, path, "occupation", &p->occupation);
        get_text(ld, el, path, "workplace", &p->workplace);
        get_date(ld, el, path, "party_joined", false, &p->party_joined);
        get_bool(ld, el, path, "sitting_deputy", &p->sitting_deputy);
        get_media(ld, el, path, "photo", false, "image", &p->photo);
        get_text(ld, el, path, "biography", &p->biography);
    }
}

static void parse_unit_candidates(struct loader *ld, const cJSON *el,
                                  const char *path, int index)
{
    struct content *c = ld->c;
    struct unit *u = &c->units[index];
    char field[FIELD_BYTES];
    char item[FIELD_BYTES];

    const cJSON *list = get_kind(ld, el, path, "candidates", false, true);
    if (!list)
        return;
    join(field, path, "candidates");
    u->candidates = calloc(cJSON_GetArraySize(list) + 1, sizeof *u->candidates);
    if (!u->candidates)
        return;

    int k = 0;
    const cJSON *id;
    cJSON_ArrayForEach(id, list) {
        join_index(item, field, k++);
        if (!cJSON_IsString(id)) {
            error_at(ld, item, "must be a candidate id (a string)");
            continue;
        }
        int found = find_candidate(c, id->valuestring);
        if (found < 0) {
            error_at(ld, item, "no candidate with id \"%s\"", id->valuestring);
            continue;
        }
        if (c->candidates[found].unit >= 0) {
            error_at(ld, item, "candidate \"%s\" is already listed in units[%d]",
                     id->valuestring, c->candidates[found].unit);
            continue;
        }
        c->candidates[found].unit = index;
        u->candidates[u->candidate_count++] = found;
    }
}

static void parse_units(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {
        "id", "number", "name", "areas", "seats", "candidates", NULL,
    };
    struct content *c = ld->c;
    const cJSON *list = get_kind(ld, root, "", "units", false, true);
    char path[FIELD_BYTES];
    char field[FIELD_BYTES];

    if (list) {
        c->units = calloc(cJSON_GetArraySize(list) + 1, sizeof *c->units);
        if (!c->units)
            return;
    }

    const cJSON *el;
    cJSON_ArrayForEach(el, list) {
        int i = c->unit_count++;
        struct unit *u = &c->units[i];
        join_index(path, "units", i);
        u->number = i + 1;
        if (!element_ok(ld, el, path))
            continue;
        check_keys(ld, el, path, keys, NULL);

        get_string(ld, el, path, "id", true, &u->id);
        join(field, path, "id");
        id_ok(ld, u->id, field);
        check_unique(ld, "units", c->units, sizeof *u, i);
        get_int32(ld, el, path, "number", false, 1, 100000, &u->number);
        get_text(ld, el, path, "name", &u->name);
        get_text(ld, el, path, "areas", &u->areas);
        bool seats = get_int32(ld, el, path, "seats", false, 1, 1000, &u->seats) ==
                     GOT_VALUE;
        parse_unit_candidates(ld, el, path, i);

        if (seats && u->seats >= u->candidate_count) {
            join(field, path, "seats");
            warn_at(ld, field, "%d seats but only %d candidates: there must be "
                    "more candidates than seats", u->seats, u->candidate_count);
        }
    }

    /* Every candidate stands in exactly one unit. */
    for (int i = 0; i < c->candidate_count; i++) {
        if (c->candidates[i].unit >= 0 || !c->candidates[i].id)
            continue;
        join_index(path, "candidates", i);
        error_at(ld, path, "candidate \"%s\" is not listed in any unit",
                 c->candidates[i].id);
    }
}

static void parse_results(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {
        "published_at", "turnout_pct", "voters_total", "voters_voted", "elected",
        NULL,
    };
    static const char *const elected_keys[] = {"name", "unit", "vote_pct", NULL};
    struct results *r = &ld->c->results;
    const cJSON *obj = get_kind(ld, root, "", "results", false, false);
    char path[FIELD_BYTES];

    if (!obj)
        return;
    r->present = true;
    check_keys(ld, obj, "results", keys, NULL);

    get_instant(ld, obj, "results", "published_at", false, &r->published_ms);
    get_number(ld, obj, "results", "turnout_pct", 0, 100, &r->turnout_pct);
    get_int(ld, obj, "results", "voters_total", false, 0, JSON_INT_MAX, &r->voters_total);
    get_int(ld, obj, "results", "voters_voted", false, 0, JSON_INT_MAX, &r->voters_voted);
    if (r->voters_voted > r->voters_total)
        warn_at(ld, "results.voters_voted", "more voters voted than there are");

    const cJSON *list = get_kind(ld, obj, "results", "elected", false, true);
    if (!list)
        return;
    r->elected = calloc(cJSON_GetArraySize(list) + 1, sizeof *r->elected);
    if (!r->elected)
        return;

    const cJSON *el;
    cJSON_ArrayForEach(el, list) {
        struct elected *e = &r->elected[r->elected_count];
        join_index(path, "results.elected", r->elected_count++);
        e->unit = -1;
        if (!element_ok(ld, el, path))
            continue;
        check_keys(ld, el, path, elected_keys, NULL);
        get_string(ld, el, path, "name", true, &e->name);
        e->unit = get_ref(ld, el, path, "unit", "unit", find_unit);
        get_number(ld, el, path, "vote_pct", 0, 100, &e->vote_pct);
    }
}

/* Playlist */

static void parse_days(struct loader *ld, const cJSON *obj, const char *parent,
                       unsigned *days)
{
    static const char *const names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    char field[FIELD_BYTES];
    char item[FIELD_BYTES];
    const cJSON *list = get_kind(ld, obj, parent, "days", false, true);

    if (!list)
        return;
    join(field, parent, "days");
    if (cJSON_GetArraySize(list) == 0) {
        error_at(ld, field, "must not be empty (leave it out for every day)");
        return;
    }

    *days = 0;
    int k = 0;
    const cJSON *day;
    cJSON_ArrayForEach(day, list) {
        int found = -1;
        for (int i = 0; cJSON_IsString(day) && i < 7; i++) {
            if (strcmp(day->valuestring, names[i]) == 0)
                found = i;
        }
        join_index(item, field, k++);
        if (found < 0)
            error_at(ld, item, "must be one of sun, mon, tue, wed, thu, fri, sat");
        else
            *days |= 1u << found;
    }
}

static void parse_times(struct loader *ld, const cJSON *obj, const char *parent,
                        struct schedule *s)
{
    char field[FIELD_BYTES];
    char item[FIELD_BYTES];
    const cJSON *list = get_kind(ld, obj, parent, "times", false, true);

    if (!list)
        return;
    join(field, parent, "times");
    if (cJSON_GetArraySize(list) > SCHED_WINDOWS_MAX) {
        error_at(ld, field, "has more than %d time windows", SCHED_WINDOWS_MAX);
        return;
    }

    int k = 0;
    const cJSON *t;
    cJSON_ArrayForEach(t, list) {
        char start[6], end[6];
        struct day_window w;
        join_index(item, field, k++);
        if (!cJSON_IsString(t) || strlen(t->valuestring) != 11 ||
            t->valuestring[5] != '-') {
            error_at(ld, item, "must be a time window \"HH:MM-HH:MM\"");
            continue;
        }
        memcpy(start, t->valuestring, 5);
        start[5] = '\0';
        memcpy(end, t->valuestring + 6, 5);
        end[5] = '\0';
        if (timeutil_parse_hhmm(start, &w.start_min) < 0 ||
            timeutil_parse_hhmm(end, &w.end_min) < 0) {
            error_at(ld, item, "must be a time window \"HH:MM-HH:MM\"");
            continue;
        }
        s->windows[s->window_count++] = w;
    }
}

static void parse_schedule(struct loader *ld, const cJSON *item, const char *path,
                           struct schedule *s)
{
    static const char *const keys[] = {
        "from", "until", "days", "times", "priority", NULL,
    };
    char field[FIELD_BYTES];

    s->valid_from_ms = TIME_ALWAYS_MS;
    s->valid_until_ms = TIME_NEVER_MS;
    s->days = 0x7f;
    const cJSON *obj = get_kind(ld, item, path, "schedule", false, false);
    if (!obj)
        return;
    join(field, path, "schedule");
    check_keys(ld, obj, field, keys, NULL);

    get_window(ld, obj, field, "from", "until", &s->valid_from_ms, &s->valid_until_ms);
    parse_days(ld, obj, field, &s->days);
    parse_times(ld, obj, field, s);
    get_int32(ld, obj, field, "priority", false, -1000, 1000, &s->priority);
}

static const char *const item_keys[] = {
    "id", "type", "class", "duration_s", "title", "schedule", NULL,
};

static const char *const *type_keys(enum item_type type)
{
    static const char *const image[] = {"media", "fit", NULL};
    static const char *const video[] = {
        "media", "audio", "volume", "start_s", "max_s", "loops", NULL,
    };
    static const char *const notice[] = {"notice", NULL};
    static const char *const unit[] = {"unit", NULL};
    static const char *const none[] = {NULL};

    switch (type) {
    case ITEM_IMAGE:
        return image;
    case ITEM_VIDEO:
        return video;
    case ITEM_NOTICE:
        return notice;
    case ITEM_CANDIDATES:
    case ITEM_PROFILES:
        return unit;
    default:
        return none;
    }
}

static void parse_item(struct loader *ld, const cJSON *el, const char *path,
                       struct item *it)
{
    static const char *const classes[] = {"official", "campaign", "logistics"};
    static const char *const fits[] = {"contain", "cover"};
    char field[FIELD_BYTES];
    int type = -1;

    get_string(ld, el, path, "id", true, &it->id);
    join(field, path, "id");
    id_ok(ld, it->id, field);

    join(field, path, "type");
    if (!member(el, "type"))
        missing(ld, field, true);
    get_enum(ld, el, path, "type", type_names, ITEM_TYPE_COUNT, &type);
    if (type >= 0)
        check_keys(ld, el, path, item_keys, type_keys((enum item_type)type));
    it->type = type >= 0 ? (enum item_type)type : ITEM_COUNTDOWN;

    int klass = CLASS_OFFICIAL;
    get_enum(ld, el, path, "class", classes, 3, &klass);
    it->klass = (enum item_class)klass;
    get_duration(ld, el, path, "duration_s", 15, &it->duration_ms);
    get_string(ld, el, path, "title", false, &it->title);
    parse_schedule(ld, el, path, &it->schedule);

    /* What each type needs. */
    if (type == ITEM_IMAGE) {
        int fit = FIT_CONTAIN;
        get_media(ld, el, path, "media", true, "image", &it->media);
        get_enum(ld, el, path, "fit", fits, 2, &fit);
        it->fit = (enum image_fit)fit;
    } else if (type == ITEM_VIDEO) {
        get_media(ld, el, path, "media", true, "video", &it->media);
        get_bool(ld, el, path, "audio", &it->audio);
        get_int32(ld, el, path, "volume", false, 0, 100, &it->volume);
        get_seconds(ld, el, path, "start_s", &it->start_ms);
        get_seconds(ld, el, path, "max_s", &it->max_ms);
        get_int32(ld, el, path, "loops", false, 1, 1000, &it->loops);
    } else if (type == ITEM_NOTICE) {
        it->notice = get_ref(ld, el, path, "notice", "notice", find_notice);
    } else if (type == ITEM_CANDIDATES || type == ITEM_PROFILES) {
        it->unit = get_ref(ld, el, path, "unit", "unit", find_unit);
    }
}

static void parse_playlist(struct loader *ld, const cJSON *root)
{
    struct content *c = ld->c;
    const cJSON *list = get_kind(ld, root, "", "playlist", true, true);
    char path[FIELD_BYTES];

    if (!list)
        return;
    if (cJSON_GetArraySize(list) == 0) {
        error_at(ld, "playlist", "is empty: add at least one item");
        return;
    }
    c->items = calloc(cJSON_GetArraySize(list), sizeof *c->items);
    if (!c->items)
        return;

    const cJSON *el;
    cJSON_ArrayForEach(el, list) {
        int i = c->item_count++;
        struct item *it = &c->items[i];
        join_index(path, "playlist", i);
        it->notice = -1;
        it->unit = -1;
        it->audio = true;
        it->volume = 100;
        it->loops = 1;
        it->schedule.valid_from_ms = TIME_ALWAYS_MS;
        it->schedule.valid_until_ms = TIME_NEVER_MS;
        it->schedule.days = 0x7f;
        if (!element_ok(ld, el, path))
            continue;
        parse_item(ld, el, path, it);
        check_unique(ld, "playlist", c->items, sizeof *it, i);
    }
}

static void parse_manifest(struct loader *ld, const cJSON *root)
{
    static const char *const keys[] = {
        "format", "version", "published_at", "commission", "election", "links",
        "playlist", "notices", "timeline", "units", "candidates", "results",
        "signature", NULL,
    };
    struct content *c = ld->c;
    int64_t format = 0;

    if (!cJSON_IsObject(root)) {
        error_at(ld, "", "the manifest must be a JSON object");
        return;
    }
    if (get_int(ld, root, "", "format", true, 0, JSON_INT_MAX, &format) != GOT_VALUE)
        return;
    if (format != 1) {
        error_at(ld, "format", "unsupported format %lld (this version reads 1)",
                 (long long)format);
        return;
    }
    check_keys(ld, root, "", keys, NULL);

    /* The election first (its zone), lists before what refers to them. */
    parse_election(ld, root);
    get_int(ld, root, "", "version", true, 1, JSON_INT_MAX, &c->version);
    get_instant(ld, root, "", "published_at", true, &c->published_ms);
    get_string(ld, root, "", "commission", true, &c->commission);
    parse_links(ld, root);
    parse_notices(ld, root);
    parse_timeline(ld, root);
    parse_candidates(ld, root);
    parse_units(ld, root);
    parse_results(ld, root);
    parse_playlist(ld, root);
}

/* Reading the file */

/* Reads the whole manifest, NUL-terminated, or reports why it cannot. */
static char *read_manifest(struct loader *ld, size_t *len)
{
    char *text = NULL;
    FILE *f = fopen(ld->file, "rb");

    if (!f) {
        diag_add(ld->diag, DIAG_ERROR, ld->file, 0, NULL,
                 "cannot read the manifest: %s", strerror(errno));
        return NULL;
    }

    text = malloc(BUNDLE_MANIFEST_MAX_BYTES + 1);
    if (!text)
        goto fail;
    *len = fread(text, 1, BUNDLE_MANIFEST_MAX_BYTES + 1, f);
    if (ferror(f)) {
        diag_add(ld->diag, DIAG_ERROR, ld->file, 0, NULL,
                 "cannot read the manifest: %s", strerror(errno));
        goto fail;
    }
    if (*len > BUNDLE_MANIFEST_MAX_BYTES) {
        diag_add(ld->diag, DIAG_ERROR, ld->file, 0, NULL,
                 "the manifest is larger than %d bytes", BUNDLE_MANIFEST_MAX_BYTES);
        goto fail;
    }
    text[*len] = '\0';
    fclose(f);
    return text;

fail:
    free(text);
    fclose(f);
    return NULL;
}

/* The offset of the first byte that is not valid UTF-8, or len. */
static size_t first_invalid(const char *text, size_t len)
{
    size_t pos = 0;

    while (pos < len) {
        int n = utf8_char_len(text + pos);
        if (text[pos] == '\0' || !utf8_valid(text + pos, (size_t)n))
            return pos;
        pos += (size_t)n;
    }
    return len;
}

/* cJSON stops at the token after a missing or extra comma, often on the
 * next line; a hint names the line where the comma is (or is not). */
static void syntax_hint(const char *text, size_t at, char *hint, size_t size)
{
    size_t before = at;

    hint[0] = '\0';
    while (before > 0 && strchr(" \t\r\n", text[before - 1]))
        before--;
    if (before == 0)
        return;

    char prev = text[before - 1];
    char cur = text[at];
    int line = jsonloc_line_of_offset(text, before);
    if (prev == ',' && (cur == '}' || cur == ']'))
        snprintf(hint, size, " (one comma too many at the end of line %d?)", line);
    else if (!strchr(",{[:", prev) && line < jsonloc_line_of_offset(text, at))
        snprintf(hint, size, " (a comma missing at the end of line %d?)", line);
}

static cJSON *parse_json(struct loader *ld)
{
    const char *end = NULL;

    /* Editors on Windows like to start files with a byte order mark. */
    if (ld->len >= 3 && memcmp(ld->text, "\xEF\xBB\xBF", 3) == 0) {
        ld->text += 3;
        ld->len -= 3;
    }

    size_t bad = first_invalid(ld->text, ld->len);
    if (bad < ld->len) {
        diag_add(ld->diag, DIAG_ERROR, ld->file,
                 jsonloc_line_of_offset(ld->text, bad), NULL,
                 ld->text[bad] ? "invalid UTF-8 (save the file as UTF-8)"
                               : "contains a NUL byte");
        return NULL;
    }

    cJSON *root = cJSON_ParseWithLengthOpts(ld->text, ld->len + 1, &end, true);
    if (!root) {
        size_t at = end && end >= ld->text ? (size_t)(end - ld->text) : 0;
        char near[24];
        int n = 0;
        if (at > ld->len)
            at = ld->len;
        while (n < (int)sizeof near - 1 && at + n < ld->len && ld->text[at + n] != '\n') {
            near[n] = ld->text[at + n];
            n++;
        }
        while (n > 0 && (near[n - 1] & 0xc0) == 0x80)
            n--; /* cut before a partial character, not inside it */
        if (n > 0 && (unsigned char)near[n - 1] >= 0xc0)
            n--;
        near[n] = '\0';
        int line = jsonloc_line_of_offset(ld->text, at);
        char hint[64];
        syntax_hint(ld->text, at, hint, sizeof hint);
        if (n)
            diag_add(ld->diag, DIAG_ERROR, ld->file, line, NULL,
                     "JSON syntax error near '%s'%s", near, hint);
        else
            diag_add(ld->diag, DIAG_ERROR, ld->file, line, NULL,
                     "JSON syntax error at the end of the file");
    }
    return root;
}

/* Checks ld->text (NUL-terminated at ld->len) and builds the content;
 * reports problems to ld->diag. Frees nothing of the caller's. */
static struct content *load_text(struct loader *ld)
{
    cJSON *root = NULL;
    int errors_before = diag_error_count(ld->diag);

    /* The manifest's text: valid UTF-8, valid JSON. */
    root = parse_json(ld);
    if (!root)
        goto fail;

    /* Its meaning, collecting every problem. */
    ld->c = calloc(1, sizeof *ld->c);
    if (!ld->c)
        goto fail;
    ld->c->dir = strdup(ld->dir);
    if (!ld->c->dir)
        goto fail;
    parse_manifest(ld, root);
    if (diag_error_count(ld->diag) > errors_before)
        goto fail;

    cJSON_Delete(root);
    tzone_free(ld->tz);
    return ld->c;

fail:
    content_free(ld->c);
    cJSON_Delete(root);
    tzone_free(ld->tz);
    return NULL;
}

static void manifest_name(struct loader *ld, const char *dir)
{
    size_t dir_len = strlen(dir);

    snprintf(ld->file, sizeof ld->file, "%s%s%s", dir,
             dir_len && dir[dir_len - 1] == '/' ? "" : "/", BUNDLE_MANIFEST);
}

struct content *bundle_load(const char *dir, enum bundle_check check,
                            struct diag *diag)
{
    struct loader ld = {.dir = dir, .diag = diag, .check = check};
    struct content *c = NULL;
    char *text = NULL;

    manifest_name(&ld, dir);
    text = read_manifest(&ld, &ld.len);
    if (!text)
        return NULL;

    ld.text = text;
    c = load_text(&ld);
    free(text);
    return c;
}

struct content *bundle_parse(const char *text, size_t len, const char *dir,
                             enum bundle_check check, struct diag *diag)
{
    struct loader ld = {.dir = dir, .diag = diag, .check = check};
    struct content *c = NULL;
    char *copy = NULL;

    manifest_name(&ld, dir);
    if (len > BUNDLE_MANIFEST_MAX_BYTES) {
        diag_add(diag, DIAG_ERROR, ld.file, 0, NULL,
                 "the manifest is larger than %d bytes", BUNDLE_MANIFEST_MAX_BYTES);
        return NULL;
    }

    /* The checks below rely on a terminating NUL after the text. */
    copy = malloc(len + 1);
    if (!copy) {
        diag_add(diag, DIAG_ERROR, ld.file, 0, NULL, "out of memory");
        return NULL;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';

    ld.text = copy;
    ld.len = len;
    c = load_text(&ld);
    free(copy);
    return c;
}

static void media_free(struct media_ref *m)
{
    free(m->mime);
    free(m->path);
}

static void candidate_free(struct candidate *p)
{
    char *texts[] = {
        p->id, p->family_name, p->middle_name, p->given_name, p->other_name,
        p->birth_date, p->hometown, p->residence, p->ethnicity, p->religion,
        p->education_general, p->education_professional, p->education_political,
        p->foreign_languages, p->occupation, p->workplace, p->party_joined,
        p->biography,
    };

    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        free(texts[i]);
    media_free(&p->photo);
}

void content_free(struct content *c)
{
    if (!c)
        return;

    for (int i = 0; i < c->item_count; i++) {
        free(c->items[i].id);
        free(c->items[i].title);
        media_free(&c->items[i].media);
    }
    free(c->items);
    for (int i = 0; i < c->notice_count; i++) {
        free(c->notices[i].id);
        free(c->notices[i].title);
        free(c->notices[i].body);
    }
    free(c->notices);
    for (int i = 0; i < c->milestone_count; i++) {
        free(c->milestones[i].title);
        free(c->milestones[i].detail);
    }
    free(c->milestones);
    for (int i = 0; i < c->unit_count; i++) {
        free(c->units[i].id);
        free(c->units[i].name);
        free(c->units[i].areas);
        free(c->units[i].candidates);
    }
    free(c->units);
    for (int i = 0; i < c->candidate_count; i++)
        candidate_free(&c->candidates[i]);
    free(c->candidates);
    for (int i = 0; i < c->results.elected_count; i++)
        free(c->results.elected[i].name);
    free(c->results.elected);

    free(c->election.name);
    free(c->election.time_zone);
    free(c->commission);
    free(c->feedback_url);
    free(c->zalo_url);
    free(c->zalo_name);
    free(c->dir);
    free(c);
}

int bundle_hash_file(const char *path, char out[65])
{
    crypto_hash_sha256_state state;
    unsigned char digest[crypto_hash_sha256_BYTES];
    unsigned char *chunk = NULL;
    FILE *f = NULL;

    if (sodium_init() < 0) {
        log_error("bundle", "libsodium cannot start; media cannot be checked");
        return -1;
    }

    f = fopen(path, "rb");
    if (!f) {
        log_warn("bundle", "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    chunk = malloc(HASH_CHUNK_BYTES);
    if (!chunk)
        goto fail;

    crypto_hash_sha256_init(&state);
    size_t n;
    do {
        n = fread(chunk, 1, HASH_CHUNK_BYTES, f);
        crypto_hash_sha256_update(&state, chunk, n);
    } while (n == HASH_CHUNK_BYTES);
    if (ferror(f)) {
        log_warn("bundle", "cannot read %s: %s", path, strerror(errno));
        goto fail;
    }
    crypto_hash_sha256_final(&state, digest);
    sodium_bin2hex(out, 65, digest, sizeof digest);

    free(chunk);
    fclose(f);
    return 0;

fail:
    free(chunk);
    fclose(f);
    return -1;
}
