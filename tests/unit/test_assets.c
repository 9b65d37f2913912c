/* test_assets.c - unit tests for assets.c: one load per path or text,
 * sweeps free what was not used, failed loads are not retried. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL_image.h>
#include <cmocka.h>

#include "assets.h"
#include "image.h"
#include "qr.h"
#include "tempdir.h"

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct assets *assets;
    char dir[64];
    char red[128], blue[128], late[128];
};

static void save_color(const char *path, Uint8 r, Uint8 g, Uint8 b)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 4, 4, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_FillRect(s, NULL, SDL_MapRGB(s->format, r, g, b));
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);

    assert_non_null(f);
    assert_int_equal(SDL_Init(0), 0);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    assert_non_null(f->renderer);
    f->assets = assets_create(f->renderer, 2048);
    assert_non_null(f->assets);

    assert_non_null(temp_dir(f->dir, sizeof f->dir, "assets"));
    snprintf(f->red, sizeof f->red, "%s/red.png", f->dir);
    snprintf(f->blue, sizeof f->blue, "%s/blue.png", f->dir);
    snprintf(f->late, sizeof f->late, "%s/late.png", f->dir);
    save_color(f->red, 255, 0, 0);
    save_color(f->blue, 0, 0, 255);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    assets_destroy(f->assets);
    unlink(f->red);
    unlink(f->blue);
    unlink(f->late);
    rmdir(f->dir);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    IMG_Quit();
    SDL_Quit();
    return 0;
}

static Uint32 drawn_rgb(struct fixture *f, struct image *img)
{
    SDL_Rect dst = {0, 0, 64, 64};

    SDL_SetRenderDrawColor(f->renderer, 0, 0, 0, 255);
    SDL_RenderClear(f->renderer);
    assert_int_equal(image_draw(img, NULL, &dst), 0);
    SDL_RenderFlush(f->renderer);
    return ((const Uint32 *)f->surface->pixels)[0] & 0xffffff;
}

static void same_object_for_same_key(void **state)
{
    struct fixture *f = *state;

    struct image *red = assets_image(f->assets, f->red);
    assert_non_null(red);
    assert_ptr_equal(assets_image(f->assets, f->red), red);
    struct image *blue = assets_image(f->assets, f->blue);
    assert_non_null(blue);
    assert_ptr_not_equal(blue, red);
    assert_int_equal(drawn_rgb(f, red), 0xff0000);
    assert_int_equal(drawn_rgb(f, blue), 0x0000ff);

    struct qr *qr = assets_qr(f->assets, "https://baucu.example.vn/7");
    assert_non_null(qr);
    assert_ptr_equal(assets_qr(f->assets, "https://baucu.example.vn/7"), qr);
    /* A QR text equal to a path is a different asset. */
    assert_ptr_not_equal((void *)assets_qr(f->assets, f->red), (void *)red);
    assets_sweep(f->assets);
    assets_sweep(f->assets);
}

/* Files are rewritten green behind the cache's back: an asset still
 * cached draws its old colour, one reloaded after a sweep draws green. */
static void sweep_keeps_only_what_was_used(void **state)
{
    struct fixture *f = *state;

    assets_sweep(f->assets);
    assets_sweep(f->assets);
    struct image *red = assets_image(f->assets, f->red);
    assert_non_null(assets_image(f->assets, f->blue));
    assets_sweep(f->assets);
    save_color(f->red, 0, 255, 0);
    save_color(f->blue, 0, 255, 0);

    /* Only red is used during the next item; blue goes at the sweep. */
    assert_ptr_equal(assets_image(f->assets, f->red), red);
    assets_sweep(f->assets);
    assert_ptr_equal(assets_image(f->assets, f->red), red);
    assert_int_equal(drawn_rgb(f, red), 0xff0000);

    struct image *blue = assets_image(f->assets, f->blue);
    assert_non_null(blue);
    assert_int_equal(drawn_rgb(f, blue), 0x00ff00);

    save_color(f->red, 255, 0, 0);
    save_color(f->blue, 0, 0, 255);
}

static void failed_load_is_not_retried(void **state)
{
    struct fixture *f = *state;

    assert_null(assets_image(f->assets, f->late));

    /* The file appears, but the failure is remembered for a minute,
     * across sweeps too. */
    save_color(f->late, 0, 255, 0);
    assert_null(assets_image(f->assets, f->late));
    assets_sweep(f->assets);
    assets_sweep(f->assets);
    assert_null(assets_image(f->assets, f->late));

    /* Another asset is unaffected. */
    assert_non_null(assets_image(f->assets, f->red));
    assert_null(assets_qr(f->assets, NULL));
    assert_null(assets_image(NULL, f->red));
    assets_sweep(NULL);
    assets_destroy(NULL);
}

static void destroy_frees_loaded_assets(void **state)
{
    struct fixture *f = *state;
    struct assets *a = assets_create(f->renderer, 0);

    assert_non_null(a);
    assert_non_null(assets_image(a, f->red));
    assert_non_null(assets_qr(a, "Tổ bầu cử số 7"));
    /* Freed here; valgrind in `make valgrind` checks nothing leaks. */
    assets_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_object_for_same_key),
        cmocka_unit_test(sweep_keeps_only_what_was_used),
        cmocka_unit_test(failed_load_is_not_retried),
        cmocka_unit_test(destroy_frees_loaded_assets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
