/* test_video.c - video playback through libvlc on clips made by ffmpeg at
 * test time: good clips play, bad files are abandoned, no black, no leaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

#include "config.h"
#include "log.h"
#include "mempolicy.h"
#include "sanitizer.h"
#include "sanitizer_dlclose.h"
#include "scene.h"
#include "tempdir.h"
#include "tzone.h"
#include "video.h"

#define CANVAS_W 1280
#define CANVAS_H 720
#define SAMPLE_MS 250
#define CLIP_MS 2000 /* the good clips' length (make-clips.sh) */
#define PSNR_MIN_DB 30.0
#define TRANSITIONS 1000
#define TRANSITIONS_EMULATED_BUDGET_MS 120000 /* under qemu only */

struct fixture {
    char dir[256];
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct video_player *player;
    struct config config;
    struct tzone *tz;
    struct layout layout;
    struct scene_env env;
    int64_t last_sample_ms;
    int black_samples;
    int samples;
};

static struct fixture fx;

/* Under valgrind libvlc decodes many times slower than real time (clips
 * then trip the real-time limits) and libavcodec and TagLib report reads
 * of their own that tests/valgrind.supp does not cover, so the tests that
 * play clips are skipped there; they run in the normal and sanitizer
 * builds. */
static void skip_under_valgrind(void)
{
    if (RUNNING_ON_VALGRIND) {
        print_message("skipped under valgrind: it measures real time\n");
        skip();
    }
}

static int64_t now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void clip(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", fx.dir, name);
}

/* Counts the pixels of a grid (every step px) over a rect of the canvas
 * that are not black; total receives the grid's size. */
static int count_lit(int x0, int y0, int w, int h, int step, int *total)
{
    const Uint32 *px = fx.surface->pixels;
    int pitch = fx.surface->pitch / 4;
    int lit = 0;

    *total = 0;
    for (int y = y0; y < y0 + h; y += step) {
        for (int x = x0; x < x0 + w; x += step) {
            Uint32 c = px[y * pitch + x];
            int sum = ((c >> 16) & 0xff) + ((c >> 8) & 0xff) + (c & 0xff);
            if (sum > 24)
                lit++;
            (*total)++;
        }
    }
    return lit;
}

/* True when most of a grid of pixels over the canvas is black. */
static bool canvas_black(void)
{
    int total = 0;
    int lit = count_lit(8, 8, fx.surface->w - 8, fx.surface->h - 8, 24, &total);

    return lit * 50 < total;
}

static void clear_canvas(void)
{
    SDL_SetRenderDrawColor(fx.renderer, 0, 0, 0, 255);
    SDL_RenderClear(fx.renderer);
}

/* The share of pixels in a rect, sampled every 4 px, that are not black. */
static int lit_percent(int x0, int y0, int w, int h)
{
    int total = 0;
    int lit = count_lit(x0, y0, w, h, 4, &total);

    return total ? lit * 100 / total : 0;
}

/* The never-black check: every 250 ms of every test, the last rendered
 * picture is sampled. */
static void sample_canvas(void)
{
    int64_t now = now_ms();

    if (now - fx.last_sample_ms < SAMPLE_MS)
        return;
    fx.last_sample_ms = now;
    fx.samples++;
    if (canvas_black()) {
        fx.black_samples++;
        print_message("black canvas at sample %d\n", fx.samples);
    }
}

