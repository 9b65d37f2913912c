/* test_qr.c - unit tests for qr.c: codes drawn at screen size decode back
 * to their text with zbarimg, whole pixels per module, white quiet zone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL_image.h>
#include <cmocka.h>

#include "qr.h"

#define SURFACE_W 1920
#define SURFACE_H 1080

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    char png[64];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);

    assert_non_null(f);
    assert_int_equal(SDL_Init(0), 0);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, SURFACE_W, SURFACE_H, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    assert_non_null(f->renderer);
    snprintf(f->png, sizeof f->png, "/tmp/bangtin-test-qr-%ld.png", (long)getpid());
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    unlink(f->png);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    IMG_Quit();
    SDL_Quit();
    return 0;
}

/* A mid grey background, so the code's own white is told apart. */
static void clear(struct fixture *f)
{
    SDL_SetRenderDrawColor(f->renderer, 128, 128, 128, 255);
    SDL_RenderClear(f->renderer);
}

static Uint32 rgb(struct fixture *f, int x, int y)
{
    const Uint8 *row = (const Uint8 *)f->surface->pixels + y * f->surface->pitch;
    return ((const Uint32 *)row)[x] & 0xffffff;
}

static bool have_zbarimg(void)
{
    return system("command -v zbarimg >/dev/null 2>&1") == 0;
}

/* Decodes the surface with zbarimg; the text without the final newline
 * in out. Returns 0 or -1. */
static int decode(struct fixture *f, char *out, size_t size)
{
    char command[128];

    SDL_RenderFlush(f->renderer);
    if (IMG_SavePNG(f->surface, f->png) < 0)
        return -1;
    snprintf(command, sizeof command, "zbarimg --raw -q '%s' 2>/dev/null", f->png);

    FILE *p = popen(command, "r");
    if (!p)
        return -1;
    size_t n = fread(out, 1, size - 1, p);
    int status = pclose(p);
    out[n] = '\0';
    if (n > 0 && out[n - 1] == '\n')
        out[n - 1] = '\0';
    return status == 0 ? 0 : -1;
}

static void check_round_trip(struct fixture *f, const char *text, int side_px)
{
    char decoded[2048];
    struct qr *qr = qr_create(f->renderer, text);

    assert_non_null(qr);
    clear(f);
    int side = qr_draw(qr, 400, 20, side_px);
    assert_true(side > 0);
    assert_int_equal(decode(f, decoded, sizeof decoded), 0);
    assert_string_equal(decoded, text);
    qr_free(qr);
}

static void decodes_to_the_same_text(void **state)
{
    struct fixture *f = *state;
    char long_url[600];

    if (!have_zbarimg()) {
        print_message("zbarimg not found (package zbar-tools): cannot read "
                      "codes back, skipping\n");
        skip();
    }

    check_round_trip(f, "https://baucu.example.vn/to-bau-cu/7?lang=vi", 1000);
    check_round_trip(f, "Tổ bầu cử số 7 – Phường Bến Thành, Quận Một", 1000);

    size_t n = 0;
    n += (size_t)snprintf(long_url, sizeof long_url, "https://baucu.example.vn/ung-vien?");
    for (int i = 0; n + 16 < sizeof long_url; i++)
        n += (size_t)snprintf(long_url + n, sizeof long_url - n, "id%d=%d&", i, i * 7);
    check_round_trip(f, long_url, 1040);
}

static void whole_pixels_and_quiet_zone(void **state)
{
    struct fixture *f = *state;
    struct qr *qr = qr_create(f->renderer, "https://baucu.example.vn/7");

    assert_non_null(qr);
    int modules = qr_modules(qr);
    /* Version v has 17 + 4v modules a side, plus 4 quiet modules twice. */
    assert_true(modules >= 21 + 8);
    assert_int_equal((modules - 8 - 17) % 4, 0);

    clear(f);
    int side = qr_draw(qr, 100, 30, 1000);
    assert_int_equal(side % modules, 0);
    assert_true(side <= 1000 && side > 1000 - modules);
    SDL_RenderFlush(f->renderer);

    /* Centred in the square asked for. */
    int x0 = 100 + (1000 - side) / 2;
    int y0 = 30 + (1000 - side) / 2;
    assert_int_equal(rgb(f, x0 - 1, y0 + side / 2), 0x808080);
    assert_int_equal(rgb(f, x0 + side, y0 + side / 2), 0x808080);

    /* Crisp: only black and white; the 4-module border all white. */
    int scale = side / modules;
    int quiet = 4 * scale;
    for (int y = y0; y < y0 + side; y++) {
        for (int x = x0; x < x0 + side; x++) {
            Uint32 c = rgb(f, x, y);
            assert_true(c == 0xffffff || c == 0);
            bool border = x < x0 + quiet || x >= x0 + side - quiet ||
                          y < y0 + quiet || y >= y0 + side - quiet;
            if (border)
                assert_int_equal(c, 0xffffff);
        }
    }
    /* The finder pattern's corner module is dark. */
    assert_int_equal(rgb(f, x0 + quiet, y0 + quiet), 0);
    assert_int_equal(rgb(f, x0 + quiet + scale - 1, y0 + quiet + scale - 1), 0);
    qr_free(qr);
}

static void too_small_or_too_long(void **state)
{
    struct fixture *f = *state;
    struct qr *qr = qr_create(f->renderer, "https://baucu.example.vn/7");

    assert_non_null(qr);
    assert_int_equal(qr_draw(qr, 0, 0, qr_modules(qr) - 1), -1);
    assert_int_equal(qr_draw(qr, 0, 0, qr_modules(qr)), qr_modules(qr));
    qr_free(qr);

    char *huge = malloc(5000);
    assert_non_null(huge);
    memset(huge, 'a', 4999);
    huge[4999] = '\0';
    assert_null(qr_create(f->renderer, huge));
    free(huge);

    qr_free(NULL);
    assert_int_equal(qr_modules(NULL), 0);
    assert_int_equal(qr_draw(NULL, 0, 0, 100), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_to_the_same_text),
        cmocka_unit_test(whole_pixels_and_quiet_zone),
        cmocka_unit_test(too_small_or_too_long),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
