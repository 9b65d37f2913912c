/* bangtin-pack.c - turns a source manifest with {"file": ...} media into a
 * content bundle (manifest.json + media/<sha256>), checked before it lands.
 *
 * Usage: bangtin-pack SOURCE_MANIFEST OUT_DIR
 * Exit status: 0 packed (warnings allowed), 1 the content has errors (each
 * printed as file:line: field: message), 2 usage or system trouble.
 *
 * The bundle is built in OUT_DIR.tmp-<pid>, loaded back with every hash
 * checked, and only then swapped in place of OUT_DIR, so a reader of
 * OUT_DIR sees the old bundle or the new one, never a half-written one. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "bundle.h"
#include "diag.h"
#include "jsonloc.h"
#include "log.h"
#include "utf8.h"

#define EXIT_CONTENT 1
#define EXIT_SYSTEM 2
#define FIELD_BYTES 256
#define COPY_CHUNK_BYTES (64 * 1024)
#define WALK_DEPTH_MAX 64
#define DIR_MAX (PATH_MAX - 128) /* room for /media/<sha256> */

struct pack {
    const char *source;        /* the source manifest, as given */
    char source_dir[DIR_MAX];  /* where its relative "file" paths start */
    char *text;                /* its raw text, for line numbers */
    size_t len;
    char tmp[DIR_MAX];         /* OUT_DIR.tmp-<pid>, the bundle being built */
    struct diag diag;
    int media_count;
    long long media_bytes;
    int system_errors;         /* trouble that is not the content's fault */
    char **failed;             /* field paths of media refs that failed */
    int failed_count;
};

static const struct {
    const char *ext;
    const char *mime;
} mime_types[] = {
    {"png", "image/png"},   {"jpg", "image/jpeg"},       {"jpeg", "image/jpeg"},
    {"webp", "image/webp"}, {"gif", "image/gif"},        {"mp4", "video/mp4"},
    {"m4v", "video/mp4"},   {"webm", "video/webm"},      {"mkv", "video/x-matroska"},
    {"mov", "video/quicktime"},
};

static const char *mime_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');

    if (!dot || (slash && dot < slash))
        return NULL;
    for (size_t i = 0; i < sizeof mime_types / sizeof mime_types[0]; i++) {
        if (strcasecmp(dot + 1, mime_types[i].ext) == 0)
            return mime_types[i].mime;
    }
    return NULL;
}

__attribute__((format(printf, 3, 4)))
static void content_error(struct pack *p, const char *field, const char *fmt, ...)
{
    char message[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    diag_add(&p->diag, DIAG_ERROR, p->source, jsonloc_line(p->text, p->len, field),
             field, "%s", message);
}

/* Reading the source */

static int read_source(struct pack *p)
{
    FILE *f = fopen(p->source, "rb");

    if (!f) {
        diag_add(&p->diag, DIAG_ERROR, p->source, 0, NULL, "cannot read: %s",
                 strerror(errno));
        return -1;
    }
    p->text = malloc(BUNDLE_MANIFEST_MAX_BYTES + 1);
    if (!p->text) {
        fclose(f);
        return -1;
    }
    p->len = fread(p->text, 1, BUNDLE_MANIFEST_MAX_BYTES + 1, f);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        diag_add(&p->diag, DIAG_ERROR, p->source, 0, NULL, "cannot read the file");
        return -1;
    }
    if (p->len > BUNDLE_MANIFEST_MAX_BYTES) {
        diag_add(&p->diag, DIAG_ERROR, p->source, 0, NULL, "larger than %d bytes",
                 BUNDLE_MANIFEST_MAX_BYTES);
        return -1;
    }
    p->text[p->len] = '\0';

    const char *slash = strrchr(p->source, '/');
    if (slash)
        snprintf(p->source_dir, sizeof p->source_dir, "%.*s",
                 (int)(slash - p->source), p->source);
    else
        snprintf(p->source_dir, sizeof p->source_dir, ".");
    return 0;
}

