/* jsonloc.c - finds where a field sits in JSON text, so diagnostics can
 * name a line. A small scanner that skips values; it never builds any. */
#include "jsonloc.h"

#include <stdbool.h>
#include <string.h>

#define KEY_MAX 128
#define DEPTH_MAX 200

struct scan {
    const char *text;
    size_t len;
    size_t pos;
};

static void skip_space(struct scan *s)
{
    while (s->pos < s->len) {
        char ch = s->text[s->pos];
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
            break;
        s->pos++;
    }
}

static int peek(const struct scan *s)
{
    return s->pos < s->len ? (unsigned char)s->text[s->pos] : -1;
}

/* Reads a string at pos into key (escapes kept simple: the character after
 * a backslash is taken as is, which is enough to compare plain keys).
 * key may be NULL to only skip. Returns 0 or -1. */
static int read_string(struct scan *s, char *key, size_t key_size)
{
    size_t n = 0;

    if (peek(s) != '"')
        return -1;
    s->pos++;

    while (s->pos < s->len) {
        char ch = s->text[s->pos++];
        if (ch == '"') {
            if (key)
                key[n < key_size ? n : key_size - 1] = '\0';
            return 0;
        }
        if (ch == '\\') {
            if (s->pos >= s->len)
                return -1;
            ch = s->text[s->pos++];
        }
        if (key && n + 1 < key_size)
            key[n++] = ch;
    }
    return -1;
}

static int skip_value(struct scan *s, int depth)
{
    int ch = peek(s);

    if (depth > DEPTH_MAX)
        return -1;

    if (ch == '"')
        return read_string(s, NULL, 0);

    if (ch == '{' || ch == '[') {
        int close = ch == '{' ? '}' : ']';
        s->pos++;
        skip_space(s);
        if (peek(s) == close) {
            s->pos++;
            return 0;
        }
        for (;;) {
            if (ch == '{') {
                if (read_string(s, NULL, 0) < 0)
                    return -1;
                skip_space(s);
                if (peek(s) != ':')
                    return -1;
                s->pos++;
                skip_space(s);
            }
            if (skip_value(s, depth + 1) < 0)
                return -1;
            skip_space(s);
            if (peek(s) == ',') {
                s->pos++;
                skip_space(s);
                continue;
            }
            if (peek(s) != close)
                return -1;
            s->pos++;
            return 0;
        }
    }

    /* Numbers and literals: everything up to a delimiter. */
    size_t start = s->pos;
    while (s->pos < s->len && !strchr(",]}: \t\r\n", s->text[s->pos]))
        s->pos++;
    return s->pos > start ? 0 : -1;
}

/* Splits the next path segment: ".key", "key" (at the start) or "[n]".
 * Returns 1 for a key, 2 for an index, 0 at the end, -1 when malformed. */
static int next_segment(const char **path, char *key, size_t key_size,
                        long *index)
{
    const char *p = *path;

    if (*p == '\0')
        return 0;

    if (*p == '[') {
        long n = 0;
        p++;
        if (*p < '0' || *p > '9')
            return -1;
        while (*p >= '0' && *p <= '9') {
            if (n > 100000000)
                return -1;
            n = n * 10 + (*p - '0');
            p++;
        }
        if (*p != ']')
            return -1;
        *index = n;
        *path = p + 1;
        return 2;
    }

    if (*p == '.')
        p++;
    size_t n = strcspn(p, ".[");
    if (n == 0 || n >= key_size)
        return -1;
    memcpy(key, p, n);
    key[n] = '\0';
    *path = p + n;
    return 1;
}

/* Moves s->pos from an object's '{' to the value of key. Returns 0 when
 * found, 1 when the key is absent, -1 when the text is broken. */
static int find_key(struct scan *s, const char *key)
{
    char name[KEY_MAX];

    s->pos++;
    skip_space(s);
    if (peek(s) == '}')
        return 1;

    for (;;) {
        if (read_string(s, name, sizeof name) < 0)
            return -1;
        skip_space(s);
        if (peek(s) != ':')
            return -1;
        s->pos++;
        skip_space(s);
        if (strcmp(name, key) == 0)
            return 0;

        if (skip_value(s, 0) < 0)
            return -1;
        skip_space(s);
        if (peek(s) == '}')
            return 1;
        if (peek(s) != ',')
            return -1;
        s->pos++;
        skip_space(s);
    }
}

/* Moves s->pos from an array's '[' to element index. Same returns. */
static int find_index(struct scan *s, long index)
{
    s->pos++;
    skip_space(s);
    if (peek(s) == ']')
        return 1;

    for (long i = 0;; i++) {
        if (i == index)
            return 0;
        if (skip_value(s, 0) < 0)
            return -1;
        skip_space(s);
        if (peek(s) == ']')
            return 1;
        if (peek(s) != ',')
            return -1;
        s->pos++;
        skip_space(s);
    }
}

int jsonloc_line(const char *text, size_t len, const char *path)
{
    struct scan s = {text, len, 0};
    char key[KEY_MAX];
    long index = 0;

    if (!text || !path)
        return 0;

    skip_space(&s);
    if (s.pos >= s.len)
        return 0;

    for (;;) {
        size_t here = s.pos;
        int kind = next_segment(&path, key, sizeof key, &index);
        if (kind <= 0)
            return kind == 0 ? jsonloc_line_of_offset(text, here) : 0;

        int found;
        if (kind == 1 && peek(&s) == '{')
            found = find_key(&s, key);
        else if (kind == 2 && peek(&s) == '[')
            found = find_index(&s, index);
        else
            found = 1; /* the path goes deeper than the value's type */

        if (found < 0)
            return 0;
        if (found > 0)
            return jsonloc_line_of_offset(text, here);
    }
}

int jsonloc_line_of_offset(const char *text, size_t offset)
{
    int line = 1;

    if (!text)
        return 0;
    for (size_t i = 0; i < offset && text[i]; i++) {
        if (text[i] == '\n')
            line++;
    }
    return line;
}