static int setup_all(void **state)
{
    (void)state;
    mempolicy_apply();
    log_set_level(getenv("VIDEO_DEBUG") ? LOG_DEBUG : LOG_WARN);

    if (!temp_dir(fx.dir, sizeof fx.dir, "video"))
        return -1;
    char cmd[512];
    const char *script = getenv("MAKE_CLIPS");
    snprintf(cmd, sizeof cmd, "sh %s %s",
             script ? script : "tests/unit/make-clips.sh", fx.dir);
    if (system(cmd) != 0)
        return -1;

    if (SDL_Init(0) != 0)
        return -1;
    fx.surface = SDL_CreateRGBSurfaceWithFormat(0, CANVAS_W, CANVAS_H, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    fx.renderer = fx.surface ? SDL_CreateSoftwareRenderer(fx.surface) : NULL;
    if (!fx.renderer)
        return -1;

    struct video_player_options options = {
        .audio_output = false,
        .chroma = VIDEO_CHROMA_I420,
    };
    fx.player = video_player_create(&options);
    if (!fx.player)
        return -1;

    config_defaults(&fx.config);
    fx.tz = tzone_load("Asia/Ho_Chi_Minh");
    fx.layout.w = CANVAS_W;
    fx.layout.h = CANVAS_H;
    fx.layout.unit_px = CANVAS_H / 1000.0f;
    fx.layout.body = (SDL_Rect){0, 0, CANVAS_W, CANVAS_H};
    fx.env.renderer = fx.renderer;
    fx.env.config = &fx.config;
    fx.env.tz = fx.tz;
    fx.env.layout = &fx.layout;
    fx.env.video = fx.player;
    fx.last_sample_ms = now_ms();
    return 0;
}

static int teardown_all(void **state)
{
    (void)state;
    video_player_destroy(fx.player);
    SDL_DestroyRenderer(fx.renderer);
    SDL_FreeSurface(fx.surface);
    SDL_Quit();
    tzone_free(fx.tz);

    DIR *d = opendir(fx.dir);
    if (d) {
        struct dirent *e;
        char path[512];
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            snprintf(path, sizeof path, "%s/%s", fx.dir, e->d_name);
            unlink(path);
        }
        closedir(d);
        rmdir(fx.dir);
    }
    print_message("never-black: %d samples, %d black\n", fx.samples,
                  fx.black_samples);
    return 0;
}

static void make_item(struct item *item, const char *path, const char *key)
{
    memset(item, 0, sizeof *item);
    item->id = (char *)key;
    item->type = ITEM_VIDEO;
    item->title = "Hướng dẫn bỏ phiếu";
    item->media.path = (char *)path;
    snprintf(item->media.sha256, sizeof item->media.sha256, "%s", key);
    item->audio = true;
    item->volume = 100;
    item->loops = 1;
}

struct run_result {
    bool finished;
    int64_t elapsed_ms;
    long decoded;
    long presented;
};

/* Drives the scene the way the app does until finished or limit_ms,
 * rendering whenever update says the picture changes. */
static void run_scene(const struct item *item, int limit_ms,
                      struct run_result *out)
{
    const struct scene_ops *ops = &scene_video;
    int64_t start = now_ms();

    memset(out, 0, sizeof *out);
    void *state = ops->enter(&fx.env, item, 0);
    assert_non_null(state);

    int64_t next = 0;
    while (now_ms() - start < limit_ms) {
        int64_t t = now_ms() - start;
        if (t >= next) {
            ops->render(state, &fx.env, t);
            next = ops->update(state, t);
        }
        sample_canvas();
        if (ops->finished(state, t)) {
            out->finished = true;
            break;
        }
        usleep(2000);
    }
    out->elapsed_ms = now_ms() - start;

    struct video_stats stats;
    video_get_stats(scene_video_clip(state), &stats);
    out->decoded = stats.frames_decoded;
    out->presented = stats.frames_presented;
    ops->leave(state);
}

/* A good 2 s clip plays to its end. How many of its 60 pictures are
 * decoded and shown depends on how busy the machine is (libvlc drops
 * late ones), so that is bench/video.sh's business; here it must not be
 * cut short (a busy machine only makes it longer), show pictures, and
 * not be marked bad. */
static void play_good(const char *name)
{
    char path[512];
    struct item item;
    struct run_result r;

    clip(path, sizeof path, name);
    make_item(&item, path, name);
    run_scene(&item, 6000, &r);
    print_message("%s: %ld decoded, %ld presented, %lld ms\n", name, r.decoded,
                  r.presented, (long long)r.elapsed_ms);
    assert_true(r.finished);
    assert_true(r.elapsed_ms >= CLIP_MS - 200);
    assert_true(r.decoded >= 10);
    assert_true(r.presented >= 10 && r.presented <= r.decoded);
    assert_false(video_player_is_bad(fx.player, name));
}

static void test_h264_720_with_audio(void **state)
{
    (void)state;
    skip_under_valgrind();
    play_good("h264-720-audio.mp4");
}

static void test_h264_1080(void **state)
{
    (void)state;
    skip_under_valgrind();
    play_good("h264-1080.mp4");
}

static void test_vp9_webm(void **state)
{
    (void)state;
    skip_under_valgrind();
    play_good("vp9-audio.webm");
}

/* libvlc can end a clip of one frame before it shows the picture when
 * the machine is busy (README, Known limitations): the item then ends at
 * once without being marked bad. It must show in one of three plays. */
