/* test_scenes.c - unit tests for the overlay and the countdown, image,
 * notice, timeline and QR scenes, drawn with SDL's software renderer at
 * 1920x1080, 1280x720 and 1080x1920, checked by pixel and by zbarimg. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <SDL_image.h>

#include "assets.h"
#include "config.h"
#include "overlay.h"
#include "scene.h"
#include "tempdir.h"
#include "text.h"
#include "theme.h"
#include "timeutil.h"
#include "tzone.h"

#define REGULAR "fonts/NotoSans-Regular.ttf"
#define BOLD "fonts/NotoSans-Bold.ttf"
#define FEEDBACK_URL "https://gopy.hoasen.example.vn/bau-cu"
#define ZALO_URL "https://zalo.me/hoasen.example"
#define TALL_BAND_PX 50

static const SDL_Color SENTINEL = {0xFF, 0x00, 0xFF, 0xFF};

static const int SIZES[3][2] = {{1920, 1080}, {1280, 720}, {1080, 1920}};

enum {
    IT_COUNTDOWN,
    IT_IMAGE,
    IT_COVER,
    IT_TALL,
    IT_MISSING,
    IT_CORRUPT,
    IT_NOTICE,
    IT_URGENT,
    IT_TIMELINE,
    IT_QR,
    IT_COUNT
};

#define MILESTONES 12

/* Everything a test needs, built by hand (not from the demo files). */
struct world {
    char dir[64];
    char normal_png[128];
    char tall_png[128];
    char corrupt_png[128];
    char missing_png[128];
    char shot_png[128];
    struct tzone *tz;
    struct config config;
    struct content content;
    struct item items[IT_COUNT];
    struct notice notices[2];
    struct milestone milestones[MILESTONES];
    char titles[MILESTONES][32];
};

/* One canvas size with its renderer and what the scenes borrow. */
struct screen {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct text *text;
    struct assets *assets;
    struct layout layout;
    struct scene_env env;
};

static int64_t at(const struct world *w, const char *s)
{
    int64_t ms = 0;

    assert_int_equal(timeutil_parse_instant(s, w->tz, &ms), 0);
    return ms;
}

static SDL_Color band_colour(int band)
{
    SDL_Color c = {(Uint8)(band * 37 % 256), (Uint8)(band * 91 % 256), 0x80, 0xFF};

    return c;
}

static void write_pictures(struct world *w)
{
    /* A plain 1920x1080 picture in one colour. */
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32,
                                                    SDL_PIXELFORMAT_RGB888);
    assert_non_null(s);
    SDL_FillRect(s, NULL, SDL_MapRGB(s->format, 0x20, 0x60, 0xC0));
    assert_int_equal(IMG_SavePNG(s, w->normal_png), 0);
    SDL_FreeSurface(s);

    /* A 1080x4000 one in bands, so a pan shows other colours. */
    s = SDL_CreateRGBSurfaceWithFormat(0, 1080, 4000, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(s);
    for (int y = 0; y < 4000; y += TALL_BAND_PX) {
        SDL_Color c = band_colour(y / TALL_BAND_PX);
        SDL_Rect r = {0, y, 1080, TALL_BAND_PX};
        SDL_FillRect(s, &r, SDL_MapRGB(s->format, c.r, c.g, c.b));
    }
    assert_int_equal(IMG_SavePNG(s, w->tall_png), 0);
    SDL_FreeSurface(s);

    FILE *f = fopen(w->corrupt_png, "wb");
    assert_non_null(f);
    fputs("\x89PNG\r\n\x1a\nthis is not a picture", f);
    fclose(f);
}

static void media(struct item *it, const char *path)
{
    it->media.path = (char *)path;
    it->media.mime = (char *)"image/png";
    memcpy(it->media.sha256, "0000000000000000000000000000000000000000000000000000000000000000",
           65);
}

