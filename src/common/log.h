/* log.h - one-line log messages to stderr with time, level and module.
 * The sink is the only process-wide mutable state besides the main loop. */
#ifndef BANGTIN_LOG_H
#define BANGTIN_LOG_H

#include <stdbool.h>

enum log_level {
    LOG_ERROR = 0, /* a person will see something broken */
    LOG_WARN,      /* degraded, recovered */
    LOG_INFO,      /* lifecycle */
    LOG_DEBUG,     /* details */
    LOG_TRACE      /* per frame */
};

/* Sets the most detailed level that is printed (default LOG_INFO).
 * Call before threads start. */
void log_set_level(enum log_level level);

/* Parses "error", "warn", "info", "debug", "trace". Returns 0 or -1. */
int log_parse_level(const char *name, enum log_level *out);

bool log_enabled(enum log_level level);

/* Writes "2026-03-14T07:00:03.120 W module: message" to stderr.
 * Thread-safe; the message must not end in a newline. */
void log_write(enum log_level level, const char *module, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define log_error(mod, ...) log_write(LOG_ERROR, mod, __VA_ARGS__)
#define log_warn(mod, ...) log_write(LOG_WARN, mod, __VA_ARGS__)
#define log_info(mod, ...) log_write(LOG_INFO, mod, __VA_ARGS__)
#define log_debug(mod, ...) \
    do { if (log_enabled(LOG_DEBUG)) log_write(LOG_DEBUG, mod, __VA_ARGS__); } while (0)

#endif