static void test_one_frame(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    struct item item;
    struct run_result r;
    bool shown = false;

    clip(path, sizeof path, "one-frame.mp4");
    make_item(&item, path, "one-frame.mp4");
    for (int i = 0; i < 3 && !shown; i++) {
        run_scene(&item, 6000, &r);
        print_message("one-frame.mp4: %ld decoded, %ld presented, %lld ms\n",
                      r.decoded, r.presented, (long long)r.elapsed_ms);
        assert_true(r.finished);
        assert_true(r.elapsed_ms < VIDEO_STALL_MS); /* ended, not stalled */
        assert_false(video_player_is_bad(fx.player, "one-frame.mp4"));
        shown = r.presented >= 1;
    }
    assert_true(shown);
}

/* A portrait clip on a landscape canvas: centred, bars at the sides. */
static void test_portrait_letterboxed(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    clip(path, sizeof path, "portrait.mp4");
    struct video_request req = {.path = path, .key = "portrait", .loops = 1};
    struct video *v = video_open(fx.player, &req);
    assert_non_null(v);

    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};
    int64_t start = now_ms();
    bool drawn = false;
    while (now_ms() - start < 3000 && !drawn) {
        video_poll(v);
        if (video_has_new_frame(v)) {
            clear_canvas();
            drawn = video_draw(v, fx.renderer, &all);
        }
        sample_canvas();
        usleep(5000);
    }
    assert_true(drawn);

    const Uint32 *px = fx.surface->pixels;
    int pitch = fx.surface->pitch / 4;
    int picture_w = CANVAS_H * 720 / 1280;
    int left = (CANVAS_W - picture_w) / 2;
    Uint32 bar = px[(CANVAS_H / 2) * pitch + left / 2] & 0xffffff;
    assert_int_equal(bar, 0);
    int lit = 0;
    for (int x = left + 4; x < left + picture_w - 4; x += 8) {
        if ((px[(CANVAS_H / 2) * pitch + x] & 0xffffff) != 0)
            lit++;
    }
    assert_true(lit > picture_w / 8 / 2);
    video_close(v);
}

/* Open, show one picture, pause, close, with no time limit of its own. */
static void test_open_draw_close(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    clip(path, sizeof path, "h264-720-audio.mp4");
    struct video_request req = {.path = path, .key = "any-speed",
                                .audio = true, .volume = 20, .loops = 1};
    struct video *v = video_open(fx.player, &req);
    assert_non_null(v);

    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};
    bool drawn = false;
    int64_t start = now_ms();
    enum video_state st = VIDEO_OPENING;
    while (!drawn && st != VIDEO_FAILED && now_ms() - start < 60000) {
        st = video_poll(v);
        if (video_has_new_frame(v))
            drawn = video_draw(v, fx.renderer, &all);
        usleep(10000);
    }
    int paused = video_set_pause(v, true);
    video_close(v);
    if (!RUNNING_ON_VALGRIND) {
        assert_true(drawn);
        assert_int_equal(paused, 0);
    }
}

/* ---- the picture at a known time against ffmpeg's own frame ---------- */

static double psnr_rgb(const unsigned char *ref, int w, int h)
{
    const Uint32 *px = fx.surface->pixels;
    int pitch = fx.surface->pitch / 4;
    double se = 0;

    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            Uint32 c = px[y * pitch + x];
            const unsigned char *r = ref + ((size_t)y * w + x) * 3;
            int d0 = (int)((c >> 16) & 0xff) - r[0];
            int d1 = (int)((c >> 8) & 0xff) - r[1];
            int d2 = (int)(c & 0xff) - r[2];
            se += d0 * d0 + d1 * d1 + d2 * d2;
        }
    }
    double mse = se / ((double)w * h * 3);
    return mse == 0 ? 99.0 : 10.0 * log10(255.0 * 255.0 / mse);
}

/* ffmpeg's frame number n of path as RGB, converted with BT.601 limited
 * range as SDL's software renderer converts IYUV textures. */
