/* timeutil.c - strict parsing of the manifest's dates and times, and the
 * ISO 8601 form used in logs and diagnostics. */
#include "timeutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Reads exactly n digits at *p and advances. Returns the value or -1. */
static int digits(const char **p, int n)
{
    int value = 0;

    for (int i = 0; i < n; i++) {
        char ch = (*p)[i];
        if (ch < '0' || ch > '9')
            return -1;
        value = value * 10 + (ch - '0');
    }
    *p += n;
    return value;
}

static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

/* "+07:00", "-05:30", "+0700" or "Z" at p; the whole rest of the string. */
static int parse_offset(const char *p, int *out_s)
{
    if (strcmp(p, "Z") == 0) {
        *out_s = 0;
        return 0;
    }
    if (*p != '+' && *p != '-')
        return -1;

    int sign = *p == '-' ? -1 : 1;
    p++;
    int hours = digits(&p, 2);
    if (*p == ':')
        p++;
    int minutes = digits(&p, 2);
    if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59 || *p != '\0')
        return -1;
    *out_s = sign * (hours * 3600 + minutes * 60);
    return 0;
}

int timeutil_parse_instant(const char *s, const struct tzone *tz, int64_t *out_ms)
{
    struct tm tm;
    const char *p = s;
    int ms = 0;

    if (!s)
        return -1;
    memset(&tm, 0, sizeof tm);

    /* The date, always. */
    int year = digits(&p, 4);
    if (year < 1 || *p++ != '-')
        return -1;
    int month = digits(&p, 2);
    if (month < 1 || month > 12 || *p++ != '-')
        return -1;
    int day = digits(&p, 2);
    if (day < 1 || day > days_in_month(year, month))
        return -1;
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;

    /* Then, optionally, the time of day: HH:MM[:SS[.fff]]. */
    if (*p == 'T' || *p == ' ') {
        p++;
        tm.tm_hour = digits(&p, 2);
        if (tm.tm_hour < 0 || tm.tm_hour > 23 || *p++ != ':')
            return -1;
        tm.tm_min = digits(&p, 2);
        if (tm.tm_min < 0 || tm.tm_min > 59)
            return -1;
        if (*p == ':') {
            p++;
            tm.tm_sec = digits(&p, 2);
            if (tm.tm_sec < 0 || tm.tm_sec > 59)
                return -1;
            if (*p == '.') {
                int scale = 100;
                p++;
                if (*p < '0' || *p > '9')
                    return -1;
                for (; *p >= '0' && *p <= '9'; p++) {
                    ms += (*p - '0') * scale;
                    scale /= 10;
                }
            }
        }
    }

    /* Then an offset, or nothing: local time in the election's zone. */
    int64_t t;
    if (*p == '\0') {
        t = tzone_instant(tz, &tm);
    } else {
        int offset;
        if (p == s + 10 || parse_offset(p, &offset) < 0)
            return -1;
        t = tzone_instant(NULL, &tm) - offset; /* NULL: as if in UTC */
    }

    *out_ms = t * 1000 + ms;
    return 0;
}

int timeutil_parse_hhmm(const char *s, int *out_min)
{
    const char *p = s;

    if (!s || strlen(s) != 5 || s[2] != ':')
        return -1;
    int hours = digits(&p, 2);
    p++;
    int minutes = digits(&p, 2);
    if (hours < 0 || minutes < 0 || minutes > 59 || hours > 24 ||
        (hours == 24 && minutes != 0))
        return -1;
    *out_min = hours * 60 + minutes;
    return 0;
}

void timeutil_format_iso(int64_t ms, const struct tzone *tz, char *buf, int size)
{
    int64_t t = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    struct tm tm;

    if (size <= 0)
        return;
    tzone_local(tz, t, &tm);

    /* Local mean time before 1906 is +07:06:30 in Ho Chi Minh City; the
     * ISO form names whole minutes, so such instants are written with
     * the offset cut to the minute, and the wall time to match. */
    long offset = tm.tm_gmtoff;
    if (offset % 60 != 0) {
        offset -= offset % 60;
        tzone_local(NULL, t + offset, &tm);
    }
    char sign = offset < 0 ? '-' : '+';
    if (offset < 0)
        offset = -offset;
    snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
             tm.tm_sec, sign, offset / 3600, offset / 60 % 60);
}
