/* test_bundle.c - unit tests for bundle.c: a complete valid bundle, and one
 * broken manifest per kind of problem, each diagnostic checked for its
 * exact file, line and field. Fixtures: tests/data/bundle/ (run from the
 * repository root, as tests/run.sh does). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bundle.h"
#include "tempdir.h"

#define DATA "tests/data/bundle"
#define HOUR_MS 3600000LL
#define DAY_MS (24 * HOUR_MS)

#define POSTER_SHA "59edf55565bcecb9dede3d708fcf92e81ada5391a064bc2bdba46b51fb529e15"
#define PHOTO_SHA "b18a054d212ab01bf04ed4386f2acdddeed134f51b0b56a385551147b684e9ff"

/* 2026-03-15 00:00 in Vietnam, 2026-03-14T17:00:00Z. */
#define ELECTION_DAY_MS 1773507600000LL

/* "Ủy ban bầu cử phường Hoa Sen", with Ủ as one code point. */
#define COMMISSION_NFC \
    "\xe1\xbb\xa6y ban b\xe1\xba\xa7u c\xe1\xbb\xad ph\xc6\xb0\xe1\xbb\x9dng Hoa Sen"

static struct content *load(const char *name, enum bundle_check check,
                            struct diag *d)
{
    char dir[256];

    snprintf(dir, sizeof dir, "%s/%s", DATA, name);
    diag_init(d);
    return bundle_load(dir, check, d);
}

/* Asserts that loading fixture name gives exactly one diagnostic, with
 * this severity, line and field, naming the fixture's manifest. */
static void expect_one(const char *name, enum bundle_check check,
                       enum diag_severity severity, int line, const char *field,
                       const char *words)
{
    struct diag d;
    char file[256];
    struct content *c = load(name, check, &d);

    snprintf(file, sizeof file, "%s/%s/manifest.json", DATA, name);
    if (d.count != 1) {
        for (int i = 0; i < d.count; i++) {
            char text[512];
            diag_format(&d.entries[i], text, sizeof text);
            print_message("%s\n", text);
        }
        fail_msg("%s: %d diagnostics, expected 1", name, d.count);
    }
    const struct diag_entry *e = &d.entries[0];
    assert_int_equal(e->severity, severity);
    assert_string_equal(e->file, file);
    assert_int_equal(e->line, line);
    if (field)
        assert_string_equal(e->field, field);
    else
        assert_null(e->field);
    assert_non_null(strstr(e->message, words));

    if (severity == DIAG_ERROR)
        assert_null(c);
    else
        assert_non_null(c);
    content_free(c);
    diag_clear(&d);
}

/* The valid bundle, packed from tests/data/bundle/source by bangtin-pack. */

static void valid_bundle_loads_without_diagnostics(void **state)
{
    struct diag d;
    struct content *c = load("valid", BUNDLE_CHECK_HASHES, &d);

    assert_non_null(c);
    assert_int_equal(d.count, 0);
    assert_string_equal(c->dir, DATA "/valid");
    assert_int_equal(c->version, 7);
    assert_int_equal(c->published_ms, ELECTION_DAY_MS - 14 * DAY_MS + 8 * HOUR_MS);
    assert_string_equal(c->commission, COMMISSION_NFC);
    assert_string_equal(c->feedback_url, "https://hoasen.example.vn/gop-y");
    assert_string_equal(c->zalo_url, "https://zalo.me/0000000000");
    assert_string_equal(c->zalo_name, "Ph\xc6\xb0\xe1\xbb\x9dng Hoa Sen");

    const struct election *e = &c->election;
    assert_string_equal(e->time_zone, "Asia/Ho_Chi_Minh");
    assert_int_equal(e->day_start_ms, ELECTION_DAY_MS);
    assert_int_equal(e->polls_open_ms, ELECTION_DAY_MS + 7 * HOUR_MS);
    assert_int_equal(e->polls_close_ms, ELECTION_DAY_MS + 19 * HOUR_MS);
    assert_int_equal(e->campaign_end_ms, ELECTION_DAY_MS + 7 * HOUR_MS - DAY_MS);
    content_free(c);
    diag_clear(&d);
}