static unsigned char *ffmpeg_frame(const char *path, int n, int w, int h)
{
    char out[300];
    char cmd[1024];
    snprintf(out, sizeof out, "%s/frame-%d.rgb", fx.dir, n);
    snprintf(cmd, sizeof cmd,
             "ffmpeg -nostdin -loglevel error -y -i %s -vf "
             "\"select=eq(n\\,%d),scale=in_color_matrix=bt601:in_range=tv,"
             "format=rgb24\" -vsync 0 -frames:v 1 -f rawvideo %s",
             path, n, out);
    if (system(cmd) != 0)
        return NULL;

    size_t size = (size_t)w * h * 3;
    unsigned char *buf = malloc(size);
    FILE *f = fopen(out, "rb");
    size_t got = f && buf ? fread(buf, 1, size, f) : 0;
    if (f)
        fclose(f);
    unlink(out);
    if (got != size) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void test_frame_matches_ffmpeg(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    clip(path, sizeof path, "h264-720-audio.mp4");

    /* Start at 1 s: the first picture is frame 30 of the 30 fps clip. */
    struct video_request req = {
        .path = path, .key = "psnr", .audio = false, .start_ms = 1000,
        .loops = 1,
    };
    struct video *v = video_open(fx.player, &req);
    assert_non_null(v);
    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};
    int64_t start = now_ms();
    struct video_stats stats = {0};
    /* Until the clip's own first picture is up (the previous test's last
     * one may be held on screen meanwhile). */
    while (now_ms() - start < 3000 && stats.frames_presented == 0) {
        video_poll(v);
        if (video_has_new_frame(v))
            video_draw(v, fx.renderer, &all);
        video_get_stats(v, &stats);
        usleep(1000);
    }
    video_close(v);
    assert_true(stats.frames_presented > 0);

    double best = 0;
    int best_n = -1;
    for (int n = 28; n <= 32; n++) {
        unsigned char *ref = ffmpeg_frame(path, n, CANVAS_W, CANVAS_H);
        assert_non_null(ref);
        double db = psnr_rgb(ref, CANVAS_W, CANVAS_H);
        print_message("PSNR against ffmpeg frame %d: %.1f dB\n", n, db);
        if (db > best) {
            best = db;
            best_n = n;
        }
        free(ref);
    }
    /* Frame 30 is shown at 1 s; on a loaded machine libvlc may drop it as
     * late and show 31 first. Anything else is a wrong picture. */
    assert_true(best_n == 30 || best_n == 31);
    assert_true(best >= PSNR_MIN_DB);
}

/* ---- bad files ------------------------------------------------------- */

static void play_bad(const char *name)
{
    char path[512];
    struct item item;
    struct run_result r;

    clip(path, sizeof path, name);
    make_item(&item, path, name);
    run_scene(&item, 6000, &r);
    print_message("%s: abandoned after %lld ms\n", name, (long long)r.elapsed_ms);
    assert_true(r.finished);
    assert_true(r.elapsed_ms <= 5000);
    assert_true(video_player_is_bad(fx.player, name));

    /* Marked bad: skipped by its key without asking libvlc again. Were
     * the file opened, this good clip under the same key would play. */
    char good[512];
    clip(good, sizeof good, "h264-720-audio.mp4");
    struct video_request req = {.path = good, .key = name, .loops = 1};
    assert_null(video_open(fx.player, &req));
}

static void test_truncated(void **state)
{
    (void)state;
    skip_under_valgrind();
    play_bad("truncated.mp4");
}

static void test_random_bytes(void **state)
{
    (void)state;
    skip_under_valgrind();
    play_bad("random.mp4");
}

static void test_empty(void **state)
{
    (void)state;
    play_bad("empty.mp4");
}

static void test_missing(void **state)
{
    (void)state;
    play_bad("no-such-file.mp4");
}

static void test_no_player_finishes_at_once(void **state)
{
    (void)state;
    char path[512];
    struct item item;
    struct scene_env env = fx.env;

    env.video = NULL;
    clip(path, sizeof path, "h264-1080.mp4");
    make_item(&item, path, "nolibvlc");
    void *s = scene_video.enter(&env, &item, 0);
    assert_non_null(s);
    assert_true(scene_video.finished(s, 0));
    scene_video.render(s, &env, 0);
    assert_false(canvas_black());
    scene_video.leave(s);
}

/* ---- prepared clips: the gap between items ----------------------------- */

static int64_t first_picture_after(struct video *v)
{
    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};
    int64_t start = now_ms();

    while (now_ms() - start < 3000) {
        video_poll(v);
        if (video_has_new_frame(v)) {
            video_draw(v, fx.renderer, &all);
            return now_ms() - start;
        }
        sample_canvas();
        usleep(1000);
    }
    return -1;
}