static cJSON *parse_source(struct pack *p)
{
    const char *end = NULL;
    size_t pos = 0;

    /* bundle_load checks the packed copy too; checking here names the
     * source's own line. */
    while (pos < p->len) {
        int n = utf8_char_len(p->text + pos);
        if (p->text[pos] == '\0' || !utf8_valid(p->text + pos, (size_t)n)) {
            diag_add(&p->diag, DIAG_ERROR, p->source,
                     jsonloc_line_of_offset(p->text, pos), NULL,
                     "invalid UTF-8 (save the file as UTF-8)");
            return NULL;
        }
        pos += (size_t)n;
    }

    cJSON *root = cJSON_ParseWithLengthOpts(p->text, p->len + 1, &end, true);
    if (!root) {
        size_t at = end && end >= p->text ? (size_t)(end - p->text) : p->len;
        diag_add(&p->diag, DIAG_ERROR, p->source,
                 jsonloc_line_of_offset(p->text, at), NULL,
                 "JSON syntax error (bangtin-pack checks the rest once it parses)");
    }
    return root;
}

/* Media */

static int copy_file(const char *from, const char *to)
{
    char *chunk = NULL;
    int in = -1;
    int out = -1;

    in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        goto fail;
    out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0)
        goto fail;
    chunk = malloc(COPY_CHUNK_BYTES);
    if (!chunk)
        goto fail;

    for (;;) {
        ssize_t n = read(in, chunk, COPY_CHUNK_BYTES);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            goto fail;
        if (n == 0)
            break;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, chunk + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                goto fail;
            done += w;
        }
    }
    if (fsync(out) < 0 || close(out) < 0) {
        out = -1;
        goto fail;
    }

    free(chunk);
    close(in);
    return 0;

fail:
    log_error("pack", "cannot copy %s to %s: %s", from, to, strerror(errno));
    free(chunk);
    if (in >= 0)
        close(in);
    if (out >= 0)
        close(out);
    return -1;
}

/* Remembers a media reference that could not be packed, so the check of
 * the packed manifest does not report it a second time. */
static void media_failed(struct pack *p, const char *field)
{
    char **grown = realloc(p->failed, (p->failed_count + 1) * sizeof *grown);

    if (!grown)
        return;
    p->failed = grown;
    p->failed[p->failed_count] = strdup(field);
    if (p->failed[p->failed_count])
        p->failed_count++;
}

static bool under_failed(const struct pack *p, const char *field)
{
    for (int i = 0; i < p->failed_count; i++) {
        size_t n = strlen(p->failed[i]);
        if (strncmp(field, p->failed[i], n) == 0 && (!field[n] || field[n] == '.'))
            return true;
    }
    return false;
}

/* Reports a problem with the "file" of a media reference. */
__attribute__((format(printf, 3, 4)))
static void media_error(struct pack *p, const char *field, const char *fmt, ...)
{
    char message[512];
    char sub[FIELD_BYTES];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    snprintf(sub, sizeof sub, "%.*s.file", FIELD_BYTES - 8, field);
    content_error(p, sub, "%s", message);
    media_failed(p, field);
}

/* Replaces {"file": "x.png"} in place with {"sha256", "size", "type"} and
 * puts the file in the bundle under its hash. */
static void pack_media(struct pack *p, cJSON *ref, const char *field)
{
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(ref, "file");
    const cJSON *given_type = cJSON_GetObjectItemCaseSensitive(ref, "type");
    char source[PATH_MAX];
    char target[PATH_MAX];
    char sha[65];
    struct stat st;
    int n;

    if (!cJSON_IsString(file) || !file->valuestring[0]) {
        media_error(p, field, "must be the path of a media file");
        return;
    }
    if (file->valuestring[0] == '/')
        n = snprintf(source, sizeof source, "%s", file->valuestring);
    else
        n = snprintf(source, sizeof source, "%s/%s", p->source_dir,
                     file->valuestring);
    if (n >= (int)sizeof source) {
        media_error(p, field, "the path is too long");
        return;
    }

    /* What the file is: a regular file, its type, its hash. */
    if (stat(source, &st) < 0) {
        media_error(p, field, "cannot read media file %s: %s", source,
                    strerror(errno));
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        media_error(p, field, "media file %s is not a regular file", source);
        return;
    }
    const char *mime = cJSON_IsString(given_type) ? given_type->valuestring
                                                  : mime_of(source);
    if (!mime) {
        media_error(p, field, "cannot tell the type of %s from its name; add "
                    "\"type\", e.g. \"image/png\"", file->valuestring);
        return;
    }
    if (bundle_hash_file(source, sha) < 0) {
        media_error(p, field, "cannot read media file %s", source);
        return;
    }

    /* The copy, once per distinct content. */
    snprintf(target, sizeof target, "%s/%s/%s", p->tmp, BUNDLE_MEDIA_DIR, sha);
    if (access(target, F_OK) != 0) {
        if (copy_file(source, target) < 0) {
            p->system_errors++;
            return;
        }
        p->media_count++;
        p->media_bytes += st.st_size;
    }

    char *mime_copy = strdup(mime);
    cJSON_DeleteItemFromObjectCaseSensitive(ref, "file");
    cJSON_DeleteItemFromObjectCaseSensitive(ref, "type");
    cJSON_AddStringToObject(ref, "sha256", sha);
    cJSON_AddNumberToObject(ref, "size", (double)st.st_size);
    cJSON_AddStringToObject(ref, "type", mime_copy ? mime_copy : "");
    free(mime_copy);
}

