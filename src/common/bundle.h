/* bundle.h - the one content format: a directory with manifest.json and
 * media/<sha256> files. Loading validates everything it reads. */
#ifndef BANGTIN_BUNDLE_H
#define BANGTIN_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "diag.h"

#define BUNDLE_MANIFEST "manifest.json"
#define BUNDLE_MEDIA_DIR "media"
#define BUNDLE_MANIFEST_MAX_BYTES (8 * 1024 * 1024)

enum bundle_check {
    BUNDLE_CHECK_NONE,   /* the manifest only: a stored bundle whose file
                            went missing still plays, minus that item */
    BUNDLE_CHECK_SIZES,  /* media files exist with the declared size */
    BUNDLE_CHECK_HASHES  /* ... and their SHA-256 matches their name */
};

/* Loads and validates <dir>/manifest.json. Every problem goes to diag
 * with file, line and field. Returns the content, or NULL when any
 * error was found (warnings alone still load). Caller frees with
 * content_free(). Any thread; no SDL. */
struct content *bundle_load(const char *dir, enum bundle_check check,
                            struct diag *diag);

/* The same checks on manifest text already in memory (len bytes, no NUL
 * needed), as if it were <dir>/manifest.json: media paths and
 * diagnostics still name dir. Returns the content or NULL like
 * bundle_load(). Caller frees. Any thread; no SDL. */
struct content *bundle_parse(const char *text, size_t len, const char *dir,
                             enum bundle_check check, struct diag *diag);

void content_free(struct content *c);

/* SHA-256 of a file as lowercase hex into out[65]. Returns 0 or -1. */
int bundle_hash_file(const char *path, char out[65]);

#endif