static void valid_bundle_items(void **state)
{
    struct diag d;
    struct content *c = load("valid", BUNDLE_CHECK_HASHES, &d);
    const enum item_type types[] = {
        ITEM_COUNTDOWN, ITEM_IMAGE, ITEM_VIDEO, ITEM_NOTICE, ITEM_TIMELINE,
        ITEM_QR, ITEM_CANDIDATES, ITEM_PROFILES,
    };

    assert_non_null(c);
    assert_int_equal(c->item_count, 8);
    for (int i = 0; i < 8; i++)
        assert_int_equal(c->items[i].type, types[i]);

    /* Defaults on the countdown. */
    const struct item *count = &c->items[0];
    assert_string_equal(count->id, "countdown");
    assert_int_equal(count->klass, CLASS_OFFICIAL);
    assert_int_equal(count->duration_ms, 12000);
    assert_null(count->title);
    assert_int_equal(count->schedule.valid_from_ms, TIME_ALWAYS_MS);
    assert_int_equal(count->schedule.valid_until_ms, TIME_NEVER_MS);
    assert_int_equal(count->schedule.days, 0x7f);
    assert_int_equal(count->schedule.window_count, 0);
    assert_int_equal(count->notice, -1);
    assert_int_equal(count->unit, -1);

    /* The image: local instants, weekdays, a window across midnight. */
    const struct item *poster = &c->items[1];
    assert_int_equal(poster->klass, CLASS_CAMPAIGN);
    assert_int_equal(poster->duration_ms, 8500);
    assert_int_equal(poster->fit, FIT_COVER);
    assert_string_equal(poster->media.sha256, POSTER_SHA);
    assert_int_equal(poster->media.size, 74);
    assert_string_equal(poster->media.mime, "image/png");
    assert_string_equal(poster->media.path, DATA "/valid/media/" POSTER_SHA);
    assert_int_equal(access(poster->media.path, R_OK), 0);
    assert_int_equal(poster->schedule.valid_from_ms, ELECTION_DAY_MS - 14 * DAY_MS);
    assert_int_equal(poster->schedule.valid_until_ms,
                     ELECTION_DAY_MS - DAY_MS + 7 * HOUR_MS);
    assert_int_equal(poster->schedule.days, 0x3e);
    assert_int_equal(poster->schedule.window_count, 2);
    assert_int_equal(poster->schedule.windows[0].start_min, 360);
    assert_int_equal(poster->schedule.windows[0].end_min, 690);
    assert_int_equal(poster->schedule.windows[1].start_min, 1320);
    assert_int_equal(poster->schedule.windows[1].end_min, 120);
    assert_int_equal(poster->schedule.priority, 1);

    const struct item *clip = &c->items[2];
    assert_int_equal(clip->klass, CLASS_LOGISTICS);
    assert_string_equal(clip->media.mime, "video/mp4");
    assert_false(clip->audio);
    assert_int_equal(clip->volume, 60);
    assert_int_equal(clip->start_ms, 500);
    assert_int_equal(clip->max_ms, 30000);
    assert_int_equal(clip->loops, 2);
    assert_true(c->items[1].audio); /* the default */
    assert_int_equal(c->items[1].volume, 100);

    assert_int_equal(c->items[3].notice, 0);
    assert_int_equal(c->items[6].unit, 0);
    assert_int_equal(c->items[7].unit, 0);
    content_free(c);
    diag_clear(&d);
}