static void build_content(struct world *w)
{
    struct content *c = &w->content;

    c->dir = w->dir;
    c->version = 41;
    c->published_ms = at(w, "2026-12-02T08:00:00+07:00");
    c->commission = (char *)"Ủy ban bầu cử phường Thử Nghiệm";
    c->election.name = (char *)"Bầu cử thử nghiệm đại biểu Hội đồng nhân dân phường";
    c->election.time_zone = (char *)"Asia/Ho_Chi_Minh";
    c->election.day_start_ms = at(w, "2026-12-20T00:00:00+07:00");
    c->election.polls_open_ms = at(w, "2026-12-20T07:00:00+07:00");
    c->election.polls_close_ms = at(w, "2026-12-20T19:00:00+07:00");
    c->election.campaign_end_ms = at(w, "2026-12-19T07:00:00+07:00");
    c->feedback_url = (char *)FEEDBACK_URL;
    c->zalo_url = (char *)ZALO_URL;
    c->zalo_name = (char *)"Phường Thử Nghiệm";

    /* A short notice and an urgent one far too long for any screen. */
    static char long_body[8192];
    long_body[0] = '\0';
    for (int i = 0; i < 60; i++)
        strncat(long_body, "Khu vực bỏ phiếu số 2 chuyển về nhà văn hóa tổ dân phố 7. ",
                sizeof long_body - strlen(long_body) - 1);
    w->notices[0] = (struct notice){
        .id = (char *)"thuong", .title = (char *)"Niêm yết danh sách cử tri",
        .body = (char *)"Cử tri kiểm tra tên mình trong danh sách.",
        .urgent = false, .from_ms = at(w, "2026-12-01"), .until_ms = TIME_NEVER_MS,
        .duration_ms = 20000, .repeat_ms = 300000};
    w->notices[1] = (struct notice){
        .id = (char *)"khan",
        .title = (char *)"Khu vực bỏ phiếu số 2 chuyển địa điểm vì sửa chữa trường học, "
                         "xin cử tri lưu ý và báo cho người thân, hàng xóm cùng biết",
        .body = long_body, .urgent = true, .from_ms = at(w, "2026-12-12T08:00"),
        .until_ms = at(w, "2026-12-20T19:00"), .duration_ms = 20000, .repeat_ms = 300000};
    static struct elected elected[2] = {
        {(char *)"Nguyễn Thị Hồng Nhung", 0, 86.31},
        {(char *)"Trần Văn Bình", 0, 78.05},
    };
    c->results = (struct results){
        .present = true, .published_ms = at(w, "2026-12-27T10:00:00+07:00"),
        .turnout_pct = 98.72, .voters_total = 12480, .voters_voted = 12320,
        .elected_count = 2, .elected = elected};
    c->notices = w->notices;
    c->notice_count = 2;

    /* Twelve milestones a day apart from 1 December, 08:00. */
    for (int i = 0; i < MILESTONES; i++) {
        char when[32];
        snprintf(when, sizeof when, "2026-12-%02dT08:00:00+07:00", i + 1);
        snprintf(w->titles[i], sizeof w->titles[i], "Mốc thứ %d", i + 1);
        w->milestones[i].at_ms = at(w, when);
        w->milestones[i].until_ms = TIME_NEVER_MS;
        w->milestones[i].title = w->titles[i];
        w->milestones[i].detail = (char *)"Chi tiết của mốc này";
    }
    c->milestones = w->milestones;
    c->milestone_count = MILESTONES;

    static const enum item_type types[IT_COUNT] = {
        ITEM_COUNTDOWN, ITEM_IMAGE, ITEM_IMAGE, ITEM_IMAGE, ITEM_IMAGE, ITEM_IMAGE,
        ITEM_NOTICE, ITEM_NOTICE, ITEM_TIMELINE, ITEM_QR,
    };
    static const char *const ids[IT_COUNT] = {
        "dem-nguoc", "anh", "anh-phu", "anh-dai", "anh-mat", "anh-hong",
        "tb", "tb-khan", "moc", "qr",
    };
    for (int i = 0; i < IT_COUNT; i++) {
        w->items[i].id = (char *)ids[i];
        w->items[i].type = types[i];
        w->items[i].duration_ms = 15000;
        w->items[i].fit = FIT_CONTAIN;
        w->items[i].loops = 1;
    }
    media(&w->items[IT_IMAGE], w->normal_png);
    media(&w->items[IT_COVER], w->normal_png);
    w->items[IT_COVER].fit = FIT_COVER;
    media(&w->items[IT_TALL], w->tall_png);
    media(&w->items[IT_MISSING], w->missing_png);
    media(&w->items[IT_CORRUPT], w->corrupt_png);
    w->items[IT_NOTICE].notice = 0;
    w->items[IT_URGENT].notice = 1;
    c->items = w->items;
    c->item_count = IT_COUNT;
}

