/* tzone.c - local time in a named zone from TZif files (RFC 8536, v1 to v4)
 * or a fixed offset, without touching the process's TZ or localtime(). */
#include "tzone.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"

#define TZONE_DIR "/usr/share/zoneinfo"
#define TZONE_FILE_MAX_BYTES (256 * 1024)
#define TZONE_NAME_MAX 128
#define TZIF_HEADER_BYTES 44
#define TZIF_TYPES_MAX 256
#define OFFSET_MAX_S (26 * 3600)
#define DAY_S 86400

/* A zone is a sorted table of transitions; each starts a period with one
 * offset. Before the first transition the zone's first type applies.
 *
 * Known limitation: after the last transition the last offset is kept.
 * The POSIX TZ footer of v2+ files (which extends daylight-saving rules
 * forever) is not evaluated. Debian ships "fat" files whose tables run to
 * 2037, so this only matters for instants after that year. */
struct tzone {
    int count;
    int64_t *times;        /* transition instants, Unix seconds, ascending */
    int *offsets;          /* offset in seconds from each transition on */
    unsigned char *dst;    /* 1 where that period is daylight-saving time */
    int initial_offset;    /* before the first transition (or fixed) */
    int initial_dst;
};

static bool parse_fixed(const char *name, int *out_s)
{
    if (strcmp(name, "UTC") == 0 || strcmp(name, "Z") == 0) {
        *out_s = 0;
        return true;
    }

    /* "+07:00", "-05:30" */
    if ((name[0] != '+' && name[0] != '-') || strlen(name) != 6 || name[3] != ':')
        return false;
    for (int i = 1; i < 6; i++) {
        if (i != 3 && (name[i] < '0' || name[i] > '9'))
            return false;
    }
    int hours = (name[1] - '0') * 10 + (name[2] - '0');
    int minutes = (name[4] - '0') * 10 + (name[5] - '0');
    if (hours > 23 || minutes > 59)
        return false;
    *out_s = (hours * 3600 + minutes * 60) * (name[0] == '-' ? -1 : 1);
    return true;
}

/* IANA names are letters, digits, '_', '-', '+' and '/'; never "..". */
static bool name_ok(const char *name)
{
    size_t n = strlen(name);

    if (n == 0 || n >= TZONE_NAME_MAX || name[0] == '/' || strstr(name, ".."))
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = name[i];
        bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                     (ch >= '0' && ch <= '9');
        if (!plain && !strchr("_-+/", ch))
            return false;
    }
    return true;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
    return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

struct tzif_counts {
    uint32_t isut, isstd, leap, time, type, chars;
};

static int read_header(const unsigned char *p, size_t left, int *version,
                       struct tzif_counts *c)
{
    if (left < TZIF_HEADER_BYTES || memcmp(p, "TZif", 4) != 0)
        return -1;
    *version = p[4] == 0 ? 1 : p[4] - '0';
    c->isut = be32(p + 20);
    c->isstd = be32(p + 24);
    c->leap = be32(p + 28);
    c->time = be32(p + 32);
    c->type = be32(p + 36);
    c->chars = be32(p + 40);
    if (c->type == 0 || c->type > TZIF_TYPES_MAX || c->time > 100000)
        return -1;
    /* A count larger than the bytes left cannot be real; this also keeps
     * block_size() from overflowing a 32-bit size_t. */
    if (c->leap > left || c->chars > left || c->isstd > left || c->isut > left)
        return -1;
    return 0;
}

static size_t block_size(const struct tzif_counts *c, size_t time_bytes)
{
    return c->time * time_bytes + c->time + c->type * 6 + c->chars +
           c->leap * (time_bytes + 4) + c->isstd + c->isut;
}

/* Fills tz from one data block; time_bytes is 4 (v1) or 8 (v2+). */
static int read_block(struct tzone *tz, const unsigned char *p,
                      const struct tzif_counts *c, size_t time_bytes)
{
    const unsigned char *times = p;
    const unsigned char *indices = times + c->time * time_bytes;
    const unsigned char *types = indices + c->time;
    int type_offsets[TZIF_TYPES_MAX];
    unsigned char type_dst[TZIF_TYPES_MAX];

    for (uint32_t i = 0; i < c->type; i++) {
        int32_t offset = (int32_t)be32(types + i * 6);
        if (offset < -OFFSET_MAX_S || offset > OFFSET_MAX_S)
            return -1;
        type_offsets[i] = offset;
        type_dst[i] = types[i * 6 + 4] != 0;
    }

    tz->count = (int)c->time;
    tz->times = calloc(c->time + 1, sizeof *tz->times);
    tz->offsets = calloc(c->time + 1, sizeof *tz->offsets);
    tz->dst = calloc(c->time + 1, 1);
    if (!tz->times || !tz->offsets || !tz->dst)
        return -1;

    for (uint32_t i = 0; i < c->time; i++) {
        if (indices[i] >= c->type)
            return -1;
        tz->times[i] = time_bytes == 8 ? be64(times + i * 8)
                                       : (int32_t)be32(times + i * 4);
        if (i > 0 && tz->times[i] <= tz->times[i - 1])
            return -1;
        tz->offsets[i] = type_offsets[indices[i]];
        tz->dst[i] = type_dst[indices[i]];
    }
    tz->initial_offset = type_offsets[0];
    tz->initial_dst = type_dst[0];
    return 0;
}