static void valid_bundle_lists(void **state)
{
    struct diag d;
    struct content *c = load("valid", BUNDLE_CHECK_HASHES, &d);

    assert_non_null(c);
    assert_int_equal(c->notice_count, 1);
    assert_true(c->notices[0].urgent);
    assert_int_equal(c->notices[0].from_ms, ELECTION_DAY_MS - DAY_MS);
    assert_int_equal(c->notices[0].until_ms, ELECTION_DAY_MS + 19 * HOUR_MS);
    assert_int_equal(c->notices[0].duration_ms, 25000);
    assert_int_equal(c->notices[0].repeat_ms, 600000);

    assert_int_equal(c->milestone_count, 3);
    assert_int_equal(c->milestones[0].at_ms, ELECTION_DAY_MS - 23 * DAY_MS);
    assert_int_equal(c->milestones[0].until_ms, TIME_NEVER_MS);
    assert_null(c->milestones[0].detail);
    assert_int_equal(c->milestones[1].until_ms, ELECTION_DAY_MS + 7 * HOUR_MS);
    assert_non_null(c->milestones[1].detail);

    /* The unit lists b, a, c: its order is the official one. */
    assert_int_equal(c->unit_count, 1);
    const struct unit *u = &c->units[0];
    assert_int_equal(u->number, 1);
    assert_int_equal(u->seats, 2);
    assert_int_equal(u->candidate_count, 3);
    assert_int_equal(u->candidates[0], 1);
    assert_int_equal(u->candidates[1], 0);
    assert_int_equal(u->candidates[2], 2);

    assert_int_equal(c->candidate_count, 3);
    const struct candidate *a = &c->candidates[0];
    const struct candidate *b = &c->candidates[1];
    assert_int_equal(a->unit, 0);
    assert_int_equal(b->unit, 0);
    assert_int_equal(a->gender, GENDER_FEMALE);
    assert_int_equal(b->gender, GENDER_MALE);
    assert_null(a->other_name);
    assert_string_equal(b->other_name, "Khang \xc4\x90\x65n");
    assert_string_equal(b->middle_name, "");
    assert_string_equal(b->hometown, "");
    assert_string_equal(a->birth_date, "1982-04-09");
    assert_string_equal(a->party_joined, "2008-05-19");
    assert_null(c->candidates[2].party_joined);
    assert_true(a->sitting_deputy);
    assert_false(b->sitting_deputy);
    assert_string_equal(a->education_general, "12/12");
    assert_string_equal(a->foreign_languages, "Ti\xe1\xba\xbfng Anh B2");
    assert_string_equal(a->photo.sha256, PHOTO_SHA);
    assert_int_equal(b->photo.sha256[0], '\0');
    assert_null(b->photo.path);

    assert_true(c->results.present);
    assert_true(c->results.turnout_pct > 98.5 && c->results.turnout_pct < 98.7);
    assert_int_equal(c->results.voters_total, 12000);
    assert_int_equal(c->results.voters_voted, 11832);
    assert_int_equal(c->results.elected_count, 1);
    assert_int_equal(c->results.elected[0].unit, 0);
    content_free(c);
    diag_clear(&d);
}

static void minimal_uses_defaults(void **state)
{
    struct diag d;
    struct content *c = load("minimal", BUNDLE_CHECK_HASHES, &d);

    assert_non_null(c);
    assert_int_equal(d.count, 0);
    assert_string_equal(c->election.time_zone, "Asia/Ho_Chi_Minh");
    assert_int_equal(c->election.day_start_ms, ELECTION_DAY_MS);
    assert_int_equal(c->election.polls_open_ms, ELECTION_DAY_MS + 7 * HOUR_MS);
    assert_int_equal(c->election.polls_close_ms, ELECTION_DAY_MS + 19 * HOUR_MS);
    assert_int_equal(c->items[0].duration_ms, 15000);
    assert_int_equal(c->notices[0].duration_ms, 20000);
    assert_int_equal(c->notices[0].repeat_ms, 300000);
    assert_false(c->notices[0].urgent);
    assert_int_equal(c->milestone_count, 0);
    assert_false(c->results.present);
    content_free(c);
    diag_clear(&d);
}

static void decomposed_text_is_stored_nfc(void **state)
{
    struct diag d;
    struct content *c = load("nfc", BUNDLE_CHECK_SIZES, &d);

    assert_non_null(c);
    assert_int_equal(d.count, 0);
    assert_string_equal(c->commission, COMMISSION_NFC);
    content_free(c);
    diag_clear(&d);
}

/* One fixture per kind of problem. */

static void json_syntax_error(void **state)
{
    /* The comma is missing at the end of line 3; cJSON stops on line 4. */
    expect_one("syntax", BUNDLE_CHECK_HASHES, DIAG_ERROR, 4, NULL,
               "end of line 3");
}

static void missing_required_field(void **state)
{
    /* A missing key is reported at its parent object's line. */
    expect_one("missing-field", BUNDLE_CHECK_HASHES, DIAG_ERROR, 6, "election.name",
               "missing");
}

static void wrong_type(void **state)
{
    expect_one("wrong-type", BUNDLE_CHECK_HASHES, DIAG_ERROR, 3, "version",
               "whole number");
}

static void bad_instant(void **state)
{
    expect_one("bad-instant", BUNDLE_CHECK_HASHES, DIAG_ERROR, 4, "published_at",
               "date and time");
}

static void unknown_item_type(void **state)
{
    expect_one("unknown-type", BUNDLE_CHECK_HASHES, DIAG_ERROR, 29, "playlist[0].type",
               "\"slideshow\"");
}