static int setup(void **state)
{
    struct world *w = calloc(1, sizeof *w);

    assert_non_null(w);
    assert_int_equal(SDL_Init(0), 0);
    assert_non_null(temp_dir(w->dir, sizeof w->dir, "scenes"));
    snprintf(w->normal_png, sizeof w->normal_png, "%s/normal.png", w->dir);
    snprintf(w->tall_png, sizeof w->tall_png, "%s/tall.png", w->dir);
    snprintf(w->corrupt_png, sizeof w->corrupt_png, "%s/corrupt.png", w->dir);
    snprintf(w->missing_png, sizeof w->missing_png, "%s/missing.png", w->dir);
    snprintf(w->shot_png, sizeof w->shot_png, "%s/shot.png", w->dir);
    w->tz = tzone_load("Asia/Ho_Chi_Minh");
    assert_non_null(w->tz);
    config_defaults(&w->config);
    write_pictures(w);
    build_content(w);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    struct world *w = *state;

    unlink(w->normal_png);
    unlink(w->tall_png);
    unlink(w->corrupt_png);
    unlink(w->shot_png);
    rmdir(w->dir);
    tzone_free(w->tz);
    free(w);
    IMG_Quit();
    SDL_Quit();
    return 0;
}

static struct screen *screen_open(struct world *w, int width, int height)
{
    struct screen *s = calloc(1, sizeof *s);

    assert_non_null(s);
    s->surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s->surface);
    s->renderer = SDL_CreateSoftwareRenderer(s->surface);
    assert_non_null(s->renderer);
    s->text = text_create(s->renderer, REGULAR, BOLD);
    assert_non_null(s->text);
    s->assets = assets_create(s->renderer, 4096);
    assert_non_null(s->assets);
    layout_compute(&s->layout, width, height);
    s->env = (struct scene_env){
        .renderer = s->renderer, .text = s->text, .assets = s->assets,
        .content = &w->content, .tz = w->tz, .layout = &s->layout,
        .config = &w->config};

    SDL_SetRenderDrawColor(s->renderer, SENTINEL.r, SENTINEL.g, SENTINEL.b, 0xFF);
    SDL_RenderClear(s->renderer);
    return s;
}

static void screen_close(struct screen *s)
{
    assets_destroy(s->assets);
    text_destroy(s->text);
    SDL_DestroyRenderer(s->renderer);
    SDL_FreeSurface(s->surface);
    free(s);
}

static SDL_Color pixel(struct screen *s, int x, int y)
{
    const Uint8 *row = (const Uint8 *)s->surface->pixels + y * s->surface->pitch;
    SDL_Color c = {0, 0, 0, 0xFF};

    SDL_GetRGB(((const Uint32 *)row)[x], s->surface->format, &c.r, &c.g, &c.b);
    return c;
}

