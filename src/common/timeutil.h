/* timeutil.h - parsing the manifest's dates and times. */
#ifndef BANGTIN_TIMEUTIL_H
#define BANGTIN_TIMEUTIL_H

#include <stdint.h>

#include "tzone.h"

/* Parses "2026-03-14T06:59:50+07:00", "...Z", "2026-03-14T06:59:50"
 * or "2026-03-14 06:59" (local in tz) or "2026-03-14" (local midnight)
 * into milliseconds since the epoch. Returns 0 or -1. */
int timeutil_parse_instant(const char *s, const struct tzone *tz, int64_t *out_ms);

/* Parses "HH:MM" (00:00 to 24:00) into minutes. Returns 0 or -1. */
int timeutil_parse_hhmm(const char *s, int *out_min);

/* Formats an instant as "2026-03-14T06:59:50+07:00" in tz. */
void timeutil_format_iso(int64_t ms, const struct tzone *tz, char *buf, int size);

#endif
