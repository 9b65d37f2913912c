/* tzone.h - local time in a named zone (the election's), independent of
 * the machine's TZ, read from the system's zoneinfo files. */
#ifndef BANGTIN_TZONE_H
#define BANGTIN_TZONE_H

#include <stdint.h>
#include <time.h>

struct tzone;

/* Loads an IANA zone ("Asia/Ho_Chi_Minh") from /usr/share/zoneinfo, or a
 * fixed offset ("UTC", "+07:00", "-05:30"). Returns NULL if unknown. */
struct tzone *tzone_load(const char *name);
void tzone_free(struct tzone *tz);

/* Offset from UTC in seconds in force at the instant t (Unix seconds). */
int tzone_offset_at(const struct tzone *tz, int64_t t);

/* Local broken-down time at t; tm_wday 0 is Sunday. */
void tzone_local(const struct tzone *tz, int64_t t, struct tm *out);

/* The instant of a local wall time (tm_isdst ignored); for a wall time
 * that occurs twice, the earlier one. */
int64_t tzone_instant(const struct tzone *tz, const struct tm *local);

#endif