static bool same(SDL_Color a, SDL_Color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void assert_colour(struct screen *s, int x, int y, SDL_Color want)
{
    SDL_Color got = pixel(s, x, y);

    if (!same(got, want))
        fail_msg("pixel %d,%d at %dx%d is #%02X%02X%02X, expected #%02X%02X%02X", x, y,
                 s->layout.w, s->layout.h, got.r, got.g, got.b, want.r, want.g, want.b);
}

static long count_colour(struct screen *s, SDL_Rect r, SDL_Color want)
{
    long n = 0;

    for (int y = r.y; y < r.y + r.h; y++) {
        for (int x = r.x; x < r.x + r.w; x++) {
            if (same(pixel(s, x, y), want))
                n++;
        }
    }
    return n;
}

/* With TEST_SCENES_SAVE=DIR set, keeps the canvas as DIR/what-WxH.png
 * for a person to look at. */
static void keep(struct screen *s, const char *what)
{
    const char *dir = getenv("TEST_SCENES_SAVE");
    char path[512];

    if (!dir || !dir[0])
        return;
    snprintf(path, sizeof path, "%s/%s-%dx%d.png", dir, what, s->layout.w, s->layout.h);
    IMG_SavePNG(s->surface, path);
}

/* Enters item at now, updates and renders once; the caller leaves. */
static void *show(struct screen *s, const struct scene_ops *ops, const struct item *item,
                  int64_t now)
{
    void *st = ops->enter(&s->env, item, now);

    assert_non_null(st);
    ops->update(st, now);
    ops->render(st, &s->env, now);
    SDL_RenderFlush(s->renderer);
    return st;
}

/* Fails if anything outside the body changed from the sentinel. */
static void assert_only_body(struct screen *s)
{
    const SDL_Rect *b = &s->layout.body;

    for (int y = 0; y < s->layout.h; y++) {
        for (int x = 0; x < s->layout.w; x++) {
            bool in = x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h;
            if (!in && !same(pixel(s, x, y), SENTINEL))
                fail_msg("drawn outside the body at %d,%d (%dx%d)", x, y, s->layout.w,
                         s->layout.h);
        }
    }
}

/* The texts zbarimg finds in the canvas, newline-separated, or NULL
 * when zbarimg is not installed. */
static char *decode_qr(struct world *w, struct screen *s, char *out, size_t size)
{
    char cmd[256];

    if (system("command -v zbarimg >/dev/null 2>&1") != 0)
        return NULL;
    assert_int_equal(IMG_SavePNG(s->surface, w->shot_png), 0);
    snprintf(cmd, sizeof cmd, "zbarimg -q --raw '%s' 2>/dev/null", w->shot_png);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, size - 1, p);
    out[n] = '\0';
    pclose(p);
    return out;
}

static void test_overlay_bands(void **state)
{
    struct world *w = *state;
    /* Two notices active: even 8 s pages show the urgent one. */
    int64_t base = at(w, "2026-12-14T10:00:00+07:00");
    int64_t urgent_page = base - base % 16000;
    int64_t normal_page = urgent_page + 8000;
    int64_t quiet = at(w, "2026-11-20T10:00:00+07:00");

    for (int i = 0; i < 3; i++) {
        struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
        struct overlay *o = overlay_create();
        const struct layout *l = &s->layout;
        assert_non_null(o);

        void *st = show(s, &scene_countdown, &w->items[IT_COUNTDOWN], quiet);
        overlay_render(o, &s->env, quiet, false);
        SDL_RenderFlush(s->renderer);
        assert_colour(s, 2, 2, THEME_RED);
        assert_colour(s, l->w / 2, l->header.h / 2 - l->header.h / 3, THEME_RED);
        assert_colour(s, l->body.x + 2, l->body.y + 2, THEME_PAPER);
        assert_colour(s, 2, l->footer.y + 2, THEME_FOOTER);
        assert_colour(s, l->corner_qr.x + 1, l->corner_qr.y + 1, THEME_WHITE);
        /* Nothing of the sentinel is left: the bands and body cover all. */
        SDL_Rect all = {0, 0, l->w, l->h};
        assert_int_equal(count_colour(s, all, SENTINEL), 0);

        overlay_render(o, &s->env, urgent_page, false);
        SDL_RenderFlush(s->renderer);
        assert_colour(s, 2, l->footer.y + 2, THEME_RED);
        overlay_render(o, &s->env, normal_page, false);
        SDL_RenderFlush(s->renderer);
        assert_colour(s, 2, l->footer.y + 2, THEME_FOOTER);

        /* Over a full-canvas picture the bands let it show through. */
        SDL_SetRenderDrawColor(s->renderer, 0, 0, 0xFF, 0xFF);
        SDL_RenderClear(s->renderer);
        overlay_render(o, &s->env, quiet, true);
        SDL_RenderFlush(s->renderer);
        SDL_Color mixed = pixel(s, 2, 2);
        assert_true(mixed.b > 0x10 && mixed.b < 0xF0);
        assert_true(mixed.r > 0x40);
        assert_colour(s, l->w / 2, l->h / 2, (SDL_Color){0, 0, 0xFF, 0xFF});

        scene_countdown.leave(st);
        overlay_destroy(o);
        screen_close(s);
    }
}