static void test_prepared_gap(void **state)
{
    (void)state;
    skip_under_valgrind();
    char a[512];
    char b[512];
    clip(a, sizeof a, "one-frame.mp4");
    clip(b, sizeof b, "h264-1080.mp4");
    struct video_request ra = {.path = a, .key = "gap-a", .loops = 1};
    struct video_request rb = {.path = b, .key = "gap-b", .audio = true,
                               .volume = 50, .loops = 1};

    struct video *va = video_open(fx.player, &ra);
    assert_non_null(va);
    assert_true(first_picture_after(va) >= 0);
    assert_int_equal(video_player_prepare(fx.player, &rb), 0);

    /* Let the prepared clip reach its first picture while A ends. */
    int64_t start = now_ms();
    while (now_ms() - start < 500) {
        video_poll(va);
        usleep(5000);
    }
    int64_t t0 = now_ms();
    video_close(va);
    struct video *vb = video_open(fx.player, &rb);
    assert_non_null(vb);
    int64_t first = first_picture_after(vb);
    int64_t gap = now_ms() - t0;
    print_message("gap with a prepared clip: %lld ms\n", (long long)gap);
    assert_true(first >= 0);
    assert_true(gap <= 250);

    /* It plays on from there, not stuck on the prepared picture. */
    struct video_stats stats = {0};
    start = now_ms();
    while (now_ms() - start < 3000 && stats.frames_presented < 3) {
        video_poll(vb);
        if (video_has_new_frame(vb))
            video_draw(vb, fx.renderer, &(SDL_Rect){0, 0, CANVAS_W, CANVAS_H});
        video_get_stats(vb, &stats);
        usleep(5000);
    }
    assert_true(stats.frames_presented >= 3);
    assert_int_equal(video_poll(vb), VIDEO_PLAYING);

    /* Without preparing, measured for the record. */
    t0 = now_ms();
    video_close(vb);
    vb = video_open(fx.player, &ra);
    first = first_picture_after(vb);
    print_message("gap without preparing: %lld ms\n", (long long)(now_ms() - t0));
    assert_true(first >= 0);
    video_close(vb);
}

/* ---- pause (the Videos screen) ----------------------------------------- */

static long decoded_of(struct video *v)
{
    struct video_stats stats;
    video_get_stats(v, &stats);
    return stats.frames_decoded;
}

/* Paused longer than the stall limit: still there, still showing its
 * picture, and it plays on when resumed. */
static void test_pause_resume(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    clip(path, sizeof path, "portrait.mp4");
    struct video_request req = {.path = path, .key = "pause", .loops = 1};
    struct video *v = video_open(fx.player, &req);
    assert_non_null(v);
    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};

    int64_t start = now_ms();
    while (now_ms() - start < 500) {
        video_poll(v);
        if (video_has_new_frame(v))
            video_draw(v, fx.renderer, &all);
        usleep(5000);
    }
    assert_int_equal(video_poll(v), VIDEO_PLAYING);
    assert_int_equal(video_set_pause(v, true), 0);
    assert_true(video_paused(v));
    usleep(200000);
    long frozen = decoded_of(v);
    int64_t paused_at = video_time_ms(v);

    start = now_ms();
    while (now_ms() - start < VIDEO_STALL_MS + 500) {
        assert_int_equal(video_poll(v), VIDEO_PAUSED);
        if (video_has_new_frame(v))
            video_draw(v, fx.renderer, &all);
        assert_true(video_draw(v, fx.renderer, &all));
        sample_canvas();
        usleep(50000);
    }
    /* libvlc shows the paused picture again now and then; time stands. */
    assert_true(video_time_ms(v) >= 0);
    assert_true(video_time_ms(v) - paused_at < 50);

    assert_int_equal(video_set_pause(v, false), 0);
    start = now_ms();
    while (now_ms() - start < 500) {
        video_poll(v);
        usleep(5000);
    }
    assert_int_equal(video_poll(v), VIDEO_PLAYING);
    assert_true(decoded_of(v) >= frozen + 8);
    assert_true(video_time_ms(v) > paused_at);
    video_close(v);
}

/* ---- still frames ----------------------------------------------------- */

