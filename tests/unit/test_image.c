/* test_image.c - unit tests for image.c: PNG, JPEG and WebP loading, tiles
 * for pictures past the texture limit, seamless drawing, bad files. */
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

#include "image.h"
#include "tempdir.h"

#define SURFACE_W 1000
#define SURFACE_H 400
#define STRIPE_PX 512
#define WEBP_FIXTURE "tests/data/image/halves.webp"

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    char dir[64];
};

static const SDL_Color BG = {7, 7, 7, 255};

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
    assert_non_null(temp_dir(f->dir, sizeof f->dir, "image"));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    const char *names[] = {"one.png", "wide.png", "huge.png", "corrupt.png",
                           "halves.jpg"};

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", f->dir, names[i]);
        unlink(path);
    }
    rmdir(f->dir);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    IMG_Quit();
    SDL_Quit();
    return 0;
}

static void path_of(struct fixture *f, const char *name, char *out, size_t size)
{
    snprintf(out, size, "%s/%s", f->dir, name);
}

static void clear(struct fixture *f)
{
    SDL_SetRenderDrawColor(f->renderer, BG.r, BG.g, BG.b, BG.a);
    SDL_RenderClear(f->renderer);
}

static SDL_Color pixel(struct fixture *f, int x, int y)
{
    SDL_Color c;
    const Uint8 *row = (const Uint8 *)f->surface->pixels + y * f->surface->pitch;

    SDL_GetRGBA(((const Uint32 *)row)[x], f->surface->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}

static bool near(SDL_Color c, int r, int g, int b, int tolerance)
{
    return abs(c.r - r) <= tolerance && abs(c.g - g) <= tolerance &&
           abs(c.b - b) <= tolerance;
}

/* The colour of picture pixel (x, y) in the striped test pictures: red
 * steps with each 512-pixel column band, green with each row band. */
static SDL_Color stripe_color(int x, int y)
{
    return (SDL_Color){(Uint8)(20 + (x / STRIPE_PX) * 11),
                       (Uint8)(40 + (y / STRIPE_PX) * 150), 200, 255};
}

/* The stripes as an 8-bit paletted PNG, which is quick to write. */
static void save_stripes(const char *path, int w, int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 8,
                                                    SDL_PIXELFORMAT_INDEX8);
    int cols = (w + STRIPE_PX - 1) / STRIPE_PX;
    int index = 0;

    assert_non_null(s);
    for (int y = 0; y < h; y += STRIPE_PX) {
        for (int x = 0; x < w; x += STRIPE_PX) {
            SDL_Color c = stripe_color(x, y);
            SDL_Rect r = {x, y, STRIPE_PX, STRIPE_PX};
            index = (y / STRIPE_PX) * cols + x / STRIPE_PX;
            assert_true(index < 256);
            assert_int_equal(SDL_SetPaletteColors(s->format->palette, &c, index, 1), 0);
            SDL_FillRect(s, &r, (Uint32)index);
        }
    }
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

/* Left half red, right half blue, paletted. */
static SDL_Surface *halves(int w, int h)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 8,
                                                    SDL_PIXELFORMAT_INDEX8);
    SDL_Color colors[2] = {{255, 0, 0, 255}, {0, 0, 255, 255}};

    assert_non_null(s);
    assert_int_equal(SDL_SetPaletteColors(s->format->palette, colors, 0, 2), 0);
    SDL_Rect right = {w / 2, 0, w - w / 2, h};
    SDL_FillRect(s, NULL, 0);
    SDL_FillRect(s, &right, 1);
    return s;
}