static void test_overlay_update(void **state)
{
    struct world *w = *state;
    struct layout l;
    struct scene_env env = {.content = &w->content, .tz = w->tz, .layout = &l};
    struct overlay *o = overlay_create();
    assert_non_null(o);
    layout_compute(&l, 1920, 1080);

    /* One notice active: the next minute. */
    int64_t t = at(w, "2026-12-05T10:00:30+07:00") + 500;
    assert_true(overlay_update(o, &env, t) == at(w, "2026-12-05T10:01:00+07:00"));

    /* Before the urgent one starts: its start. */
    t = at(w, "2026-12-12T07:59:50+07:00");
    assert_true(overlay_update(o, &env, t) == at(w, "2026-12-12T08:00:00+07:00"));

    /* Two active: the next 8 s page. */
    t = at(w, "2026-12-14T10:00:01+07:00");
    int64_t page_end = (t / 8000 + 1) * 8000;
    assert_true(overlay_update(o, &env, t) == page_end);

    /* The urgent one's end comes before the next page. */
    t = at(w, "2026-12-20T18:59:59+07:00");
    assert_true(overlay_update(o, &env, t) == at(w, "2026-12-20T19:00:00+07:00"));

    overlay_destroy(o);
}

static void test_overlay_qr_decodes(void **state)
{
    struct world *w = *state;
    char found[1024];
    struct screen *s = screen_open(w, 1920, 1080);
    struct overlay *o = overlay_create();

    overlay_render(o, &s->env, at(w, "2026-11-20T10:00:00+07:00"), false);
    SDL_RenderFlush(s->renderer);
    char *text = decode_qr(w, s, found, sizeof found);
    overlay_destroy(o);
    screen_close(s);
    if (!text)
        skip();
    assert_non_null(strstr(text, FEEDBACK_URL));
}

static void test_countdown_scene(void **state)
{
    struct world *w = *state;
    const char *phases[] = {
        "2026-12-08T03:44:51+07:00", "2026-12-19T08:00:00+07:00",
        "2026-12-20T06:00:00+07:00", "2026-12-20T13:47:20+07:00",
        "2026-12-20T20:00:00+07:00", "2026-12-28T10:00:00+07:00",
    };
    const char *names[] = {"before", "silence", "morning", "voting", "closed", "results"};

    for (int i = 0; i < 3; i++) {
        struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
        const struct layout *l = &s->layout;
        int64_t t = at(w, phases[0]);

        /* Mid-second: the next picture is at the next whole second. */
        void *st = show(s, &scene_countdown, &w->items[IT_COUNTDOWN], t + 300);
        assert_true(scene_countdown.update(st, t + 300) == t + 1000);
        assert_true(scene_countdown.update(st, t + 1000) == t + 2000);
        assert_colour(s, l->body.x + 2, l->body.y + 2, THEME_PAPER);
        /* The four red digit cards take a good part of the body. */
        assert_true(count_colour(s, l->body, THEME_RED) > (long)l->body.w * l->body.h / 20);
        assert_only_body(s);
        scene_countdown.leave(st);

        for (int p = 1; p < 6; p++) {
            t = at(w, phases[p]);
            st = show(s, &scene_countdown, &w->items[IT_COUNTDOWN], t);
            keep(s, names[p]);
            assert_colour(s, l->body.x + 2, l->body.y + 2, THEME_PAPER);
            /* After the close nothing ticks: the next change is the
             * results, then nothing. */
            if (p == 4)
                assert_true(scene_countdown.update(st, t) == w->content.results.published_ms);
            if (p == 5)
                assert_true(scene_countdown.update(st, t) == TIME_NEVER_MS);
            assert_only_body(s);
            scene_countdown.leave(st);
        }
        screen_close(s);
    }
}

