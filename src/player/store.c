/* store.c - sqlite3 index of imported bundles plus content-addressed
 * media. A bundle is copied and verified before it becomes current, so a
 * half-copied USB stick or download never replaces good content. */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "log.h"

/* Older bundles kept besides the current one, to fall back on. */
#define STORE_KEEP_BUNDLES 3

struct store {
    sqlite3 *db;
    char dir[PATH_MAX];
};

static const char schema[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS bundles ("
    "  version INTEGER PRIMARY KEY,"
    "  manifest_sha256 TEXT NOT NULL,"
    "  imported_ms INTEGER NOT NULL,"
    "  source TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS exposure ("
    "  candidate_id TEXT PRIMARY KEY, ms INTEGER NOT NULL);";

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0755) < 0 && errno != EEXIST) {
        log_error("store", "cannot create %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

static int make_dirs(const char *path)
{
    char buf[PATH_MAX];

    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return -1;
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (make_dir(buf) < 0)
            return -1;
        *p = '/';
    }
    return make_dir(buf);
}

struct store *store_open(const char *data_dir)
{
    struct store *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;

    snprintf(s->dir, sizeof s->dir, "%s", data_dir);
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/media", data_dir);
    if (make_dirs(path) < 0)
        goto fail;
    snprintf(path, sizeof path, "%s/bundles", data_dir);
    if (make_dirs(path) < 0)
        goto fail;

    snprintf(path, sizeof path, "%s/bangtin.db", data_dir);
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        log_error("store", "cannot open %s: %s", path,
                  s->db ? sqlite3_errmsg(s->db) : "out of memory");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 2000);

    char *err = NULL;
    if (sqlite3_exec(s->db, schema, NULL, NULL, &err) != SQLITE_OK) {
        log_error("store", "cannot prepare %s: %s", path, err);
        sqlite3_free(err);
        goto fail;
    }
    return s;

fail:
    store_close(s);
    return NULL;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s);
}

