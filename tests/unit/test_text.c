/* test_text.c - unit tests for text.c, drawn with SDL's software renderer
 * into a surface: NFC, fitting into boxes, ellipsis, wrapping, caches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#define SURFACE_W 800
#define SURFACE_H 600
#define REGULAR "fonts/NotoSans-Regular.ttf"
#define BOLD "fonts/NotoSans-Bold.ttf"

#define PARAGRAPH                                                            \
    "Cuộc bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp " \
    "được tổ chức vào Chủ nhật. Cử tri mang theo thẻ cử tri và giấy tờ "    \
    "tùy thân đến điểm bỏ phiếu từ bảy giờ sáng. Mỗi cử tri chỉ được bỏ "  \
    "một phiếu cho mỗi cấp. Xin vui lòng giữ trật tự tại khu vực bỏ phiếu."

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct text *text;
};

static const SDL_Color BG = {20, 40, 60, 255};
static const SDL_Color INK = {255, 255, 255, 255};

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
    f->text = text_create(f->renderer, REGULAR, BOLD);
    assert_non_null(f->text);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    text_destroy(f->text);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    SDL_Quit();
    return 0;
}

static void clear(struct fixture *f)
{
    SDL_SetRenderDrawColor(f->renderer, BG.r, BG.g, BG.b, BG.a);
    SDL_RenderClear(f->renderer);
}

static Uint32 pixel(struct fixture *f, int x, int y)
{
    const Uint8 *row = (const Uint8 *)f->surface->pixels + y * f->surface->pitch;
    return ((const Uint32 *)row)[x];
}

static bool is_ink(struct fixture *f, int x, int y)
{
    return pixel(f, x, y) != SDL_MapRGB(f->surface->format, BG.r, BG.g, BG.b);
}

/* Bounding box of everything drawn; w = 0 when nothing was. */
static SDL_Rect ink_bounds(struct fixture *f)
{
    int x0 = SURFACE_W, y0 = SURFACE_H, x1 = -1, y1 = -1;

    SDL_RenderFlush(f->renderer);
    for (int y = 0; y < SURFACE_H; y++) {
        for (int x = 0; x < SURFACE_W; x++) {
            if (!is_ink(f, x, y))
                continue;
            x0 = SDL_min(x0, x);
            y0 = SDL_min(y0, y);
            x1 = SDL_max(x1, x);
            y1 = SDL_max(y1, y);
        }
    }
    if (x1 < 0)
        return (SDL_Rect){0, 0, 0, 0};
    return (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

static void assert_inside(SDL_Rect ink, SDL_Rect box)
{
    assert_true(ink.w > 0);
    assert_true(ink.x >= box.x);
    assert_true(ink.y >= box.y);
    assert_true(ink.x + ink.w <= box.x + box.w);
    assert_true(ink.y + ink.h <= box.y + box.h);
}

static struct text_style style(int size_px, enum text_align align)
{
    return (struct text_style){size_px, FONT_REGULAR, INK, align};
}

static void decomposed_renders_like_precomposed(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(48, ALIGN_LEFT);
    size_t bytes = (size_t)f->surface->pitch * SURFACE_H;
    struct text_stats before, after;

    text_get_stats(f->text, &before);
    clear(f);
    assert_true(text_draw(f->text, "Nguy\xe1\xbb\x85n", &s, 20, 20) > 0);
    SDL_RenderFlush(f->renderer);
    Uint8 *composed = malloc(bytes);
    assert_non_null(composed);
    memcpy(composed, f->surface->pixels, bytes);

    clear(f);
    assert_true(text_draw(f->text, "Nguye\xcc\x82\xcc\x83n", &s, 20, 20) > 0);
    SDL_RenderFlush(f->renderer);
    text_get_stats(f->text, &after);

    /* Two different keys, two renders: the match is not a cache hit. */
    assert_int_equal(after.cache_misses - before.cache_misses, 2);
    assert_true(ink_bounds(f).w > 0);
    assert_memory_equal(composed, f->surface->pixels, bytes);
    free(composed);
}

static void measure_grows_with_size(void **state)
{
    struct fixture *f = *state;
    int w1, h1, w2, h2;

    assert_int_equal(text_measure(f->text, "Bầu cử", 20, FONT_REGULAR, &w1, &h1), 0);
    assert_int_equal(text_measure(f->text, "Bầu cử", 40, FONT_REGULAR, &w2, &h2), 0);
    assert_true(w1 > 0 && h1 > 0);
    assert_true(w2 > w1 && h2 > h1);

    int bold_w, bold_h;
    assert_int_equal(text_measure(f->text, "Bầu cử", 40, FONT_BOLD, &bold_w, &bold_h), 0);
    assert_true(bold_w > w2);

    int skip20 = text_line_height(f->text, 20, FONT_REGULAR);
    int skip40 = text_line_height(f->text, 40, FONT_REGULAR);
    assert_true(skip20 > 0 && skip40 > skip20);
    assert_int_equal(text_line_height(f->text, 0, FONT_REGULAR), -1);
}

static void draw_aligns_on_x(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(32, ALIGN_RIGHT);

    clear(f);
    int w = text_draw(f->text, "Điểm bỏ phiếu", &s, 500, 100);
    assert_true(w > 0);
    SDL_Rect ink = ink_bounds(f);
    assert_true(ink.x + ink.w <= 500);
    assert_true(ink.x + ink.w >= 500 - 6);
    assert_true(ink.x >= 500 - w);

    clear(f);
    s.align = ALIGN_CENTER;
    assert_int_equal(text_draw(f->text, "Điểm bỏ phiếu", &s, 400, 100), w);
    ink = ink_bounds(f);
    int centre = ink.x + ink.w / 2;
    assert_true(centre >= 400 - 6 && centre <= 400 + 6);

    assert_int_equal(text_draw(f->text, "", &s, 400, 100), 0);
}

static void paragraph_shrinks_into_small_box(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(48, ALIGN_LEFT);
    SDL_Rect box = {100, 120, 320, 220};
    int used_px = 0;

    clear(f);
    int h = text_draw_box(f->text, PARAGRAPH, &s, 12, box, &used_px);
    assert_true(used_px < 48);
    assert_true(used_px >= 12);
    assert_true(h > 0 && h <= box.h);
    assert_inside(ink_bounds(f), box);

    /* Same answer without drawing, and it is the largest size that fits. */
    int fit_px = 0, fit_h = 0;
    assert_int_equal(text_fit(f->text, PARAGRAPH, &s, 12, box.w, box.h,
                              &fit_px, &fit_h), 0);
    assert_int_equal(fit_px, used_px);
    assert_int_equal(fit_h, h);
    struct text_style bigger = style(used_px + 1, ALIGN_LEFT);
    assert_int_equal(text_fit(f->text, PARAGRAPH, &bigger, used_px + 1, box.w,
                              box.h, NULL, NULL), -1);

    /* Short text keeps the requested size. */
    assert_int_equal(text_fit(f->text, "Bầu cử", &s, 12, box.w, box.h,
                              &fit_px, NULL), 0);
    assert_int_equal(fit_px, 48);
}

static void alignment_inside_box(void **state)
{
    struct fixture *f = *state;
    SDL_Rect box = {100, 100, 600, 100};
    struct text_style s = style(30, ALIGN_RIGHT);

    clear(f);
    text_draw_box(f->text, "Hội đồng bầu cử", &s, 12, box, NULL);
    SDL_Rect ink = ink_bounds(f);
    assert_inside(ink, box);
    assert_true(ink.x + ink.w >= box.x + box.w - 6);

    clear(f);
    s.align = ALIGN_CENTER;
    text_draw_box(f->text, "Hội đồng bầu cử", &s, 12, box, NULL);
    ink = ink_bounds(f);
    int centre = ink.x + ink.w / 2;
    assert_true(abs(centre - (box.x + box.w / 2)) <= 6);
}

static void newline_starts_a_line(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(30, ALIGN_LEFT);
    SDL_Rect box = {0, 0, 700, 400};
    int skip = text_line_height(f->text, 30, FONT_REGULAR);

    int one = 0, two = 0, three = 0;
    assert_int_equal(text_fit(f->text, "Dòng một", &s, 30, box.w, box.h, NULL, &one), 0);
    assert_int_equal(text_fit(f->text, "Dòng một\nDòng hai", &s, 30, box.w, box.h,
                              NULL, &two), 0);
    assert_int_equal(text_fit(f->text, "Dòng một\n\nDòng ba", &s, 30, box.w, box.h,
                              NULL, &three), 0);
    assert_int_equal(two - one, skip);
    assert_int_equal(three - one, 2 * skip);
}

/* "MMMM ..." cut at the minimum size: the last line must end in an
 * ellipsis, whose dots are short where an M is as tall as a capital. */
static void ellipsis_when_min_size_is_cut(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(40, ALIGN_LEFT);
    SDL_Rect box = {50, 50, 300, 60};
    char text[30 * 5 + 1] = "";
    int used_px = 0, used_h = 0;

    for (int i = 0; i < 30; i++)
        memcpy(text + i * 5, i < 29 ? "MMMM " : "MMMM", 5);

    assert_int_equal(text_fit(f->text, text, &s, 20, box.w, box.h, &used_px,
                              &used_h), -1);
    assert_int_equal(used_px, 20);
    assert_true(used_h <= box.h);

    clear(f);
    assert_int_equal(text_draw_box(f->text, text, &s, 20, box, NULL), used_h);
    SDL_Rect ink = ink_bounds(f);
    assert_inside(ink, box);

    /* The rightmost glyph of the bottom line, inside its own band. */
    int skip = text_line_height(f->text, 20, FONT_REGULAR);
    int bottom = ink.y + ink.h - 1;
    int top = bottom - skip + 1;
    int right = -1;
    for (int x = box.x + box.w - 1; x >= box.x && right < 0; x--) {
        for (int y = top; y <= bottom; y++) {
            if (is_ink(f, x, y))
                right = x;
        }
    }
    assert_true(right > box.x);

    int dots_w = 0;
    assert_int_equal(text_measure(f->text, "\xe2\x80\xa6", 20, FONT_REGULAR,
                                  &dots_w, NULL), 0);
    int high = SURFACE_H, low = -1;
    for (int x = right - dots_w / 2; x <= right; x++) {
        for (int y = top; y <= bottom; y++) {
            if (is_ink(f, x, y)) {
                high = SDL_min(high, y);
                low = SDL_max(low, y);
            }
        }
    }
    assert_true(low >= high);
    assert_true(low - high + 1 <= 20 / 4);
}

static void box_too_small_draws_nothing_outside(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(40, ALIGN_LEFT);
    SDL_Rect box = {300, 300, 40, 10};

    clear(f);
    text_draw_box(f->text, PARAGRAPH, &s, 12, box, NULL);
    SDL_Rect ink = ink_bounds(f);
    if (ink.w > 0)
        assert_inside(ink, box);
    assert_int_equal(text_fit(f->text, PARAGRAPH, &s, 12, box.w, box.h, NULL, NULL), -1);
}

/* A word wider than the box is split between letters: drawing it in a
 * narrow box equals drawing the expected pieces one per line. */
static void long_word_breaks_between_letters(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(24, ALIGN_LEFT);
    const char *letter = "\xe1\xbb\x85";        /* ễ, three bytes */
    char word[40 * 3 + 1] = "";
    SDL_Rect box = {10, 10, 100, 560};

    for (int i = 0; i < 40; i++)
        memcpy(word + i * 3, letter, 4);

    /* How many letters fit on one line. */
    int per_line = 0;
    for (int n = 1; n <= 40; n++) {
        char prefix[40 * 3 + 1];
        int w = 0;
        memcpy(prefix, word, (size_t)n * 3);
        prefix[n * 3] = '\0';
        assert_int_equal(text_measure(f->text, prefix, 24, FONT_REGULAR, &w, NULL), 0);
        if (w > box.w)
            break;
        per_line = n;
    }
    assert_true(per_line > 1 && per_line < 40);

    int used_px = 0;
    clear(f);
    text_draw_box(f->text, word, &s, 24, box, &used_px);
    assert_int_equal(used_px, 24);
    SDL_RenderFlush(f->renderer);
    size_t bytes = (size_t)f->surface->pitch * SURFACE_H;
    Uint8 *boxed = malloc(bytes);
    assert_non_null(boxed);
    memcpy(boxed, f->surface->pixels, bytes);

    clear(f);
    int skip = text_line_height(f->text, 24, FONT_REGULAR);
    for (int start = 0, line = 0; start < 40; start += per_line, line++) {
        char piece[40 * 3 + 1];
        int n = SDL_min(per_line, 40 - start);
        memcpy(piece, word + start * 3, (size_t)n * 3);
        piece[n * 3] = '\0';
        text_draw(f->text, piece, &s, box.x, box.y + line * skip);
    }
    SDL_RenderFlush(f->renderer);
    assert_memory_equal(boxed, f->surface->pixels, bytes);
    free(boxed);
}

static void draw_frame(struct fixture *f)
{
    struct text_style title = {40, FONT_BOLD, INK, ALIGN_CENTER};
    struct text_style body = style(28, ALIGN_LEFT);

    clear(f);
    text_draw(f->text, "Thông báo của Tổ bầu cử số 7", &title, 400, 10);
    text_draw_box(f->text, PARAGRAPH, &body, 14, (SDL_Rect){20, 80, 760, 300}, NULL);
    text_draw_box(f->text, "Nguye\xcc\x82\xcc\x83n Văn An\nTrần Thị Bình", &body, 14,
                  (SDL_Rect){20, 400, 360, 150}, NULL);
    SDL_RenderFlush(f->renderer);
}

static void steady_frame_has_no_misses(void **state)
{
    struct fixture *f = *state;
    struct text_stats first, second, third;

    draw_frame(f);
    text_get_stats(f->text, &first);
    draw_frame(f);
    text_get_stats(f->text, &second);

    assert_int_equal(second.cache_misses, first.cache_misses);
    assert_true(second.cache_hits > first.cache_hits);
    assert_int_equal(second.cached_textures, first.cached_textures);

    /* After a flush the same frame renders again. */
    text_flush(f->text);
    text_get_stats(f->text, &third);
    assert_int_equal(third.cached_textures, 0);
    draw_frame(f);
    text_get_stats(f->text, &third);
    assert_true(third.cache_misses > second.cache_misses);
}

static void cache_is_bounded(void **state)
{
    struct fixture *f = *state;
    struct text_style s = style(14, ALIGN_LEFT);
    struct text_stats stats;

    text_flush(f->text);
    for (int i = 0; i < 700; i++) {
        char label[32];
        snprintf(label, sizeof label, "Phiếu %d", i);
        assert_true(text_draw(f->text, label, &s, 0, 0) > 0);
    }
    text_get_stats(f->text, &stats);
    assert_true(stats.cached_textures > 0);
    assert_true(stats.cached_textures <= 512);

    /* The newest survive eviction. */
    long misses = stats.cache_misses;
    text_draw(f->text, "Phiếu 699", &s, 0, 0);
    text_get_stats(f->text, &stats);
    assert_int_equal(stats.cache_misses, misses);
}

static void missing_font_fails(void **state)
{
    struct fixture *f = *state;

    assert_null(text_create(f->renderer, "fonts/none.ttf", BOLD));
    assert_null(text_create(f->renderer, REGULAR, NULL));
    text_destroy(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decomposed_renders_like_precomposed),
        cmocka_unit_test(measure_grows_with_size),
        cmocka_unit_test(draw_aligns_on_x),
        cmocka_unit_test(paragraph_shrinks_into_small_box),
        cmocka_unit_test(alignment_inside_box),
        cmocka_unit_test(newline_starts_a_line),
        cmocka_unit_test(ellipsis_when_min_size_is_cut),
        cmocka_unit_test(box_too_small_draws_nothing_outside),
        cmocka_unit_test(long_word_breaks_between_letters),
        cmocka_unit_test(steady_frame_has_no_misses),
        cmocka_unit_test(cache_is_bounded),
        cmocka_unit_test(missing_font_fails),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