static void test_image_static(void **state)
{
    struct world *w = *state;
    int64_t t = at(w, "2026-12-14T10:00:00+07:00");

    for (int i = 0; i < 3; i++) {
        struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
        const struct layout *l = &s->layout;
        void *st = show(s, &scene_image, &w->items[IT_IMAGE], t);

        /* On a portrait panel a 16:9 picture is far too wide: it pans. */
        if (l->portrait) {
            assert_true(scene_image.update(st, t + 10) == t + 2000);
            assert_true(scene_image.update(st, t + 2500) == t + 2533);
        } else {
            assert_true(scene_image.update(st, t + 10) == TIME_NEVER_MS);
        }
        assert_false(scene_image.finished(st, t + 10));
        assert_colour(s, l->body.x + l->body.w / 2, l->body.y + l->body.h / 2,
                      (SDL_Color){0x20, 0x60, 0xC0, 0xFF});
        assert_only_body(s);
        scene_image.leave(st);

        /* Cover fills the body to its corners and never pans. */
        st = show(s, &scene_image, &w->items[IT_COVER], t);
        assert_true(scene_image.update(st, t + 10) == TIME_NEVER_MS);
        assert_colour(s, l->body.x, l->body.y, (SDL_Color){0x20, 0x60, 0xC0, 0xFF});
        assert_colour(s, l->body.x + l->body.w - 1, l->body.y + l->body.h - 1,
                      (SDL_Color){0x20, 0x60, 0xC0, 0xFF});
        assert_only_body(s);
        scene_image.leave(st);
        screen_close(s);
    }
}

static void test_image_pans(void **state)
{
    struct world *w = *state;
    int64_t t = at(w, "2026-12-14T10:00:00+07:00");

    for (int i = 0; i < 3; i++) {
        struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
        const struct layout *l = &s->layout;
        int cx = l->body.x + l->body.w / 2;
        int cy = l->body.y + l->body.h / 2;
        void *st = show(s, &scene_image, &w->items[IT_TALL], t);

        /* Still for two seconds at the top, then a frame at a time. */
        assert_true(scene_image.update(st, t) == t + 2000);
        assert_true(scene_image.update(st, t + 1000) == t + 2000);
        assert_true(scene_image.update(st, t + 2500) == t + 2533);
        SDL_Color top = pixel(s, cx, cy);
        assert_int_equal(top.b, 0x80);

        /* Twenty seconds later another band is in the middle. */
        scene_image.render(st, &s->env, t + 20000);
        SDL_RenderFlush(s->renderer);
        SDL_Color later = pixel(s, cx, cy);
        assert_int_equal(later.b, 0x80);
        assert_false(same(top, later));
        assert_false(scene_image.finished(st, t + 20000));
        assert_only_body(s);
        scene_image.leave(st);
        screen_close(s);
    }
}