static void test_still_frame(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    char bad[512];
    clip(path, sizeof path, "h264-720-audio.mp4");
    clip(bad, sizeof bad, "random.mp4");

    /* A 16:9 still in a square box: bars above and below, picture in
     * the middle band. */
    SDL_Rect box = {100, 40, 400, 400};
    bool drawn = false;
    int64_t start = now_ms();
    while (!drawn && now_ms() - start < 4000) {
        clear_canvas();
        drawn = video_player_draw_still(fx.player, fx.renderer, path, "still-a",
                                        &box);
        if (!drawn)
            assert_true(video_player_still_busy(fx.player));
        usleep(10000);
    }
    assert_true(drawn);
    assert_false(video_player_still_busy(fx.player));
    int band = 400 * 720 / 1280;
    int top = box.y + (box.h - band) / 2;
    assert_int_equal(lit_percent(box.x, box.y, box.w, top - box.y - 2), 0);
    assert_true(lit_percent(box.x, top + 2, box.w, band - 4) > 50);
    assert_int_equal(lit_percent(box.x, top + band + 2, box.w,
                                 box.y + box.h - top - band - 2), 0);
    assert_int_equal(lit_percent(0, 0, box.x - 1, CANVAS_H), 0);

    clear_canvas();
    assert_true(video_player_draw_still(fx.player, fx.renderer, path, "still-a",
                                        &box));

    bool bad_drawn = false;
    start = now_ms();
    while (now_ms() - start < 1500) {
        bad_drawn |= video_player_draw_still(fx.player, fx.renderer, bad,
                                             "still-bad", &box);
        usleep(10000);
    }
    assert_false(bad_drawn);
}

/* ---- decoder threads ---------------------------------------------------- */

static void test_decode_threads_policy(void **state)
{
    (void)state;
    /* Keeping up, or too few pictures to judge: unchanged. */
    assert_int_equal(video_decode_threads_next(1, 600, 0, 4), 1);
    assert_int_equal(video_decode_threads_next(1, 20, 15, 4), 1);
    /* 2 % late is still keeping up; just over it is not. */
    assert_int_equal(video_decode_threads_next(1, 600, 12, 4), 1);
    assert_int_equal(video_decode_threads_next(1, 600, 13, 4), 2);
    assert_int_equal(video_decode_threads_next(2, 600, 300, 4), 3);
    /* Never past the cores there are. */
    assert_int_equal(video_decode_threads_next(2, 600, 300, 2), 2);
    assert_int_equal(video_decode_threads_next(4, 600, 300, 4), 4);
}

/* ---- volume and quiet hours ------------------------------------------- */

static void test_volume_and_quiet_hours(void **state)
{
    (void)state;
    struct item item;
    make_item(&item, "/nonexistent", "vol");

    assert_true(scene_video_quiet("22:00-06:00", 23 * 60));
    assert_true(scene_video_quiet("22:00-06:00", 5 * 60 + 59));
    assert_false(scene_video_quiet("22:00-06:00", 6 * 60));
    assert_false(scene_video_quiet("22:00-06:00", 12 * 60));
    assert_true(scene_video_quiet("12:00-13:00", 12 * 60 + 30));
    assert_false(scene_video_quiet("", 23 * 60));
    assert_false(scene_video_quiet("junk", 23 * 60));

    /* 2026-03-14 12:00 and 23:00 in Hanoi (UTC+7). */
    int64_t noon = 1773464400000LL;
    int64_t night = noon + 11 * 3600 * 1000LL;
    fx.config.volume = 80;
    item.volume = 50;
    assert_int_equal(scene_video_volume(&fx.env, &item, noon), 40);
    assert_int_equal(scene_video_volume(&fx.env, &item, night), 0);
    item.audio = false;
    assert_int_equal(scene_video_volume(&fx.env, &item, noon), 0);

    struct video_request req;
    item.audio = true;
    item.start_ms = 1500;
    item.max_ms = 3000;
    item.loops = 2;
    scene_video_request(&fx.env, &item, night, &req);
    assert_false(req.audio);
    assert_int_equal(req.start_ms, 1500);
    assert_int_equal(req.max_ms, 3000);
    assert_int_equal(req.loops, 2);
    scene_video_request(&fx.env, &item, noon, &req);
    assert_true(req.audio);
    assert_int_equal(req.volume, 40);
}

