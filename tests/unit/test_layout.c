/* test_layout.c - unit tests for layout.c: band sizes at the usual
 * screen sizes, portrait, and that the bands tile the canvas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "scene.h"

/* Header, body and footer stack with no gap and no overlap. */
static void check_tiling(const struct layout *l)
{
    assert_int_equal(l->header.y, 0);
    assert_int_equal(l->body.y, l->header.y + l->header.h);
    assert_int_equal(l->footer.y, l->body.y + l->body.h);
    assert_int_equal(l->footer.y + l->footer.h, l->h);
    assert_int_equal(l->header.w, l->w);
    assert_int_equal(l->body.w, l->w);
    assert_int_equal(l->footer.w, l->w);
    assert_true(l->corner_qr.h >= l->footer.h);
    assert_true(l->corner_qr.y >= l->body.y + l->body.h / 2);
    assert_int_equal(l->corner_qr.x + l->corner_qr.w, l->w);
    assert_int_equal(l->corner_qr.y + l->corner_qr.h, l->h);
    assert_int_equal(l->corner_qr.w, l->corner_qr.h);
}

static void test_1080p(void **state)
{
    struct layout l;

    layout_compute(&l, 1920, 1080);
    assert_false(l.portrait);
    assert_true(l.unit_px > 1.079f && l.unit_px < 1.081f);
    assert_int_equal(l.header.h, 97);
    assert_int_equal(l.footer.h, 86);
    assert_int_equal(l.body.h, 1080 - 97 - 86);
    check_tiling(&l);
}

static void test_720p(void **state)
{
    struct layout l;

    layout_compute(&l, 1280, 720);
    assert_true(l.unit_px > 0.719f && l.unit_px < 0.721f);
    assert_int_equal(l.header.h, 65);
    assert_int_equal(l.footer.h, 58);
    check_tiling(&l);
}

static void test_portrait(void **state)
{
    struct layout l;

    layout_compute(&l, 1080, 1920);
    assert_true(l.portrait);
    assert_true(l.unit_px > 1.079f && l.unit_px < 1.081f);
    /* Bands scale with the short side, so the body gets the height. */
    assert_int_equal(l.header.h, 97);
    assert_int_equal(l.footer.h, 86);
    assert_int_equal(l.body.h, 1920 - 97 - 86);
    check_tiling(&l);
}

static void test_odd_sizes(void **state)
{
    struct layout l;

    layout_compute(&l, 1366, 768);
    check_tiling(&l);
    layout_compute(&l, 801, 601);
    check_tiling(&l);
    layout_compute(&l, 1000, 1000);
    assert_false(l.portrait);
    check_tiling(&l);
}

static void test_empty(void **state)
{
    struct layout l;

    layout_compute(&l, 0, 720);
    assert_int_equal(l.w, 0);
    assert_int_equal(l.body.h, 0);
    assert_true(l.unit_px == 0.0f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_1080p),
        cmocka_unit_test(test_720p),
        cmocka_unit_test(test_portrait),
        cmocka_unit_test(test_odd_sizes),
        cmocka_unit_test(test_empty),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