static void test_image_broken(void **state)
{
    struct world *w = *state;
    int64_t t = at(w, "2026-12-14T10:00:00+07:00");
    int broken[2] = {IT_MISSING, IT_CORRUPT};

    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 2; k++) {
            struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
            const struct layout *l = &s->layout;
            void *st = show(s, &scene_image, &w->items[broken[k]], t);

            assert_true(scene_image.finished(st, t));
            assert_true(scene_image.update(st, t) == TIME_NEVER_MS);
            /* The neutral card: white inside a grey edge. */
            int x = l->body.x + l->body.w / 6 + theme_px(l, 8);
            int y = l->body.y + l->body.h / 3 + theme_px(l, 8);
            keep(s, k == 0 ? "image-missing" : "image-corrupt");
            assert_colour(s, x, y, THEME_CARD);
            assert_colour(s, l->body.x + 2, l->body.y + 2, THEME_PAPER);
            assert_only_body(s);
            scene_image.leave(st);
            screen_close(s);
        }
    }
}

static void test_notice_stays_in_body(void **state)
{
    struct world *w = *state;
    int64_t t = at(w, "2026-12-14T10:00:00+07:00");

    for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 2; k++) {
            struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
            const struct layout *l = &s->layout;
            bool urgent = k == 1;
            void *st = show(s, &scene_notice, &w->items[urgent ? IT_URGENT : IT_NOTICE], t);

            keep(s, urgent ? "notice-urgent" : "notice");
            assert_true(scene_notice.update(st, t) == TIME_NEVER_MS);
            assert_colour(s, l->body.x + 2, l->body.y + 2,
                          urgent ? THEME_RED : THEME_PAPER);
            assert_only_body(s);
            /* The overlong text fills the body down to near its bottom. */
            if (urgent) {
                SDL_Rect low = {l->body.x, l->body.y + l->body.h * 3 / 4, l->body.w,
                                l->body.h / 8};
                assert_true(count_colour(s, low, THEME_PAPER) < (long)low.w * low.h);
            }
            scene_notice.leave(st);
            screen_close(s);
        }
    }
}

static void test_timeline(void **state)
{
    struct world *w = *state;
    /* The 10th milestone is current; the window must include it. */
    int64_t t = at(w, "2026-12-10T12:00:00+07:00");

    for (int i = 0; i < 3; i++) {
        struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
        const struct layout *l = &s->layout;
        void *st = show(s, &scene_timeline, &w->items[IT_TIMELINE], t);

        keep(s, "timeline");
        assert_true(scene_timeline.update(st, t) == at(w, "2026-12-11T08:00:00+07:00"));
        assert_true(count_colour(s, l->body, THEME_GOLD) > (long)l->body.w * 20);
        assert_true(count_colour(s, l->body, THEME_MUTED) > 0);
        assert_only_body(s);
        scene_timeline.leave(st);

        /* Before the first one: nothing current, no gold bar. */
        st = show(s, &scene_timeline, &w->items[IT_TIMELINE], at(w, "2026-11-01"));
        assert_true(count_colour(s, l->body, THEME_GOLD) < (long)l->body.w * 2);
        scene_timeline.leave(st);
        screen_close(s);
    }
}

static void test_qr_decodes(void **state)
{
    struct world *w = *state;
    int64_t t = at(w, "2026-12-14T10:00:00+07:00");
    char found[1024];

    for (int i = 0; i < 3; i++) {
        struct screen *s = screen_open(w, SIZES[i][0], SIZES[i][1]);
        void *st = show(s, &scene_qr, &w->items[IT_QR], t);

        assert_true(scene_qr.update(st, t) == TIME_NEVER_MS);
        assert_only_body(s);
        char *text = decode_qr(w, s, found, sizeof found);
        scene_qr.leave(st);
        screen_close(s);
        if (!text)
            skip();
        if (!strstr(text, FEEDBACK_URL) || !strstr(text, ZALO_URL))
            fail_msg("zbarimg at %dx%d found: %s", SIZES[i][0], SIZES[i][1], text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_overlay_bands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overlay_update, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overlay_qr_decodes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_countdown_scene, setup, teardown),
        cmocka_unit_test_setup_teardown(test_image_static, setup, teardown),
        cmocka_unit_test_setup_teardown(test_image_pans, setup, teardown),
        cmocka_unit_test_setup_teardown(test_image_broken, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notice_stays_in_body, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_qr_decodes, setup, teardown),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
