/* test_store.c - the device store: import, refusal keeps what plays,
 * versions, pruning, damaged media, state and exposure totals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "bundle.h"
#include "store.h"
#include "tempdir.h"

struct fixture {
    char root[64];
    char data[128];
};

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Makes <root>/<name>/ a bundle of `version` with one picture whose bytes
 * are `payload`. Returns the picture's SHA-256 in sha. */
static void make_bundle(struct fixture *f, const char *name, int version,
                        const char *payload, char sha[65])
{
    char dir[256], media[300], path[400], tmp[400];

    snprintf(dir, sizeof dir, "%s/%s", f->root, name);
    mkdir(dir, 0755);
    snprintf(media, sizeof media, "%s/media", dir);
    mkdir(media, 0755);

    snprintf(tmp, sizeof tmp, "%s/picture", media);
    write_text(tmp, payload);
    assert_int_equal(bundle_hash_file(tmp, sha), 0);
    snprintf(path, sizeof path, "%s/%s", media, sha);
    assert_int_equal(rename(tmp, path), 0);

    char manifest[4096];
    snprintf(manifest, sizeof manifest,
             "{\"format\": 1, \"version\": %d,\n"
             " \"published_at\": \"2026-03-01T08:00:00+07:00\",\n"
             " \"commission\": \"Ủy ban bầu cử phường Hoa Sen\",\n"
             " \"election\": {\"name\": \"Bầu cử\", \"day\": \"2026-03-15\"},\n"
             " \"links\": {\"feedback_url\": \"https://hoasen.example.vn/gop-y\",\n"
             "   \"zalo_oa_url\": \"https://zalo.me/0\", \"zalo_oa_name\": \"Hoa Sen\"},\n"
             " \"playlist\": [{\"id\": \"count\", \"type\": \"countdown\"},\n"
             "   {\"id\": \"pic\", \"type\": \"image\", \"media\": {\"sha256\": \"%s\",\n"
             "    \"size\": %zu, \"type\": \"image/png\"}}]}\n",
             version, sha, strlen(payload));
    snprintf(path, sizeof path, "%s/manifest.json", dir);
    write_text(path, manifest);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(temp_dir(f->root, sizeof f->root, "store"));
    snprintf(f->data, sizeof f->data, "%s/data", f->root);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static char *bundle_path(struct fixture *f, const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", f->root, name);
    return path;
}

static int64_t current(struct store *s)
{
    struct content *c = store_load_current(s);
    int64_t v = c ? c->version : 0;
    content_free(c);
    return v;
}

static void empty_store_has_no_content(void **state)
{
    struct fixture *f = *state;
    struct store *s = store_open(f->data);
    assert_non_null(s);
    assert_null(store_load_current(s));
    assert_int_equal(store_imported_ms(s), 0);
    store_close(s);
}

static void import_then_reopen(void **state)
{
    struct fixture *f = *state;
    char sha[65];
    struct diag d;
    diag_init(&d);
    make_bundle(f, "v5", 5, "picture five", sha);

    struct store *s = store_open(f->data);
    assert_int_equal(store_import(s, bundle_path(f, "v5"), &d), 0);
    assert_int_equal(d.count, 0);
    store_close(s);

    /* The USB stick is gone: the copy in the store plays. */
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", bundle_path(f, "v5"));
    assert_int_equal(system(cmd), 0);

    s = store_open(f->data);
    assert_int_equal(current(s), 5);
    assert_true(store_imported_ms(s) > 0);

    /* Importing the same version again changes nothing. */
    make_bundle(f, "v5", 5, "picture five", sha);
    assert_int_equal(store_import(s, bundle_path(f, "v5"), &d), 0);
    assert_int_equal(current(s), 5);
    store_close(s);
    diag_clear(&d);
}

static void refused_bundle_keeps_current(void **state)
{
    struct fixture *f = *state;
    char sha[65];
    struct diag d;
    diag_init(&d);
    make_bundle(f, "v5", 5, "picture five", sha);
    make_bundle(f, "v6", 6, "picture six", sha);

    /* Damage v6's picture after it was named: a hash mismatch. */
    char path[400];
    snprintf(path, sizeof path, "%s/v6/media/%s", f->root, sha);
    write_text(path, "picture 6!!");

    struct store *s = store_open(f->data);
    assert_int_equal(store_import(s, bundle_path(f, "v5"), &d), 0);
    assert_int_equal(store_import(s, bundle_path(f, "v6"), &d), -1);
    assert_true(diag_error_count(&d) > 0);
    assert_non_null(strstr(d.entries[0].message, "SHA-256"));
    assert_int_equal(current(s), 5);
    store_close(s);
    diag_clear(&d);
}

static void same_version_other_content_refused(void **state)
{
    struct fixture *f = *state;
    char sha[65];
    struct diag d;
    diag_init(&d);
    make_bundle(f, "a", 7, "one picture", sha);
    make_bundle(f, "b", 7, "another picture", sha);

    struct store *s = store_open(f->data);
    assert_int_equal(store_import(s, bundle_path(f, "a"), &d), 0);
    assert_int_equal(store_import(s, bundle_path(f, "b"), &d), -1);
    assert_string_equal(d.entries[0].field, "version");
    store_close(s);
    diag_clear(&d);
}

static void old_versions_and_media_are_pruned(void **state)
{
    struct fixture *f = *state;
    char shas[8][65];
    struct diag d;
    diag_init(&d);

    struct store *s = store_open(f->data);
    for (int v = 1; v <= 6; v++) {
        char name[16], payload[32];
        snprintf(name, sizeof name, "v%d", v);
        snprintf(payload, sizeof payload, "picture %d", v);
        make_bundle(f, name, v, payload, shas[v]);
        assert_int_equal(store_import(s, bundle_path(f, name), &d), 0);
    }
    assert_int_equal(current(s), 6);

    /* Versions 3..6 stay with their pictures; 1 and 2 are gone. */
    for (int v = 1; v <= 6; v++) {
        char path[300];
        struct stat st;
        snprintf(path, sizeof path, "%s/media/%s", f->data, shas[v]);
        assert_int_equal(stat(path, &st) == 0, v >= 3);
        snprintf(path, sizeof path, "%s/bundles/%d", f->data, v);
        assert_int_equal(stat(path, &st) == 0, v >= 3);
    }
    store_close(s);
    diag_clear(&d);
}

static void lost_media_still_plays_the_rest(void **state)
{
    struct fixture *f = *state;
    char sha[65];
    struct diag d;
    diag_init(&d);
    make_bundle(f, "v5", 5, "picture five", sha);

    struct store *s = store_open(f->data);
    assert_int_equal(store_import(s, bundle_path(f, "v5"), &d), 0);

    char path[300];
    snprintf(path, sizeof path, "%s/media/%s", f->data, sha);
    assert_int_equal(unlink(path), 0);

    struct content *c = store_load_current(s);
    assert_non_null(c);
    assert_int_equal(c->version, 5);
    assert_int_equal(c->item_count, 2);
    content_free(c);
    store_close(s);
    diag_clear(&d);
}

static void state_and_exposure(void **state)
{
    struct fixture *f = *state;
    struct store *s = store_open(f->data);
    char buf[32];

    assert_int_equal(store_get_state(s, "rotation:x", buf, sizeof buf), -1);
    assert_int_equal(store_set_state(s, "rotation:x", "3"), 0);
    assert_int_equal(store_get_state(s, "rotation:x", buf, sizeof buf), 0);
    assert_string_equal(buf, "3");

    assert_int_equal(store_exposure_ms(s, "c1"), 0);
    assert_int_equal(store_set_exposure(s, "c1", 15000), 0);
    assert_int_equal(store_set_exposure(s, "c1", 30000), 0);
    store_close(s);

    s = store_open(f->data);
    assert_int_equal(store_exposure_ms(s, "c1"), 30000);
    store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(empty_store_has_no_content, setup, teardown),
        cmocka_unit_test_setup_teardown(import_then_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(refused_bundle_keeps_current, setup, teardown),
        cmocka_unit_test_setup_teardown(same_version_other_content_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(old_versions_and_media_are_pruned, setup, teardown),
        cmocka_unit_test_setup_teardown(lost_media_still_plays_the_rest, setup, teardown),
        cmocka_unit_test_setup_teardown(state_and_exposure, setup, teardown),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