static int parse_tzif(struct tzone *tz, const unsigned char *data, size_t size)
{
    struct tzif_counts c;
    int version;

    if (read_header(data, size, &version, &c) < 0)
        return -1;
    size_t v1 = block_size(&c, 4);
    if (size - TZIF_HEADER_BYTES < v1)
        return -1;
    if (version < 2)
        return read_block(tz, data + TZIF_HEADER_BYTES, &c, 4);

    /* Version 2 and later repeat the data with 64-bit times; use that. */
    const unsigned char *p = data + TZIF_HEADER_BYTES + v1;
    size_t left = size - TZIF_HEADER_BYTES - v1;
    if (read_header(p, left, &version, &c) < 0)
        return -1;
    if (left - TZIF_HEADER_BYTES < block_size(&c, 8))
        return -1;
    return read_block(tz, p + TZIF_HEADER_BYTES, &c, 8);
}

static unsigned char *read_file(const char *path, size_t *size)
{
    unsigned char *data = NULL;
    FILE *f = fopen(path, "rb");

    if (!f) {
        log_warn("tzone", "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }

    data = malloc(TZONE_FILE_MAX_BYTES);
    if (!data)
        goto fail;
    *size = fread(data, 1, TZONE_FILE_MAX_BYTES, f);
    if (ferror(f)) {
        log_warn("tzone", "cannot read %s: %s", path, strerror(errno));
        goto fail;
    }
    if (*size == TZONE_FILE_MAX_BYTES) {
        log_warn("tzone", "%s is larger than %d bytes; not a zone file", path,
                 TZONE_FILE_MAX_BYTES);
        goto fail;
    }
    fclose(f);
    return data;

fail:
    free(data);
    fclose(f);
    return NULL;
}

struct tzone *tzone_load(const char *name)
{
    struct tzone *tz = NULL;
    unsigned char *data = NULL;
    int fixed;

    if (!name)
        return NULL;

    tz = calloc(1, sizeof *tz);
    if (!tz)
        return NULL;

    if (parse_fixed(name, &fixed)) {
        tz->initial_offset = fixed;
        return tz;
    }

    if (!name_ok(name)) {
        log_warn("tzone", "refusing time zone name \"%s\"", name);
        goto fail;
    }

    const char *dir = getenv("TZDIR");
    if (!dir || !*dir)
        dir = TZONE_DIR;
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        goto fail;

    size_t size = 0;
    data = read_file(path, &size);
    if (!data)
        goto fail;

    if (parse_tzif(tz, data, size) < 0) {
        log_warn("tzone", "%s is not a valid TZif file", path);
        goto fail;
    }
    free(data);
    return tz;

fail:
    free(data);
    tzone_free(tz);
    return NULL;
}

void tzone_free(struct tzone *tz)
{
    if (!tz)
        return;
    free(tz->times);
    free(tz->offsets);
    free(tz->dst);
    free(tz);
}

/* Index of the last transition at or before t, or -1 before the first. */
static int period_at(const struct tzone *tz, int64_t t)
{
    int lo = 0;
    int hi = tz->count - 1;
    int found = -1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (tz->times[mid] <= t) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found;
}

/* NULL stands for UTC inside bangtin's own modules. */
static const struct tzone utc_zone;

int tzone_offset_at(const struct tzone *tz, int64_t t)
{
    if (!tz)
        tz = &utc_zone;

    int i = period_at(tz, t);

    return i < 0 ? tz->initial_offset : tz->offsets[i];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (any range). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void tzone_local(const struct tzone *tz, int64_t t, struct tm *out)
{
    if (!tz)
        tz = &utc_zone;

    int i = period_at(tz, t);
    int offset = i < 0 ? tz->initial_offset : tz->offsets[i];
    int dst = i < 0 ? tz->initial_dst : tz->dst[i];
    int64_t local = t + offset;
    int64_t days = floor_div(local, DAY_S);
    int64_t secs = local - days * DAY_S;
    int64_t year;
    int month, day;

    civil_from_days(days, &year, &month, &day);

    memset(out, 0, sizeof *out);
    out->tm_year = (int)(year - 1900);
    out->tm_mon = month - 1;
    out->tm_mday = day;
    out->tm_hour = (int)(secs / 3600);
    out->tm_min = (int)(secs / 60 % 60);
    out->tm_sec = (int)(secs % 60);
    out->tm_wday = (int)((days % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
    out->tm_yday = (int)(days - days_from_civil(year, 1, 1));
    out->tm_isdst = dst;
    out->tm_gmtoff = offset;
}

int64_t tzone_instant(const struct tzone *tz, const struct tm *local)
{
    /* Out-of-range fields (24:00, day 32) roll over like timegm()'s. */
    int64_t month = (int64_t)local->tm_mon;
    int64_t year = 1900 + (int64_t)local->tm_year + floor_div(month, 12);
    month -= floor_div(month, 12) * 12;
    int64_t wall = (days_from_civil(year, (int)month + 1, 1) + local->tm_mday - 1) *
                       DAY_S +
                   (int64_t)local->tm_hour * 3600 + (int64_t)local->tm_min * 60 +
                   local->tm_sec;

    /* Transitions are far more than a day apart, so the offsets a day
     * before and a day after are the only candidates. A wall time that
     * occurs twice takes the earlier instant; one that never occurs (in a
     * gap) is read with the offset before the gap, landing after it. */
    int before = tzone_offset_at(tz, wall - DAY_S);
    int after = tzone_offset_at(tz, wall + DAY_S);
    int64_t t_before = wall - before;
    int64_t t_after = wall - after;
    bool before_ok = tzone_offset_at(tz, t_before) == before;
    bool after_ok = tzone_offset_at(tz, t_after) == after;

    if (before_ok && after_ok)
        return t_before < t_after ? t_before : t_after;
    if (after_ok)
        return t_after;
    return t_before;
}
