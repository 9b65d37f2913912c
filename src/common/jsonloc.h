/* jsonloc.h - finds the line of a field in JSON text, for error messages
 * that name the line. Scans only; the values come from cJSON. */
#ifndef BANGTIN_JSONLOC_H
#define BANGTIN_JSONLOC_H

#include <stddef.h>

/* path: "playlist[3].schedule.from"; "" is the document itself.
 * Returns the 1-based line where that value (or, for a missing key, its
 * parent object) starts, or 0 when the text cannot be scanned. */
int jsonloc_line(const char *text, size_t len, const char *path);

/* The line of a byte offset, for parse errors. */
int jsonloc_line_of_offset(const char *text, size_t offset);

#endif
