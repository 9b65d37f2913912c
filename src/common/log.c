/* log.c - the log sink: stderr, one line per message, journald keeps it.
 * The level is set once at start-up; writes are serialised by a mutex. */
#include "log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static enum log_level max_level = LOG_INFO;
static pthread_mutex_t sink_lock = PTHREAD_MUTEX_INITIALIZER;

void log_set_level(enum log_level level)
{
    max_level = level;
}

int log_parse_level(const char *name, enum log_level *out)
{
    static const char *const names[] = {"error", "warn", "info", "debug", "trace"};

    for (int i = 0; i < 5; i++) {
        if (strcasecmp(name, names[i]) == 0) {
            *out = (enum log_level)i;
            return 0;
        }
    }
    return -1;
}

bool log_enabled(enum log_level level)
{
    return level <= max_level;
}

void log_write(enum log_level level, const char *module, const char *fmt, ...)
{
    static const char letters[] = "EWIDT";

    if (!log_enabled(level))
        return;

    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct tm tm;
    gmtime_r(&now.tv_sec, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);

    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);

    /* One message is one line, whatever the caller passed in. */
    for (char *p = message; *p; p++) {
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    }

    pthread_mutex_lock(&sink_lock);
    fprintf(stderr, "%s.%03ldZ %c %s: %s\n", stamp, now.tv_nsec / 1000000,
            letters[level], module, message);
    pthread_mutex_unlock(&sink_lock);
}
