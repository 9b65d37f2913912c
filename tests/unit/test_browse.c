/* test_browse.c - a voter's session driven by input events on a software
 * renderer at 1920x1080, 1280x720 and 1080x1920: taps, swipes, keys,
 * idle, and 10,000 random events. BROWSE_SHOTS=dir saves screenshots. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

#include "assets.h"
#include "browse.h"
#include "config.h"
#include "exposure.h"
#include "text.h"

#define REGULAR "fonts/NotoSans-Regular.ttf"
#define BOLD "fonts/NotoSans-Bold.ttf"
#define T0 1773446400000LL   /* 2026-03-14T00:00:00Z */

static const char *const bio =
    "Sinh ra và lớn lên tại phường Hoa Sen. Tốt nghiệp đại học sư phạm, "
    "làm giáo viên tiểu học từ năm 1995. Từ năm 2010 là hiệu trưởng trường "
    "tiểu học Sen Hồng. Nhiều năm tham gia công tác hội phụ nữ, hội khuyến "
    "học của phường. Được tặng bằng khen của Ủy ban nhân dân tỉnh.\n\n"
    "Chương trình hành động: chăm lo giáo dục, môi trường sạch, an toàn "
    "giao thông trước cổng trường, lắng nghe ý kiến cử tri mỗi quý. "
    "Đề xuất xây thêm sân chơi cho thiếu nhi ở khu phố 3 và khu phố 4, "
    "mở rộng thư viện phường, hỗ trợ người cao tuổi sống một mình.\n\n"
    "Cam kết tiếp xúc cử tri định kỳ, trả lời đầy đủ các kiến nghị, báo cáo "
    "kết quả công việc công khai trên bảng tin của phường.";

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct text *text;
    struct assets *assets;
    struct config cfg;
    struct layout layout;
    struct exposure *exposure;
    struct content content;
    struct candidate cands[12];
    struct unit units[3];
    int order[12];
    struct item items[2];
    struct milestone milestones[2];
    struct scene_env env;
    struct browse *browse;
    int shot;
};

static const char *const given[12] = {
    "An", "Bình", "Cúc", "Dũng", "Đào", "Giang", "Hà", "Hải", "Khánh",
    "Lan", "Minh", "Yến",
};

static void build_content(struct fixture *f)
{
    struct content *c = &f->content;

    for (int i = 0; i < 12; i++) {
        struct candidate *k = &f->cands[i];
        static char ids[12][8];
        snprintf(ids[i], sizeof ids[i], "c%02d", i + 1);
        k->id = ids[i];
        k->family_name = i % 2 ? "Trần" : "Nguyễn";
        k->middle_name = i % 3 ? "Thị" : "";
        k->given_name = (char *)given[i];
        k->other_name = i == 4 ? "Út Đào" : NULL;
        k->gender = i % 3 ? GENDER_FEMALE : GENDER_MALE;
        k->birth_date = "1975-06-01";
        k->hometown = "xã Sen Hồng, huyện Bến Mây";
        k->residence = "khu phố 2, phường Hoa Sen";
        k->ethnicity = "Kinh";
        k->religion = "Không";
        k->education_general = "12/12";
        k->education_professional = "Cử nhân Sư phạm";
        k->education_political = "Trung cấp";
        k->foreign_languages = "Tiếng Anh B1";
        k->occupation = "Hiệu trưởng trường tiểu học Sen Hồng";
        k->workplace = "Trường tiểu học Sen Hồng";
        k->party_joined = i % 2 ? "2001-05-19" : NULL;
        k->biography = (char *)bio;
        k->unit = i < 5 ? 0 : (i < 9 ? 1 : 2);
        f->order[i] = i;
    }
    int counts[3] = {5, 4, 3};
    for (int u = 0, first = 0; u < 3; u++) {
        static char ids[3][8];
        snprintf(ids[u], sizeof ids[u], "u%d", u + 1);
        f->units[u].id = ids[u];
        f->units[u].number = u + 1;
        f->units[u].name = "Phường Hoa Sen";
        f->units[u].areas = "Khu phố 1, 2, 3 và 4";
        f->units[u].seats = counts[u] - 2;
        f->units[u].candidate_count = counts[u];
        f->units[u].candidates = &f->order[first];
        first += counts[u];
    }
    f->items[0] = (struct item){.id = "intro", .type = ITEM_VIDEO,
                                .duration_ms = 30000, .title = "Giới thiệu"};
    f->items[1] = (struct item){.id = "list1", .type = ITEM_CANDIDATES,
                                .duration_ms = 20000, .unit = 0};
    f->milestones[0] = (struct milestone){T0 - 86400000LL * 30, TIME_NEVER_MS,
                                          "Niêm yết danh sách", NULL};
    f->milestones[1] = (struct milestone){T0, TIME_NEVER_MS, "Ngày bầu cử",
                                          "Bỏ phiếu từ 7 giờ đến 19 giờ"};

    c->commission = "Ủy ban bầu cử phường Hoa Sen";
    c->feedback_url = "https://example.org/gop-y";
    c->zalo_url = "https://zalo.me/000000";
    c->zalo_name = "UBBC Hoa Sen";
    c->candidates = f->cands;
    c->candidate_count = 12;
    c->units = f->units;
    c->unit_count = 3;
    c->items = f->items;
    c->item_count = 2;
    c->milestones = f->milestones;
    c->milestone_count = 2;
    c->election.polls_open_ms = T0;
}