/* Start offset, maximum duration and loops reach libvlc. */
static void test_start_max_loops(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    clip(path, sizeof path, "vp9-audio.webm");
    struct video_request req = {
        .path = path, .key = "loops", .start_ms = 1000, .max_ms = 500,
        .loops = 2,
    };
    struct video *v = video_open(fx.player, &req);
    assert_non_null(v);

    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};
    int64_t start = now_ms();
    int64_t last_picture = 0;
    int64_t longest_wait = 0;
    enum video_state st = VIDEO_OPENING;
    while (now_ms() - start < 8000) {
        st = video_poll(v);
        if (video_has_new_frame(v)) {
            video_draw(v, fx.renderer, &all);
            if (last_picture > 0 && now_ms() - last_picture > longest_wait)
                longest_wait = now_ms() - last_picture;
            last_picture = now_ms();
        }
        if (st == VIDEO_ENDED || st == VIDEO_FAILED)
            break;
        sample_canvas();
        usleep(5000);
    }
    int64_t took = now_ms() - start;
    struct video_stats stats;
    video_get_stats(v, &stats);
    video_close(v);
    print_message("2 x 0.5 s from 1 s: %lld ms, %ld frames; longest wait for a"
                  " picture (the loop) %lld ms\n", (long long)took,
                  stats.frames_decoded, (long long)longest_wait);
    /* Two plays of 0.5 s: not less than 0.9 s of wall time. At most 40
     * of the 30 fps pictures: the limit held (the rest of the clip from
     * 1 s, twice, is 60). A busy machine only lengthens the one and
     * lowers the other. */
    assert_int_equal(st, VIDEO_ENDED);
    assert_true(took >= 900);
    assert_true(stats.frames_decoded >= 1 && stats.frames_decoded <= 40);
    /* The second play is a fresh start of the same media (video.c,
     * play_again): the picture between the two stays within the gap
     * allowed between items. Under qemu, opening a file takes many
     * times longer than on any board. */
    assert_true(longest_wait > 0);
    if (!getenv("BANGTIN_EMULATED"))
        assert_true(longest_wait <= 250);
}

/* Every loop starts at the start offset: the first picture of the second
 * play is the one at 1 s, never one from the file's beginning. */
static void test_loop_starts_at_offset(void **state)
{
    (void)state;
    skip_under_valgrind();
    char path[512];
    clip(path, sizeof path, "h264-720-audio.mp4");
    struct video_request req = {
        .path = path, .key = "loop-offset", .start_ms = 1000, .max_ms = 400,
        .loops = 2,
    };
    struct video *v = video_open(fx.player, &req);
    assert_non_null(v);

    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};
    /* The counts when the second play starts: a picture of the first one
     * can still wait for its upload then, and must not count. */
    struct video_stats stats = {0};
    struct video_stats at_second = {0};
    bool second = false;
    bool captured = false;
    int64_t start = now_ms();
    while (now_ms() - start < 6000 && !captured) {
        enum video_state st = video_poll(v);
        video_get_stats(v, &stats);
        if (stats.plays == 2 && !second) {
            at_second = stats;
            second = true;
        }
        if (video_has_new_frame(v)) {
            video_draw(v, fx.renderer, &all);
            video_get_stats(v, &stats);
            captured = second &&
                       stats.frames_decoded > at_second.frames_decoded &&
                       stats.frames_presented > at_second.frames_presented;
        }
        if (st == VIDEO_ENDED || st == VIDEO_FAILED)
            break;
        sample_canvas();
        usleep(1000);
    }
    video_close(v);
    assert_true(second && at_second.frames_presented > 0);
    assert_true(captured);

    /* The file's first pictures, and those around the offset. */
    const int candidates[] = {0, 1, 2, 28, 29, 30, 31, 32};
    double best = 0;
    int best_n = -1;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        int n = candidates[i];
        unsigned char *ref = ffmpeg_frame(path, n, CANVAS_W, CANVAS_H);
        assert_non_null(ref);
        double db = psnr_rgb(ref, CANVAS_W, CANVAS_H);
        if (db > best) {
            best = db;
            best_n = n;
        }
        free(ref);
    }
    print_message("second play's first picture: frame %d (%.1f dB)\n", best_n,
                  best);
    assert_true(best_n == 30 || best_n == 31);
    assert_true(best >= PSNR_MIN_DB);
}

/* ---- resources over many transitions ---------------------------------- */

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    struct dirent *e;

    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL)
        n++;
    closedir(d);
    return n;
}

static long status_field(const char *name)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long value = -1;
    size_t len = strlen(name);

    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, name, len) == 0 && line[len] == ':') {
            value = strtol(line + len + 1, NULL, 10);
            break;
        }
    }
    fclose(f);
    return value;
}