/* Finds every media reference, wherever it is in the manifest. */
static void walk(struct pack *p, cJSON *node, const char *field, int depth)
{
    char sub[FIELD_BYTES];
    int index = 0;

    if (depth > WALK_DEPTH_MAX)
        return;
    if (cJSON_IsObject(node) && cJSON_GetObjectItemCaseSensitive(node, "file")) {
        pack_media(p, node, field);
        return;
    }

    cJSON *child;
    cJSON_ArrayForEach(child, node) {
        if (cJSON_IsArray(node))
            snprintf(sub, sizeof sub, "%s[%d]", field, index++);
        else if (field[0])
            snprintf(sub, sizeof sub, "%s.%s", field, child->string);
        else
            snprintf(sub, sizeof sub, "%s", child->string);
        walk(p, child, sub, depth + 1);
    }
}

/* The bundle on disk */

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
    if (remove(path) < 0)
        log_warn("pack", "cannot remove %s: %s", path, strerror(errno));
    return 0;
}

static void remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int make_tmp(struct pack *p, const char *out)
{
    char media[PATH_MAX];

    snprintf(p->tmp, sizeof p->tmp, "%s.tmp-%ld", out, (long)getpid());
    remove_tree(p->tmp); /* a leftover of a crashed run with our pid */
    snprintf(media, sizeof media, "%s/%s", p->tmp, BUNDLE_MEDIA_DIR);
    if (mkdir(p->tmp, 0755) < 0 || mkdir(media, 0755) < 0) {
        log_error("pack", "cannot create %s: %s", media, strerror(errno));
        return -1;
    }
    return 0;
}

static int write_manifest(struct pack *p, const cJSON *root)
{
    char path[PATH_MAX];
    char *json = cJSON_Print(root);
    FILE *f = NULL;

    snprintf(path, sizeof path, "%s/%s", p->tmp, BUNDLE_MANIFEST);
    if (!json)
        goto fail;
    f = fopen(path, "wb");
    if (!f)
        goto fail;
    if (fputs(json, f) < 0 || fputc('\n', f) < 0 || fflush(f) != 0 ||
        fsync(fileno(f)) < 0)
        goto fail;
    if (fclose(f) != 0) {
        f = NULL;
        goto fail;
    }
    free(json);
    return 0;

fail:
    log_error("pack", "cannot write %s: %s", path, strerror(errno));
    if (f)
        fclose(f);
    free(json);
    return -1;
}

/* Prints bundle_load's findings against the source: the field paths are
 * the same in both manifests, so the source's lines can be found. */
static void report_check(struct pack *p, const struct diag *check)
{
    for (int i = 0; i < check->count; i++) {
        const struct diag_entry *e = &check->entries[i];
        if (e->field && under_failed(p, e->field))
            continue;
        if (e->field)
            diag_add(&p->diag, e->severity, p->source,
                     jsonloc_line(p->text, p->len, e->field), e->field, "%s",
                     e->message);
        else
            diag_add(&p->diag, e->severity, e->file, e->line, NULL, "%s", e->message);
    }
}

static bool dir_empty(const char *dir)
{
    /* rmdir() fails on a directory with anything in it. */
    return rmdir(dir) == 0 && mkdir(dir, 0755) == 0;
}

/* Puts tmp at out. An existing bundle is exchanged atomically and then
 * removed; anything else that is not an empty directory is left alone. */