static struct fixture *make(int w, int h)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);

    f->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    assert_non_null(f->renderer);
    f->text = text_create(f->renderer, REGULAR, BOLD);
    assert_non_null(f->text);
    f->assets = assets_create(f->renderer, 4096);
    assert_non_null(f->assets);
    f->exposure = exposure_create();
    config_defaults(&f->cfg);
    layout_compute(&f->layout, w, h);
    build_content(f);

    f->env.renderer = f->renderer;
    f->env.text = f->text;
    f->env.assets = f->assets;
    f->env.content = &f->content;
    f->env.layout = &f->layout;
    f->env.config = &f->cfg;
    f->env.exposure = f->exposure;
    f->browse = browse_create();
    assert_non_null(f->browse);
    return f;
}

static void destroy(struct fixture *f)
{
    browse_destroy(f->browse);
    exposure_destroy(f->exposure);
    assets_destroy(f->assets);
    text_destroy(f->text);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
}

/* Renders, checks the picture is not blank, and saves it if asked. */
static void render(struct fixture *f, const char *name, int64_t now)
{
    browse_render(f->browse, &f->env, now);
    SDL_RenderPresent(f->renderer);

    const char *dir = getenv("BROWSE_SHOTS");
    if (dir && name) {
        char path[512];
        snprintf(path, sizeof path, "%s/%dx%d-%02d-%s.png", dir, f->surface->w,
                 f->surface->h, f->shot++, name);
        IMG_SavePNG(f->surface, path);
    }
}

static uint32_t pixel(struct fixture *f, int x, int y)
{
    const uint8_t *row = (const uint8_t *)f->surface->pixels +
                         (size_t)y * (size_t)f->surface->pitch;
    return ((const uint32_t *)row)[x] & 0xFFFFFF;
}

static const char *screen(struct fixture *f)
{
    struct browse_view v;
    browse_view(f->browse, &v);
    return v.screen ? v.screen : "closed";
}

/* The centre of the first target with this action (and arg, if >= 0). */
static SDL_Point find(struct fixture *f, const char *action, int arg)
{
    int n = browse_target_count(f->browse);

    for (int i = 0; i < n; i++) {
        SDL_Rect r;
        const char *a;
        int k;
        assert_int_equal(browse_target(f->browse, i, &r, &a, &k), 0);
        if (strcmp(a, action) == 0 && (arg < 0 || k == arg)) {
            /* 9 mm on a 32-inch 1080p screen is about 25 px at 1080p. */
            float min = 25.0f * f->layout.unit_px / 1.08f;
            assert_true(r.w >= min && r.h >= min);
            return (SDL_Point){r.x + r.w / 2, r.y + r.h / 2};
        }
    }
    fail_msg("no target %s %d on %s", action, arg, screen(f));
    return (SDL_Point){0, 0};
}

static void tap(struct fixture *f, SDL_Point p, int64_t now)
{
    struct input_event ev = {.kind = INPUT_TAP, .x = p.x, .y = p.y};
    browse_input(f->browse, &f->env, &ev, now);
}