static void one_pixel_png(void **state)
{
    struct fixture *f = *state;
    char path[128];
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1, 1, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);

    assert_non_null(s);
    SDL_FillRect(s, NULL, SDL_MapRGB(s->format, 10, 200, 30));
    path_of(f, "one.png", path, sizeof path);
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);

    struct image *img = image_load(f->renderer, path, 2048);
    assert_non_null(img);
    int w = 0, h = 0;
    image_size(img, &w, &h);
    assert_int_equal(w, 1);
    assert_int_equal(h, 1);
    assert_int_equal(image_tile_count(img), 1);

    clear(f);
    SDL_Rect dst = {10, 10, 50, 50};
    assert_int_equal(image_draw(img, NULL, &dst), 0);
    SDL_RenderFlush(f->renderer);
    assert_true(near(pixel(f, 10, 10), 10, 200, 30, 0));
    assert_true(near(pixel(f, 59, 59), 10, 200, 30, 0));
    assert_true(near(pixel(f, 9, 30), BG.r, BG.g, BG.b, 0));
    assert_true(near(pixel(f, 60, 30), BG.r, BG.g, BG.b, 0));
    image_free(img);
}

static void wide_picture_is_tiled_without_seams(void **state)
{
    struct fixture *f = *state;
    char path[128];

    path_of(f, "wide.png", path, sizeof path);
    save_stripes(path, 10000, 800);

    struct image *img = image_load(f->renderer, path, 2048);
    assert_non_null(img);
    int w = 0, h = 0;
    image_size(img, &w, &h);
    assert_int_equal(w, 10000);
    assert_int_equal(h, 800);
    assert_int_equal(image_tile_count(img), 5);

    /* 1:1 across the tile edge at x = 2000: every column exact. */
    clear(f);
    SDL_Rect src = {1800, 100, 500, 200};
    SDL_Rect dst = {100, 50, 500, 200};
    assert_int_equal(image_draw(img, &src, &dst), 0);
    SDL_RenderFlush(f->renderer);
    for (int x = dst.x; x < dst.x + dst.w; x++) {
        SDL_Color want = stripe_color(src.x + x - dst.x, 150);
        assert_true(near(pixel(f, x, 150), want.r, want.g, want.b, 0));
    }
    assert_true(near(pixel(f, 99, 150), BG.r, BG.g, BG.b, 0));
    assert_true(near(pixel(f, 600, 150), BG.r, BG.g, BG.b, 0));

    /* Whole picture shrunk tenfold: no gap where tiles meet, and each
     * stripe keeps its colour in its middle. */
    clear(f);
    SDL_Rect small = {0, 100, 1000, 80};
    assert_int_equal(image_draw(img, NULL, &small), 0);
    SDL_RenderFlush(f->renderer);
    for (int x = 0; x < 1000; x++)
        assert_false(near(pixel(f, x, 140), BG.r, BG.g, BG.b, 0));
    for (int stripe = 0; stripe < 19; stripe++) {
        int x = (stripe * STRIPE_PX + STRIPE_PX / 2) / 10;
        SDL_Color want = stripe_color(stripe * STRIPE_PX, 0);
        assert_true(near(pixel(f, x, 140), want.r, want.g, want.b, 2));
    }
    assert_true(near(pixel(f, 500, 99), BG.r, BG.g, BG.b, 0));
    assert_true(near(pixel(f, 500, 180), BG.r, BG.g, BG.b, 0));
    image_free(img);

    /* Smaller tiles: a grid, and a source corner where four tiles meet. */
    img = image_load(f->renderer, path, 512);
    assert_non_null(img);
    assert_int_equal(image_tile_count(img), 20 * 2);
    clear(f);
    src = (SDL_Rect){900, 300, 300, 300};
    dst = (SDL_Rect){200, 50, 600, 300};
    assert_int_equal(image_draw(img, &src, &dst), 0);
    SDL_RenderFlush(f->renderer);
    struct { int x, y; } probes[] = {{210, 60}, {790, 60}, {210, 340}, {790, 340}};
    for (size_t i = 0; i < 4; i++) {
        int px = src.x + (probes[i].x - dst.x) * src.w / dst.w;
        int py = src.y + (probes[i].y - dst.y) * src.h / dst.h;
        SDL_Color want = stripe_color(px, py);
        assert_true(near(pixel(f, probes[i].x, probes[i].y), want.r, want.g,
                          want.b, 2));
    }
    for (int x = dst.x; x < dst.x + dst.w; x++) {
        for (int y = dst.y; y < dst.y + dst.h; y++)
            assert_false(near(pixel(f, x, y), BG.r, BG.g, BG.b, 0));
    }
    image_free(img);
}

