/* test_input.c - taps and swipes from raw presses, --events scripts, and
 * touches landing where the picture is in every rotation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "display.h"
#include "input.h"
#include "script.h"
#include "tempdir.h"

static void tap_and_swipe(void **state)
{
    struct gesture g;
    struct input_event ev;
    gesture_init(&g, 40);

    gesture_down(&g, 100, 100);
    gesture_move(&g, 110, 95);
    assert_true(gesture_up(&g, 110, 95, &ev));
    assert_int_equal(ev.kind, INPUT_TAP);
    assert_int_equal(ev.x, 100);
    assert_int_equal(ev.y, 100);

    gesture_down(&g, 800, 500);
    assert_true(gesture_up(&g, 300, 520, &ev));
    assert_int_equal(ev.kind, INPUT_SWIPE);
    assert_int_equal(ev.x2, 300);
}

static void second_finger_cancels(void **state)
{
    struct gesture g;
    struct input_event ev;
    gesture_init(&g, 40);

    /* A palm: several fingers land and lift. Nothing is reported. */
    gesture_down(&g, 100, 100);
    gesture_down(&g, 140, 120);
    gesture_down(&g, 180, 110);
    assert_false(gesture_up(&g, 100, 100, &ev));
    assert_false(gesture_up(&g, 140, 120, &ev));
    assert_false(gesture_up(&g, 180, 110, &ev));

    /* The next single touch works again. */
    gesture_down(&g, 300, 300);
    assert_true(gesture_up(&g, 300, 300, &ev));
    assert_int_equal(ev.kind, INPUT_TAP);

    /* A lift with nothing down is ignored. */
    assert_false(gesture_up(&g, 1, 1, &ev));
}

static void key_names(void **state)
{
    assert_int_equal(input_key_from_name("left"), KEY_LEFT);
    assert_int_equal(input_key_from_name("ENTER"), KEY_ENTER);
    assert_int_equal(input_key_from_name("esc"), KEY_BACK);
    assert_int_equal(input_key_from_name("backspace"), KEY_BACK);
    assert_int_equal(input_key_from_name("f13"), KEY_NONE);
}

static char *write_temp(const char *text)
{
    static char path[64];
    int fd = temp_file(path, sizeof path, "events");
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static void script_reads_in_time_order(void **state)
{
    char *path = write_temp("# a session\n"
                            "5 key back\n"
                            "1.5 tap 960 540\n"
                            "\n"
                            "3 swipe 1500 500 300 500\n"
                            "5 key enter\n");
    struct diag d;
    diag_init(&d);
    struct script *s = script_load(path, &d);
    assert_non_null(s);
    assert_int_equal(d.count, 0);
    assert_int_equal(s->count, 4);
    assert_int_equal(s->events[0].at_ms, 1500);
    assert_int_equal(s->events[0].ev.kind, INPUT_TAP);
    assert_int_equal(s->events[1].ev.kind, INPUT_SWIPE);
    assert_int_equal(s->events[1].ev.y2, 500);
    /* Same time: the file's order. */
    assert_int_equal(s->events[2].ev.key, KEY_BACK);
    assert_int_equal(s->events[3].ev.key, KEY_ENTER);
    script_free(s);
    unlink(path);
}

static void script_errors_name_the_line(void **state)
{
    char *path = write_temp("1 tap 10 10\n"
                            "x tap 1 1\n"
                            "2 tap 10\n"
                            "3 key f13\n"
                            "4 jump 1 2\n");
    struct diag d;
    diag_init(&d);
    assert_null(script_load(path, &d));
    assert_int_equal(d.count, 4);
    assert_int_equal(d.entries[0].line, 2);
    assert_int_equal(d.entries[1].line, 3);
    assert_int_equal(d.entries[2].line, 4);
    assert_int_equal(d.entries[3].line, 5);
    assert_string_equal(d.entries[0].file, path);
    diag_clear(&d);
    unlink(path);
}

/* A panel of 1920x1080 turned by rotation: where does a finger landing
 * on the panel's pixel (px, py) fall on the upright canvas? */
static void map(int rotation, int px, int py, int *cx, int *cy)
{
    struct display d;
    memset(&d, 0, sizeof d);
    d.out_w = 1920;
    d.out_h = 1080;
    d.rotation = rotation;
    display_to_canvas(&d, px, py, cx, cy);
}

static void touch_follows_rotation(void **state)
{
    int cx, cy;

    map(0, 10, 20, &cx, &cy);
    assert_int_equal(cx, 10);
    assert_int_equal(cy, 20);

    /* Turned 90 degrees clockwise: the canvas's top-left corner is at the
     * panel's top-right. */
    map(90, 1919, 0, &cx, &cy);
    assert_int_equal(cx, 0);
    assert_int_equal(cy, 0);
    map(90, 0, 1079, &cx, &cy);
    assert_int_equal(cx, 1079);
    assert_int_equal(cy, 1919);

    map(180, 0, 0, &cx, &cy);
    assert_int_equal(cx, 1919);
    assert_int_equal(cy, 1079);

    /* Turned 270: the canvas's top-left is at the panel's bottom-left. */
    map(270, 0, 1079, &cx, &cy);
    assert_int_equal(cx, 0);
    assert_int_equal(cy, 0);
    map(270, 1919, 0, &cx, &cy);
    assert_int_equal(cx, 1079);
    assert_int_equal(cy, 1919);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tap_and_swipe),
        cmocka_unit_test(second_finger_cancels),
        cmocka_unit_test(key_names),
        cmocka_unit_test(script_reads_in_time_order),
        cmocka_unit_test(script_errors_name_the_line),
        cmocka_unit_test(touch_follows_rotation),
    };
    return cmocka_run_group_tests_name("input", tests, NULL, NULL);
}