static void tap_on(struct fixture *f, const char *action, int arg, int64_t now)
{
    tap(f, find(f, action, arg), now);
}

static void swipe(struct fixture *f, int dx, int dy, int64_t now)
{
    int cx = f->layout.w / 2, cy = f->layout.h / 2;
    struct input_event ev = {.kind = INPUT_SWIPE, .x = cx, .y = cy,
                             .x2 = cx + dx, .y2 = cy + dy};
    browse_input(f->browse, &f->env, &ev, now);
}

static void key(struct fixture *f, enum input_key k, int64_t now)
{
    struct input_event ev = {.kind = INPUT_KEY, .key = k};
    browse_input(f->browse, &f->env, &ev, now);
}

static void tap_flow(int w, int h)
{
    struct fixture *f = make(w, h);
    int64_t t = T0;
    struct browse_view v;

    assert_false(browse_active(f->browse));
    browse_open(f->browse, &f->env, t);
    assert_string_equal(screen(f), "home");
    render(f, "home", t);

    tap_on(f, "units", -1, t += 1000);
    assert_string_equal(screen(f), "units");
    render(f, "units", t);

    tap_on(f, "unit", 1, t += 1000);
    browse_view(f->browse, &v);
    assert_string_equal(v.screen, "unit");
    assert_int_equal(v.unit, 1);
    render(f, "unit", t);

    tap_on(f, "candidate", 2, t += 1000);
    browse_view(f->browse, &v);
    assert_string_equal(v.screen, "profile");
    assert_int_equal(v.position, 2);
    render(f, "profile", t);

    /* Swipe left: the next profile; right: back. */
    swipe(f, -w / 3, 10, t += 1000);
    browse_view(f->browse, &v);
    assert_int_equal(v.position, 3);
    swipe(f, -w / 3, 0, t += 1000);
    browse_view(f->browse, &v);
    assert_int_equal(v.position, 3);   /* the last one: stays */
    swipe(f, w / 3, 0, t += 1000);
    browse_view(f->browse, &v);
    assert_int_equal(v.position, 2);

    /* Swipe up scrolls the long biography. */
    render(f, NULL, t);
    swipe(f, 0, -h / 5, t += 1000);
    browse_view(f->browse, &v);
    assert_true(v.scroll_px > 0);
    render(f, "scrolled", t);

    /* Large text, then back out to the loop. */
    tap_on(f, "large", -1, t += 1000);
    browse_view(f->browse, &v);
    assert_true(v.large_text);
    render(f, "large", t);
    tap_on(f, "next", -1, t += 1000);
    browse_view(f->browse, &v);
    assert_int_equal(v.position, 3);

    tap_on(f, "back", -1, t += 1000);
    assert_string_equal(screen(f), "unit");
    render(f, "unit-large", t);
    tap_on(f, "back", -1, t += 1000);
    assert_string_equal(screen(f), "units");
    tap_on(f, "back", -1, t += 1000);
    assert_string_equal(screen(f), "home");

    /* The other home screens. */
    const char *const others[] = {"timeline", "howto", "videos", "feedback"};
    for (int i = 0; i < 4; i++) {
        tap_on(f, others[i], -1, t += 1000);
        assert_string_equal(screen(f), others[i]);
        render(f, others[i], t);
        tap_on(f, "back", -1, t += 1000);
        assert_string_equal(screen(f), "home");
    }

    tap_on(f, "back", -1, t += 1000);
    assert_false(browse_active(f->browse));
    assert_int_equal(browse_update(f->browse, &f->env, t), TIME_NEVER_MS);
    destroy(f);
}

static void test_tap_flow_1080p(void **state) { tap_flow(1920, 1080); }
static void test_tap_flow_720p(void **state) { tap_flow(1280, 720); }
static void test_tap_flow_portrait(void **state) { tap_flow(1080, 1920); }