static void test_transitions_flat(void **state)
{
    (void)state;
    skip_under_valgrind();
    const char *names[] = {"h264-720-audio.mp4", "vp9-audio.webm", "portrait.mp4"};
    char paths[3][512];
    for (int i = 0; i < 3; i++)
        clip(paths[i], sizeof paths[i], names[i]);

    SDL_Rect all = {0, 0, CANVAS_W, CANVAS_H};
    int fds0 = 0;
    long threads0 = 0;
    long rss0 = 0;
    long rss_early_max = 0;
    int done = 0;
    int shown = 0;
    int64_t start = now_ms();
    bool emulated = getenv("BANGTIN_EMULATED") != NULL;

    for (int i = 0; i < TRANSITIONS; i++) {
        if (emulated && now_ms() - start > TRANSITIONS_EMULATED_BUDGET_MS)
            break;
        struct video_request req = {
            .path = paths[i % 3], .key = names[i % 3], .audio = i % 2 == 0,
            .volume = 30, .loops = 1,
        };
        struct video *v = video_open(fx.player, &req);
        assert_non_null(v);
        int64_t t0 = now_ms();
        while (now_ms() - t0 < 2000) {
            video_poll(v);
            if (video_has_new_frame(v) && video_draw(v, fx.renderer, &all)) {
                shown++;
                break;
            }
            usleep(1000);
        }
        sample_canvas();
        video_close(v);
        done++;

        /* Baseline once libvlc has loaded its plugins and malloc has made
         * its per-thread arenas. */
        if (done % 100 == 0)
            print_message("  %d: fds %d, threads %ld, RSS %ld kB\n", done,
                          count_fds(), status_field("Threads"),
                          status_field("VmRSS"));
        if (done == 50) {
            fds0 = count_fds();
            threads0 = status_field("Threads");
            rss0 = status_field("VmRSS");
        }
        if (done >= 50 && done <= 100 && status_field("VmRSS") > rss_early_max)
            rss_early_max = status_field("VmRSS");
    }

    int fds = count_fds();
    long threads = status_field("Threads");
    long rss = status_field("VmRSS");
    print_message("%d transitions (%d with a picture) in %lld ms: fds %d -> %d,"
                  " threads %ld -> %ld, RSS %ld -> %ld kB\n", done, shown,
                  (long long)(now_ms() - start), fds0, fds, threads0, threads,
                  rss0, rss);
    /* Every clip is good: a transition that showed nothing within 2 s
     * means the open path broke somewhere along the way. */
    assert_true(shown * 100 >= done * 99);
    assert_int_equal(fds, fds0);
    /* Under qemu (test-arm64) a clip decodes many times slower, so the run
     * is cut at a time budget; threads and RSS are the emulator's own: it
     * adds threads and keeps translated code and per-thread heaps. */
    if (emulated) {
        assert_true(done >= 150);
        print_message("emulated: threads and RSS are qemu's, not checked\n");
        return;
    }
    assert_int_equal(threads, threads0);
    /* AddressSanitizer keeps freed blocks in a quarantine of up to 256 MB,
     * so RSS climbs there whatever the code does; LeakSanitizer checks
     * leaks at exit instead. */
    if (BANGTIN_ASAN) {
        print_message("sanitizer build: RSS not checked (quarantine)\n");
        return;
    }
    /* RSS swings by some MB with which clip's buffers are mapped; a leak
     * shows as growth past the highest value of the early steady state. */
    assert_true(rss < rss_early_max + 8 * 1024);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_threads_policy),
        cmocka_unit_test(test_volume_and_quiet_hours),
        cmocka_unit_test(test_h264_720_with_audio),
        cmocka_unit_test(test_h264_1080),
        cmocka_unit_test(test_vp9_webm),
        cmocka_unit_test(test_one_frame),
        cmocka_unit_test(test_portrait_letterboxed),
        cmocka_unit_test(test_open_draw_close),
        cmocka_unit_test(test_frame_matches_ffmpeg),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_no_player_finishes_at_once),
        cmocka_unit_test(test_start_max_loops),
        cmocka_unit_test(test_loop_starts_at_offset),
        cmocka_unit_test(test_prepared_gap),
        cmocka_unit_test(test_pause_resume),
        cmocka_unit_test(test_still_frame),
        cmocka_unit_test(test_transitions_flat),
    };
    /* VIDEO_TEST=name runs one test (while working on it). */
    if (getenv("VIDEO_TEST"))
        cmocka_set_test_filter(getenv("VIDEO_TEST"));
    int failed = cmocka_run_group_tests(tests, setup_all, teardown_all);

    /* Every test sampled the picture; none may have been black. */
    if (fx.black_samples > 0) {
        fprintf(stderr, "never-black check failed: %d of %d samples black\n",
                fx.black_samples, fx.samples);
        failed++;
    }
    return failed ? 1 : 0;
}