/* Copies src to dst through a temporary file, checking its hash. */
static int copy_media(const char *src, const char *dst, const char *sha256)
{
    char tmp[PATH_MAX + 16];
    snprintf(tmp, sizeof tmp, "%s.part", dst);

    FILE *in = fopen(src, "rb");
    if (!in) {
        log_error("store", "cannot read %s: %s", src, strerror(errno));
        return -1;
    }
    FILE *out = fopen(tmp, "wb");
    if (!out) {
        log_error("store", "cannot write %s: %s", tmp, strerror(errno));
        fclose(in);
        return -1;
    }

    char buf[64 * 1024];
    size_t n;
    int failed = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (fwrite(buf, 1, n, out) != n) {
            failed = 1;
            break;
        }
    }
    if (ferror(in))
        failed = 1;
    fclose(in);
    if (fflush(out) != 0 || fsync(fileno(out)) != 0)
        failed = 1;
    if (fclose(out) != 0)
        failed = 1;

    char actual[65];
    if (!failed && (bundle_hash_file(tmp, actual) < 0 || strcmp(actual, sha256) != 0))
        failed = 2;
    if (failed) {
        log_error("store", "copying %s failed (%s)", src,
                  failed == 2 ? "content changed while copying" : strerror(errno));
        unlink(tmp);
        return -1;
    }

    if (rename(tmp, dst) < 0) {
        log_error("store", "cannot place %s: %s", dst, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

static bool have_media(const char *path, int64_t size)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == size;
}

static int store_media(struct store *s, const struct media_ref *m)
{
    if (m->sha256[0] == '\0')
        return 0;

    char dst[PATH_MAX + 80];
    snprintf(dst, sizeof dst, "%s/media/%s", s->dir, m->sha256);
    if (have_media(dst, m->size))
        return 0;
    return copy_media(m->path, dst, m->sha256);
}

static int store_all_media(struct store *s, const struct content *c)
{
    for (int i = 0; i < c->item_count; i++) {
        if (store_media(s, &c->items[i].media) < 0)
            return -1;
    }
    for (int i = 0; i < c->candidate_count; i++) {
        if (store_media(s, &c->candidates[i].photo) < 0)
            return -1;
    }
    return 0;
}

static int write_file(const char *path, const char *data, size_t len)
{
    char tmp[PATH_MAX + 128];
    snprintf(tmp, sizeof tmp, "%s.part", path);

    FILE *f = fopen(tmp, "wb");
    if (!f) {
        log_error("store", "cannot write %s: %s", tmp, strerror(errno));
        return -1;
    }
    bool ok = fwrite(data, 1, len, f) == len && fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) < 0) {
        log_error("store", "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

static char *read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;

    char *data = malloc(max + 1);
    size_t n = data ? fread(data, 1, max + 1, f) : 0;
    fclose(f);
    if (!data || n > max) {
        free(data);
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

static int64_t current_version(struct store *s)
{
    char buf[32];

    if (store_get_state(s, "current_version", buf, sizeof buf) < 0)
        return 0;
    return strtoll(buf, NULL, 10);
}

static int lookup_bundle(struct store *s, int64_t version, char sha[65])
{
    sqlite3_stmt *st;
    int found = -1;

    if (sqlite3_prepare_v2(s->db, "SELECT manifest_sha256 FROM bundles WHERE version = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, version);
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(sha, 65, "%s", (const char *)sqlite3_column_text(st, 0));
        found = 0;
    }
    sqlite3_finalize(st);
    return found;
}

static int record_bundle(struct store *s, int64_t version, const char *sha,
                         const char *source)
{
    sqlite3_stmt *st;
    char value[32];

    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT OR REPLACE INTO bundles VALUES (?, ?, ?, ?)", -1,
                           &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(st, 1, version);
    sqlite3_bind_text(st, 2, sha, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, wall_ms());
    sqlite3_bind_text(st, 4, source, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        goto fail;

    snprintf(value, sizeof value, "%lld", (long long)version);
    if (store_set_state(s, "current_version", value) < 0)
        goto fail;
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    return 0;

fail:
    log_error("store", "cannot record bundle %lld: %s", (long long)version,
              sqlite3_errmsg(s->db));
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

static void remove_bundle_dir(struct store *s, int64_t version)
{
    char path[PATH_MAX + 96];

    snprintf(path, sizeof path, "%s/bundles/%lld/%s", s->dir, (long long)version,
             BUNDLE_MANIFEST);
    unlink(path);
    snprintf(path, sizeof path, "%s/bundles/%lld/%s", s->dir, (long long)version,
             BUNDLE_MEDIA_DIR);
    unlink(path);
    snprintf(path, sizeof path, "%s/bundles/%lld", s->dir, (long long)version);
    if (rmdir(path) < 0 && errno != ENOENT)
        log_warn("store", "cannot remove %s: %s", path, strerror(errno));
}

static bool media_in(const struct content *c, const char *sha)
{
    for (int i = 0; i < c->item_count; i++) {
        if (strcmp(c->items[i].media.sha256, sha) == 0)
            return true;
    }
    for (int i = 0; i < c->candidate_count; i++) {
        if (strcmp(c->candidates[i].photo.sha256, sha) == 0)
            return true;
    }
    return false;
}

/* Deletes media files no kept bundle refers to. */
static void prune_media(struct store *s, struct content **kept, int kept_count)
{
    char dir[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/media", s->dir);

    DIR *d = opendir(dir);
    if (!d)
        return;

    int removed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strlen(e->d_name) != 64)
            continue;

        bool used = false;
        for (int i = 0; i < kept_count && !used; i++)
            used = media_in(kept[i], e->d_name);
        if (used)
            continue;

        char path[PATH_MAX + 96];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (unlink(path) == 0)
            removed++;
    }
    closedir(d);
    if (removed)
        log_info("store", "removed %d media file(s) no kept version uses", removed);
}

/* Keeps the current version and the STORE_KEEP_BUNDLES newest others. */
static void prune(struct store *s)
{
    sqlite3_stmt *st;
    int64_t current = current_version(s);
    int64_t versions[64];
    int count = 0;

    if (sqlite3_prepare_v2(s->db,
                           "SELECT version FROM bundles ORDER BY version = ? DESC, "
                           "version DESC",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_int64(st, 1, current);
    while (count < 64 && sqlite3_step(st) == SQLITE_ROW)
        versions[count++] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);

    int keep = count < STORE_KEEP_BUNDLES + 1 ? count : STORE_KEEP_BUNDLES + 1;
    for (int i = keep; i < count; i++) {
        if (sqlite3_prepare_v2(s->db, "DELETE FROM bundles WHERE version = ?", -1, &st,
                               NULL) != SQLITE_OK)
            return;
        sqlite3_bind_int64(st, 1, versions[i]);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return;
        remove_bundle_dir(s, versions[i]);
        log_info("store", "removed old version %lld", (long long)versions[i]);
    }

    struct content *kept[STORE_KEEP_BUNDLES + 1];
    int loaded = 0;
    for (int i = 0; i < keep; i++) {
        char dir[PATH_MAX + 64];
        snprintf(dir, sizeof dir, "%s/bundles/%lld", s->dir, (long long)versions[i]);
        struct diag d;
        diag_init(&d);
        kept[loaded] = bundle_load(dir, BUNDLE_CHECK_NONE, &d);
        diag_clear(&d);
        /* Without every kept manifest, nothing is known to be unused. */
        if (!kept[loaded])
            break;
        loaded++;
    }
    if (loaded == keep)
        prune_media(s, kept, loaded);
    for (int i = 0; i < loaded; i++)
        content_free(kept[i]);
}

int store_import(struct store *s, const char *src_dir, struct diag *diag)
{
    struct content *c = bundle_load(src_dir, BUNDLE_CHECK_HASHES, diag);
    if (!c) {
        log_error("store", "not importing %s: %d problem(s) in the bundle", src_dir,
                  diag_error_count(diag));
        return -1;
    }

    int result = -1;
    char *manifest = NULL;
    char src_manifest[PATH_MAX + 32];
    snprintf(src_manifest, sizeof src_manifest, "%s/%s", src_dir, BUNDLE_MANIFEST);
    char sha[65];
    if (bundle_hash_file(src_manifest, sha) < 0)
        goto done;

    int64_t current = current_version(s);
    char known[65];
    if (lookup_bundle(s, c->version, known) == 0) {
        if (strcmp(known, sha) != 0) {
            diag_add(diag, DIAG_ERROR, src_manifest, 0, "version",
                     "version %lld was already imported with other content; "
                     "publish it under a new version", (long long)c->version);
            goto done;
        }
        if (c->version == current) {
            log_info("store", "version %lld is already current", (long long)current);
            result = 0;
            goto done;
        }
    }
    if (c->version < current)
        log_warn("store", "importing version %lld, older than the current %lld",
                 (long long)c->version, (long long)current);

    if (store_all_media(s, c) < 0)
        goto done;

    char dir[PATH_MAX + 64];
    snprintf(dir, sizeof dir, "%s/bundles/%lld", s->dir, (long long)c->version);
    if (make_dir(dir) < 0)
        goto done;

    char link_path[PATH_MAX + 80];
    snprintf(link_path, sizeof link_path, "%s/%s", dir, BUNDLE_MEDIA_DIR);
    if (symlink("../../media", link_path) < 0 && errno != EEXIST) {
        log_error("store", "cannot link %s: %s", link_path, strerror(errno));
        goto done;
    }

    size_t len;
    manifest = read_file(src_manifest, BUNDLE_MANIFEST_MAX_BYTES, &len);
    char dst_manifest[PATH_MAX + 96];
    snprintf(dst_manifest, sizeof dst_manifest, "%s/%s", dir, BUNDLE_MANIFEST);
    if (!manifest || write_file(dst_manifest, manifest, len) < 0)
        goto done;

    /* The copy must load on its own before it becomes current. */
    struct diag check;
    diag_init(&check);
    struct content *copy = bundle_load(dir, BUNDLE_CHECK_SIZES, &check);
    if (!copy) {
        for (int i = 0; i < check.count; i++)
            diag_add(diag, check.entries[i].severity, check.entries[i].file,
                     check.entries[i].line, check.entries[i].field, "%s",
                     check.entries[i].message);
    }
    diag_clear(&check);
    if (!copy)
        goto done;
    content_free(copy);

    if (record_bundle(s, c->version, sha, src_dir) < 0)
        goto done;
    log_info("store", "imported version %lld from %s", (long long)c->version, src_dir);
    prune(s);
    result = 0;

done:
    free(manifest);
    content_free(c);
    return result;
}

struct content *store_load_current(struct store *s)
{
    sqlite3_stmt *st;
    int64_t current = current_version(s);

    if (current <= 0)
        return NULL;

    /* The current version first, then older ones, newest first. */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT version FROM bundles ORDER BY version = ? DESC, "
                           "version DESC LIMIT ?",
                           -1, &st, NULL) != SQLITE_OK) {
        log_error("store", "cannot list bundles: %s", sqlite3_errmsg(s->db));
        return NULL;
    }
    sqlite3_bind_int64(st, 1, current);
    sqlite3_bind_int(st, 2, STORE_KEEP_BUNDLES + 1);

    struct content *c = NULL;
    while (!c && sqlite3_step(st) == SQLITE_ROW) {
        int64_t version = sqlite3_column_int64(st, 0);
        char dir[PATH_MAX + 64];
        snprintf(dir, sizeof dir, "%s/bundles/%lld", s->dir, (long long)version);

        struct diag d;
        diag_init(&d);
        c = bundle_load(dir, BUNDLE_CHECK_SIZES, &d);
        if (!c) {
            /* A damaged or lost media file costs only its items: the
             * scenes skip what they cannot open. */
            char line[512] = "unknown problem";
            if (d.count > 0)
                diag_format(&d.entries[0], line, sizeof line);
            diag_clear(&d);
            c = bundle_load(dir, BUNDLE_CHECK_NONE, &d);
            if (c)
                log_error("store", "stored version %lld has damaged media (%s): "
                          "playing the rest", (long long)version, line);
            else
                log_error("store", "stored version %lld is unreadable (%s), "
                          "trying an older one", (long long)version, line);
        }
        diag_clear(&d);
    }
    sqlite3_finalize(st);
    return c;
}

int64_t store_imported_ms(struct store *s)
{
    sqlite3_stmt *st;
    int64_t ms = 0;

    if (sqlite3_prepare_v2(s->db, "SELECT imported_ms FROM bundles WHERE version = ?", -1,
                           &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(st, 1, current_version(s));
    if (sqlite3_step(st) == SQLITE_ROW)
        ms = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return ms;
}

int store_set_state(struct store *s, const char *key, const char *value)
{
    sqlite3_stmt *st;

    if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO state VALUES (?, ?)", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        log_error("store", "cannot save %s: %s", key, sqlite3_errmsg(s->db));
        return -1;
    }
    return 0;
}

int store_get_state(struct store *s, const char *key, char *buf, int size)
{
    sqlite3_stmt *st;
    int found = -1;

    if (sqlite3_prepare_v2(s->db, "SELECT value FROM state WHERE key = ?", -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
        found = 0;
    }
    sqlite3_finalize(st);
    return found;
}

int store_set_exposure(struct store *s, const char *candidate_id, int64_t ms)
{
    sqlite3_stmt *st;

    if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO exposure VALUES (?, ?)", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, candidate_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, ms);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int64_t store_exposure_ms(struct store *s, const char *candidate_id)
{
    sqlite3_stmt *st;
    int64_t ms = 0;

    if (sqlite3_prepare_v2(s->db, "SELECT ms FROM exposure WHERE candidate_id = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, candidate_id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
        ms = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return ms;
}

int store_each_exposure(struct store *s,
                        void (*fn)(void *arg, const char *candidate_id, int64_t ms),
                        void *arg)
{
    sqlite3_stmt *st;

    if (sqlite3_prepare_v2(s->db, "SELECT candidate_id, ms FROM exposure", -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW)
        fn(arg, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    return 0;
}