static void keyboard_flow(int w, int h)
{
    struct fixture *f = make(w, h);
    int64_t t = T0;
    struct browse_view v;

    browse_open(f->browse, &f->env, t);
    key(f, KEY_RIGHT, t += 500);       /* shows the focus on the first */
    browse_view(f->browse, &v);
    assert_true(v.focus >= 0);
    render(f, "kb-home", t);
    key(f, KEY_ENTER, t += 500);
    assert_string_equal(screen(f), "units");
    key(f, KEY_DOWN, t += 500);
    key(f, KEY_ENTER, t += 500);
    browse_view(f->browse, &v);
    assert_string_equal(v.screen, "unit");
    assert_int_equal(v.unit, 1);
    /* The next card: to the right in a grid, below in a column. */
    key(f, f->layout.portrait ? KEY_DOWN : KEY_RIGHT, t += 500);
    browse_view(f->browse, &v);
    SDL_Rect r;
    const char *action;
    int arg;
    assert_int_equal(browse_target(f->browse, v.focus, &r, &action, &arg), 0);
    assert_string_equal(action, "candidate");
    assert_int_equal(arg, 1);
    key(f, KEY_ENTER, t += 500);
    browse_view(f->browse, &v);
    assert_string_equal(v.screen, "profile");
    assert_int_equal(v.position, 1);
    render(f, "kb-profile", t);
    key(f, KEY_RIGHT, t += 500);
    browse_view(f->browse, &v);
    assert_int_equal(v.position, 2);
    key(f, KEY_LEFT, t += 500);
    key(f, KEY_LEFT, t += 500);
    key(f, KEY_LEFT, t += 500);
    browse_view(f->browse, &v);
    assert_int_equal(v.position, 0);
    render(f, NULL, t);
    key(f, KEY_PAGE_DOWN, t += 500);
    browse_view(f->browse, &v);
    assert_true(v.scroll_px > 0);
    key(f, KEY_UP, t += 500);
    key(f, KEY_PAGE_UP, t += 500);
    browse_view(f->browse, &v);
    assert_int_equal(v.scroll_px, 0);

    key(f, KEY_BACK, t += 500);
    key(f, KEY_BACK, t += 500);
    assert_string_equal(screen(f), "units");
    key(f, KEY_BACK, t += 500);
    assert_string_equal(screen(f), "home");

    /* Every home button is reachable with the arrows. */
    int seen = 0;
    for (int i = 0; i < 12; i++) {
        key(f, i < 6 ? KEY_RIGHT : KEY_DOWN, t += 300);
        browse_view(f->browse, &v);
        seen |= 1 << v.focus;
    }
    key(f, KEY_LEFT, t += 300);
    key(f, KEY_UP, t += 300);
    key(f, KEY_UP, t += 300);
    browse_view(f->browse, &v);
    seen |= 1 << v.focus;
    assert_true(__builtin_popcount((unsigned)seen) >= 3);

    key(f, KEY_BACK, t += 500);
    assert_false(browse_active(f->browse));
    destroy(f);
}

static void test_keyboard_1080p(void **state) { keyboard_flow(1920, 1080); }
static void test_keyboard_portrait(void **state) { keyboard_flow(1080, 1920); }

static void test_idle_returns(void **state)
{
    struct fixture *f = make(1280, 720);
    int64_t t = T0;

    f->cfg.idle_timeout_s = 60;
    browse_open(f->browse, &f->env, t);
    tap_on(f, "units", -1, t + 1000);
    t += 1000;

    /* Quiet until the countdown, then once a second. */
    assert_int_equal(browse_update(f->browse, &f->env, t), t + 50000);
    assert_int_equal(browse_update(f->browse, &f->env, t + 50000), t + 51000);
    assert_int_equal(browse_update(f->browse, &f->env, t + 50400), t + 51000);
    render(f, "countdown", t + 52500);
    SDL_Color gold = {0xF2, 0xC2, 0x30, 0xFF};
    assert_int_equal(pixel(f, 2, f->layout.h - 3),
                     (uint32_t)(gold.r << 16 | gold.g << 8 | gold.b));
    render(f, NULL, t + 1000);
    assert_int_not_equal(pixel(f, 2, f->layout.h - 3),
                         (uint32_t)(gold.r << 16 | gold.g << 8 | gold.b));

    /* A touch in the countdown keeps the session. */
    tap(f, (SDL_Point){1, f->layout.h / 2}, t + 55000);
    browse_update(f->browse, &f->env, t + 60000);
    assert_true(browse_active(f->browse));
    assert_string_equal(screen(f), "units");

    browse_update(f->browse, &f->env, t + 115000);
    assert_false(browse_active(f->browse));

    /* A new session starts at home with nothing remembered. */
    browse_open(f->browse, &f->env, t + 200000);
    struct browse_view v;
    browse_view(f->browse, &v);
    assert_string_equal(v.screen, "home");
    assert_int_equal(v.depth, 1);
    assert_false(v.large_text);
    destroy(f);
}