static void texture_limit_zero_asks_the_renderer(void **state)
{
    struct fixture *f = *state;
    char path[128];
    SDL_RendererInfo info;

    path_of(f, "wide.png", path, sizeof path);
    assert_int_equal(SDL_GetRendererInfo(f->renderer, &info), 0);
    int limit = info.max_texture_width > 0 ? info.max_texture_width : 4096;

    struct image *img = image_load(f->renderer, path, 0);
    assert_non_null(img);
    assert_int_equal(image_tile_count(img), (10000 + limit - 1) / limit);
    image_free(img);
}

static void huge_picture_is_scaled_down(void **state)
{
    struct fixture *f = *state;
    char path[128];
    SDL_Surface *s = halves(9000, 4500);

    path_of(f, "huge.png", path, sizeof path);
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);

    struct image *img = image_load(f->renderer, path, 4096);
    assert_non_null(img);
    int w = 0, h = 0;
    image_size(img, &w, &h);
    assert_true((long)w * h <= IMAGE_MAX_PIXELS);
    assert_true(w >= 8900 && w < 9000);
    assert_true(abs(w - 2 * h) <= 2);

    clear(f);
    assert_int_equal(image_draw(img, NULL, NULL), 0);
    SDL_RenderFlush(f->renderer);
    assert_true(near(pixel(f, 100, 200), 255, 0, 0, 2));
    assert_true(near(pixel(f, 900, 200), 0, 0, 255, 2));
    image_free(img);
    unlink(path);
}

static void jpeg_and_webp_load(void **state)
{
    struct fixture *f = *state;
    char path[128];
    SDL_Surface *s = halves(64, 32);

    path_of(f, "halves.jpg", path, sizeof path);
    assert_int_equal(IMG_SaveJPG(s, path, 95), 0);
    SDL_FreeSurface(s);

    const char *paths[] = {path, WEBP_FIXTURE};
    for (int i = 0; i < 2; i++) {
        struct image *img = image_load(f->renderer, paths[i], 2048);
        assert_non_null(img);
        int w = 0, h = 0;
        image_size(img, &w, &h);
        assert_int_equal(w, 64);
        assert_int_equal(h, 32);

        clear(f);
        SDL_Rect dst = {0, 0, 640, 320};
        assert_int_equal(image_draw(img, NULL, &dst), 0);
        SDL_RenderFlush(f->renderer);
        assert_true(near(pixel(f, 160, 160), 255, 0, 0, 24));
        assert_true(near(pixel(f, 480, 160), 0, 0, 255, 24));
        image_free(img);
    }
}

static void bad_files_give_null(void **state)
{
    struct fixture *f = *state;
    char path[128];
    /* A PNG signature and a complete header chunk with a wrong CRC. */
    static const unsigned char garbage[] = {
        0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
        0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0,
        0xde, 0xad, 0xbe, 0xef,
        0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
    };

    path_of(f, "corrupt.png", path, sizeof path);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(garbage, 1, sizeof garbage, out), sizeof garbage);
    fclose(out);

    assert_null(image_load(f->renderer, path, 2048));
    path_of(f, "missing.png", path, sizeof path);
    assert_null(image_load(f->renderer, path, 2048));

    image_free(NULL);
    assert_int_equal(image_tile_count(NULL), 0);
    assert_int_equal(image_draw(NULL, NULL, NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_pixel_png),
        cmocka_unit_test(wide_picture_is_tiled_without_seams),
        cmocka_unit_test(texture_limit_zero_asks_the_renderer),
        cmocka_unit_test(huge_picture_is_scaled_down),
        cmocka_unit_test(jpeg_and_webp_load),
        cmocka_unit_test(bad_files_give_null),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