static int install(struct pack *p, const char *out)
{
    char manifest[PATH_MAX];
    struct stat st;
    bool exists = stat(out, &st) == 0;

    snprintf(manifest, sizeof manifest, "%s/%s", out, BUNDLE_MANIFEST);
    if (exists && S_ISDIR(st.st_mode) && access(manifest, F_OK) == 0) {
        if (renameat2(AT_FDCWD, p->tmp, AT_FDCWD, out, RENAME_EXCHANGE) < 0) {
            log_error("pack", "cannot swap %s into %s: %s", p->tmp, out,
                      strerror(errno));
            return -1;
        }
        remove_tree(p->tmp); /* now the previous bundle */
        return 0;
    }

    if (exists && !(S_ISDIR(st.st_mode) && dir_empty(out))) {
        log_error("pack", "%s exists and is not a bundle (no %s); not replacing it",
                  out, BUNDLE_MANIFEST);
        return -1;
    }
    if (rename(p->tmp, out) < 0) {
        log_error("pack", "cannot rename %s to %s: %s", p->tmp, out, strerror(errno));
        return -1;
    }
    return 0;
}

static void print_diag(const struct diag *d)
{
    char line[1024];

    for (int i = 0; i < d->count; i++) {
        diag_format(&d->entries[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
}

/* Builds the bundle in p->tmp. Returns 0, EXIT_CONTENT or EXIT_SYSTEM. */
static int build(struct pack *p, cJSON *root, struct content **content)
{
    struct diag check;

    walk(p, root, "", 0);
    if (p->system_errors)
        return EXIT_SYSTEM;
    if (write_manifest(p, root) < 0)
        return EXIT_SYSTEM;

    /* The whole check a player would do, before anything is replaced;
     * it runs even after media errors, to list every problem at once. */
    diag_init(&check);
    *content = bundle_load(p->tmp, BUNDLE_CHECK_HASHES, &check);
    report_check(p, &check);
    diag_clear(&check);
    if (*content && diag_error_count(&p->diag) == 0)
        return 0;
    content_free(*content);
    *content = NULL;
    return EXIT_CONTENT;
}

int main(int argc, char **argv)
{
    struct pack p = {.source = NULL};
    struct content *content = NULL;
    cJSON *root = NULL;
    char out[DIR_MAX - 32];
    int status;

    if (argc != 3) {
        fprintf(stderr, "usage: bangtin-pack SOURCE_MANIFEST OUT_DIR\n");
        return EXIT_SYSTEM;
    }
    diag_init(&p.diag);
    p.source = argv[1];
    if (strlen(argv[1]) >= DIR_MAX - 32 || strlen(argv[2]) >= DIR_MAX - 32) {
        fprintf(stderr, "bangtin-pack: path too long\n");
        return EXIT_SYSTEM;
    }
    snprintf(out, sizeof out, "%s", argv[2]);
    for (size_t n = strlen(out); n > 1 && out[n - 1] == '/'; n--)
        out[n - 1] = '\0';

    /* The source: readable, UTF-8, JSON. */
    status = EXIT_CONTENT;
    if (read_source(&p) < 0)
        goto done;
    root = parse_source(&p);
    if (!root)
        goto done;

    /* The bundle, built aside, checked, then put in place. */
    status = EXIT_SYSTEM;
    if (make_tmp(&p, out) < 0)
        goto done;
    status = build(&p, root, &content);
    if (status == 0 && install(&p, out) < 0)
        status = EXIT_SYSTEM;
    if (status != 0)
        remove_tree(p.tmp);

done:
    print_diag(&p.diag);
    if (status == 0)
        printf("%s: version %lld, %d items, %d media files copied (%lld bytes)\n",
               out, (long long)content->version, content->item_count,
               p.media_count, p.media_bytes);
    else if (status == EXIT_CONTENT)
        fprintf(stderr, "bangtin-pack: %d errors; %s left unchanged\n",
                diag_error_count(&p.diag), out);
    else
        fprintf(stderr, "bangtin-pack: failed; %s left unchanged\n", out);
    content_free(content);
    for (int i = 0; i < p.failed_count; i++)
        free(p.failed[i]);
    free(p.failed);
    diag_clear(&p.diag);
    cJSON_Delete(root);
    free(p.text);
    return status;
}