static void test_double_tap_and_palm(void **state)
{
    struct fixture *f = make(1920, 1080);
    int64_t t = T0 + 5000;

    browse_open(f->browse, &f->env, T0);
    SDL_Point p = find(f, "units", -1);
    tap(f, p, t);
    assert_string_equal(screen(f), "units");
    /* The second tap of a double tap lands on the units list: ignored. */
    tap(f, p, t + 120);
    assert_string_equal(screen(f), "units");

    /* A palm: many touches at once over several targets; at most one
     * acts, and the session stays consistent. */
    t += 2000;
    for (int i = 0; i < 8; i++)
        tap(f, (SDL_Point){200 + i * 200, 300 + (i % 3) * 200}, t + i * 5);
    struct browse_view v;
    browse_view(f->browse, &v);
    assert_true(v.depth <= 3);
    assert_non_null(v.screen);

    /* Taps outside every target do nothing. */
    browse_close(f->browse);
    browse_open(f->browse, &f->env, t + 5000);
    tap(f, (SDL_Point){f->layout.w / 2, 2}, t + 6000);
    tap(f, (SDL_Point){-50, 99999}, t + 7000);
    assert_string_equal(screen(f), "home");
    destroy(f);
}

static void test_random_events(void **state)
{
    struct fixture *f = make(1280, 720);
    int64_t t = T0;
    unsigned seed = 20260314;
    int opened = 0;

    f->cfg.idle_timeout_s = 60;
    for (int i = 0; i < 10000; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = seed >> 8;
        t += r % 900;
        if (!browse_active(f->browse)) {
            browse_open(f->browse, &f->env, t);
            opened++;
        }

        struct input_event ev;
        memset(&ev, 0, sizeof ev);
        int x = (int)(r % 1400) - 60, y = (int)((r / 1400) % 840) - 60;
        switch (r % 7) {
        case 0:
        case 1:
        case 2:
            ev = (struct input_event){.kind = INPUT_TAP, .x = x, .y = y};
            break;
        case 3:
        case 4:
            ev = (struct input_event){.kind = INPUT_SWIPE, .x = x, .y = y,
                                      .x2 = x + (int)(r % 801) - 400,
                                      .y2 = y + (int)((r >> 4) % 801) - 400};
            break;
        default:
            ev = (struct input_event){.kind = INPUT_KEY,
                                      .key = (enum input_key)(r % 9)};
            break;
        }
        browse_input(f->browse, &f->env, &ev, t);
        int64_t next = browse_update(f->browse, &f->env, t);
        assert_true(next >= t);
        if (i % 97 == 0)
            render(f, NULL, t);

        struct browse_view v;
        browse_view(f->browse, &v);
        if (v.screen) {
            assert_true(v.depth >= 1 && v.depth <= 8);
            assert_true(v.scroll_px >= 0);
            assert_true(browse_target_count(f->browse) >= 1);
        }
    }
    assert_true(opened > 1);

    /* Whatever state it is in, idle brings the loop back. */
    if (!browse_active(f->browse))
        browse_open(f->browse, &f->env, t);
    int64_t next = browse_update(f->browse, &f->env, t);
    while (browse_active(f->browse)) {
        assert_true(next > t && next <= t + 60000);
        t = next;
        next = browse_update(f->browse, &f->env, t);
    }
    assert_false(browse_active(f->browse));
    destroy(f);
}

int main(void)
{
    if (SDL_Init(0) < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tap_flow_1080p),
        cmocka_unit_test(test_tap_flow_720p),
        cmocka_unit_test(test_tap_flow_portrait),
        cmocka_unit_test(test_keyboard_1080p),
        cmocka_unit_test(test_keyboard_portrait),
        cmocka_unit_test(test_idle_returns),
        cmocka_unit_test(test_double_tap_and_palm),
        cmocka_unit_test(test_random_events),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    SDL_Quit();
    return rc;
}