static void duplicate_id(void **state)
{
    expect_one("duplicate-id", BUNDLE_CHECK_HASHES, DIAG_ERROR, 31, "playlist[2].id",
               "duplicate id \"count\"");
}

static void dangling_notice_and_unit(void **state)
{
    struct diag d;
    struct content *c = load("dangling-ref", BUNDLE_CHECK_HASHES, &d);

    /* Both are found in the same pass. */
    assert_null(c);
    assert_int_equal(d.count, 2);
    assert_string_equal(d.entries[0].file, DATA "/dangling-ref/manifest.json");
    assert_int_equal(d.entries[0].line, 30);
    assert_string_equal(d.entries[0].field, "playlist[1].notice");
    assert_non_null(strstr(d.entries[0].message, "\"n9\""));
    assert_int_equal(d.entries[1].line, 31);
    assert_string_equal(d.entries[1].field, "playlist[2].unit");
    assert_non_null(strstr(d.entries[1].message, "\"u9\""));
    diag_clear(&d);
}

static void polls_close_before_open(void **state)
{
    expect_one("polls-order", BUNDLE_CHECK_HASHES, DIAG_ERROR, 10,
               "election.polls_close", "close after");
}

static void campaign_end_after_polls_open(void **state)
{
    expect_one("campaign-end", BUNDLE_CHECK_HASHES, DIAG_ERROR, 9,
               "election.campaign_end", "2026-03-15T07:00:00+07:00");
}

static void media_file_missing(void **state)
{
    expect_one("media-missing", BUNDLE_CHECK_SIZES, DIAG_ERROR, 31,
               "playlist[1].media", "No such file");
}

static void media_size_mismatch(void **state)
{
    expect_one("media-size", BUNDLE_CHECK_SIZES, DIAG_ERROR, 31, "playlist[1].media",
               "is 74 bytes, the manifest says 75");
}

static void media_hash_mismatch(void **state)
{
    struct diag d;
    struct content *c = load("media-hash", BUNDLE_CHECK_SIZES, &d);

    /* Only the slow check reads the file. */
    assert_non_null(c);
    assert_int_equal(d.count, 0);
    content_free(c);
    diag_clear(&d);

    expect_one("media-hash", BUNDLE_CHECK_HASHES, DIAG_ERROR, 31, "playlist[1].media",
               "has SHA-256 " POSTER_SHA);
}

static void invalid_utf8(void **state)
{
    expect_one("invalid-utf8", BUNDLE_CHECK_HASHES, DIAG_ERROR, 16, NULL, "UTF-8");
}

static void empty_playlist(void **state)
{
    expect_one("empty-playlist", BUNDLE_CHECK_HASHES, DIAG_ERROR, 28, "playlist",
               "empty");
}

static void unknown_key_is_a_warning(void **state)
{
    expect_one("unknown-key", BUNDLE_CHECK_HASHES, DIAG_WARNING, 29,
               "playlist[0].durration_s", "unknown field");
}

static void unsupported_format(void **state)
{
    expect_one("format", BUNDLE_CHECK_HASHES, DIAG_ERROR, 2, "format",
               "unsupported format 2");
}

static void manifest_missing(void **state)
{
    expect_one("no-manifest", BUNDLE_CHECK_HASHES, DIAG_ERROR, 0, NULL,
               "No such file");
}

/* Fixtures made on the fly: a byte order mark, and an oversized file. */

static char *temp_bundle(const char *prefix, const char *text, size_t len,
                         size_t pad)
{
    char tmpl[256];
    char path[300];
    char *dir = temp_dir(tmpl, sizeof tmpl, "bundle");

    assert_non_null(dir);
    snprintf(path, sizeof path, "%s/manifest.json", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(prefix, f);
    fwrite(text, 1, len, f);
    for (size_t i = 0; i < pad; i++)
        fputc(' ', f);
    fclose(f);
    return strdup(dir);
}

static void remove_temp_bundle(char *dir)
{
    char path[300];

    snprintf(path, sizeof path, "%s/manifest.json", dir);
    unlink(path);
    rmdir(dir);
    free(dir);
}

static char *read_fixture(const char *name, size_t *len)
{
    char path[256];

    snprintf(path, sizeof path, "%s/%s/manifest.json", DATA, name);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *text = malloc(64 * 1024);
    assert_non_null(text);
    *len = fread(text, 1, 64 * 1024, f);
    fclose(f);
    return text;
}

static void byte_order_mark_is_accepted(void **state)
{
    size_t len;
    char *text = read_fixture("minimal", &len);
    char *dir = temp_bundle("\xEF\xBB\xBF", text, len, 0);
    struct diag d;

    diag_init(&d);
    struct content *c = bundle_load(dir, BUNDLE_CHECK_HASHES, &d);
    assert_non_null(c);
    assert_int_equal(d.count, 0);
    content_free(c);
    diag_clear(&d);
    remove_temp_bundle(dir);
    free(text);
}

static void oversized_manifest(void **state)
{
    size_t len;
    char *text = read_fixture("minimal", &len);
    char *dir = temp_bundle("", text, len, BUNDLE_MANIFEST_MAX_BYTES);
    struct diag d;

    diag_init(&d);
    struct content *c = bundle_load(dir, BUNDLE_CHECK_HASHES, &d);
    assert_null(c);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.entries[0].line, 0);
    assert_non_null(strstr(d.entries[0].message, "larger than"));
    diag_clear(&d);
    remove_temp_bundle(dir);
    free(text);
}

/* bundle_parse: the same checks on text in memory, which need not end in
 * a NUL; diagnostics still name <dir>/manifest.json. */
static void parse_from_memory(void **state)
{
    size_t len;
    char *text = read_fixture("valid", &len);
    char *copy = malloc(len);
    struct diag d;

    assert_non_null(copy);
    memcpy(copy, text, len);
    diag_init(&d);
    struct content *c = bundle_parse(copy, len, DATA "/valid", BUNDLE_CHECK_HASHES, &d);
    assert_non_null(c);
    assert_int_equal(d.count, 0);
    assert_string_equal(c->commission, COMMISSION_NFC);
    content_free(c);

    /* Cut short: a syntax error on the file's name and last line. */
    c = bundle_parse(copy, len / 2, DATA "/valid", BUNDLE_CHECK_SIZES, &d);
    assert_null(c);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.entries[0].file, DATA "/valid/manifest.json");
    assert_true(d.entries[0].line > 1);
    diag_clear(&d);

    c = bundle_parse(copy, BUNDLE_MANIFEST_MAX_BYTES + 1, DATA "/valid",
                     BUNDLE_CHECK_SIZES, &d);
    assert_null(c);
    assert_non_null(strstr(d.entries[0].message, "larger than"));
    diag_clear(&d);
    free(copy);
    free(text);
}

static void item_type_names(void **state)
{
    assert_string_equal(item_type_name(ITEM_COUNTDOWN), "countdown");
    assert_string_equal(item_type_name(ITEM_PROFILES), "profiles");
    assert_string_equal(item_type_name(ITEM_TYPE_COUNT), "unknown");
    content_free(NULL);
}

static void hash_of_a_file(void **state)
{
    char hex[65];

    assert_int_equal(bundle_hash_file(DATA "/source/poster.png", hex), 0);
    assert_string_equal(hex, POSTER_SHA);
    assert_int_equal(bundle_hash_file(DATA "/no-manifest/nothing.png", hex), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_bundle_loads_without_diagnostics),
        cmocka_unit_test(parse_from_memory),
        cmocka_unit_test(valid_bundle_items),
        cmocka_unit_test(valid_bundle_lists),
        cmocka_unit_test(minimal_uses_defaults),
        cmocka_unit_test(decomposed_text_is_stored_nfc),
        cmocka_unit_test(json_syntax_error),
        cmocka_unit_test(missing_required_field),
        cmocka_unit_test(wrong_type),
        cmocka_unit_test(bad_instant),
        cmocka_unit_test(unknown_item_type),
        cmocka_unit_test(duplicate_id),
        cmocka_unit_test(dangling_notice_and_unit),
        cmocka_unit_test(polls_close_before_open),
        cmocka_unit_test(campaign_end_after_polls_open),
        cmocka_unit_test(media_file_missing),
        cmocka_unit_test(media_size_mismatch),
        cmocka_unit_test(media_hash_mismatch),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(empty_playlist),
        cmocka_unit_test(unknown_key_is_a_warning),
        cmocka_unit_test(unsupported_format),
        cmocka_unit_test(manifest_missing),
        cmocka_unit_test(byte_order_mark_is_accepted),
        cmocka_unit_test(oversized_manifest),
        cmocka_unit_test(item_type_names),
        cmocka_unit_test(hash_of_a_file),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
