/* browse.c - a voter's touch session: home, units, candidates, profiles,
 * timeline, how to vote, videos and feedback, closed by the idle timer.
 *
 * DESIGN: main thread only. The session is a stack of screens; each screen
 * has a list of targets (rectangles with an action) computed from the
 * layout alone, so input and drawing always agree and input needs no
 * rendering. One event at a time: a tap acts only on a target, and taps
 * right after a screen change are dropped, so double taps, several
 * fingers or a palm cannot skip screens. Keyboard: arrows move a visible
 * focus, Enter acts, Back goes back; on long text screens up/down scroll.
 * Nothing is kept after browse_close: no record of what was viewed. A
 * video is played through the video scene (play_video* below). */
#include "browse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assets.h"
#include "candview.h"
#include "config.h"
#include "log.h"
#include "playlist.h"
#include "qr.h"
#include "text.h"
#include "theme.h"
#include "tzone.h"
#include "video.h"

#define STACK_MAX 8
#define TARGETS_MAX 80
#define TAP_GUARD_MS 350        /* taps this soon after a change are dropped */
#define IDLE_DEFAULT_MS 60000
#define IDLE_WARN_MS 10000      /* the countdown shows in the last 10 s */
#define LARGE_SCALE 1.35f
#define BAR_UNITS 120           /* top bar height, layout units */
#define FOOT_UNITS 84           /* bottom bar height */
#define NAV_UNITS 110           /* profile previous/next row */
#define TEXT_MAX 8192

enum screen {
    SCR_HOME,
    SCR_UNITS,
    SCR_UNIT,
    SCR_PROFILE,
    SCR_TIMELINE,
    SCR_HOWTO,
    SCR_VIDEOS,
    SCR_VIDEO,
    SCR_FEEDBACK
};

enum action {
    ACT_BACK,
    ACT_LARGE,
    ACT_SCREEN,     /* arg: enum screen */
    ACT_UNIT,       /* arg: unit index */
    ACT_CANDIDATE,  /* arg: position in the unit */
    ACT_PREV,
    ACT_NEXT,
    ACT_VIDEO       /* arg: item index */
};

struct target {
    SDL_Rect r;
    enum action act;
    int arg;
};

struct frame {
    enum screen screen;
    int unit;       /* SCR_UNIT, SCR_PROFILE */
    int pos;        /* SCR_PROFILE: position in the unit */
    int scroll;     /* pixels, long text screens */
    int focus;      /* target index for the keyboard; -1 none */
};

struct browse {
    bool active;
    bool large;
    bool keyboard;              /* show the focus (a key was used) */
    int depth;
    struct frame stack[STACK_MAX];
    int64_t last_input_ms;
    int64_t last_change_ms;
    int64_t now_ms;             /* of the last open, input, update, render */
    int max_scroll;             /* of the current screen, from render */
    int target_count;
    struct target targets[TARGETS_MAX];
    SDL_Rect content;           /* between the bars */

    /* The video being played (SCR_VIDEO). */
    const struct scene_ops *video_ops;
    void *video_state;
};

static struct frame *top(struct browse *b)
{
    return &b->stack[b->depth - 1];
}

static float scale_of(const struct browse *b)
{
    return b->large ? LARGE_SCALE : 1.0f;
}

static int64_t idle_ms(const struct scene_env *env)
{
    if (env->config && env->config->idle_timeout_s > 0)
        return (int64_t)env->config->idle_timeout_s * 1000;
    return IDLE_DEFAULT_MS;
}

static bool scrolls(enum screen s)
{
    return s == SCR_PROFILE || s == SCR_TIMELINE || s == SCR_HOWTO;
}

/* ---- targets ---------------------------------------------------------- */

static void add_target(struct browse *b, SDL_Rect r, enum action act, int arg)
{
    if (b->target_count >= TARGETS_MAX || r.w <= 0 || r.h <= 0)
        return;
    b->targets[b->target_count++] = (struct target){r, act, arg};
}

/* Whether item i is offered on the Videos screen: campaign videos are
 * not, from the campaign's end until the polls close. */
static bool video_listed(const struct browse *b, const struct content *c,
                         int i)
{
    const struct item *it = &c->items[i];

    if (it->type != ITEM_VIDEO)
        return false;
    return it->klass != CLASS_CAMPAIGN ||
           !playlist_in_silence(&c->election, b->now_ms);
}

static int video_count(const struct browse *b, const struct content *c)
{
    int n = 0;

    for (int i = 0; c && i < c->item_count; i++)
        n += video_listed(b, c, i);
    return n;
}

/* Rows of a list, as tall as fit but not taller than max_h. */
static void list_rows(SDL_Rect area, int n, int gap, int max_h, SDL_Rect *rows)
{
    int h = n > 0 ? (area.h - gap * (n - 1)) / n : 0;

    if (h > max_h)
        h = max_h;
    for (int i = 0; i < n; i++)
        rows[i] = (SDL_Rect){area.x, area.y + i * (h + gap), area.w, h};
}

/* The home buttons: what they open, their names and a line each. */
static const struct {
    enum screen screen;
    const char *label;
    const char *detail;
} home_buttons[] = {
    {SCR_UNITS, "Ứng cử viên", "Danh sách và tiểu sử người ứng cử"},
    {SCR_TIMELINE, "Lịch bầu cử", "Các mốc thời gian quan trọng"},
    {SCR_HOWTO, "Hướng dẫn bỏ phiếu", "Các bước khi đi bầu cử"},
    {SCR_VIDEOS, "Video", "Phim tuyên truyền, hướng dẫn"},
    {SCR_FEEDBACK, "Góp ý", "Gửi ý kiến, câu hỏi cho Ủy ban"},
};

#define HOME_BUTTONS ((int)(sizeof home_buttons / sizeof home_buttons[0]))

/* Fills b->targets for the current screen from the layout alone. The
 * same function serves input and drawing, so both always agree. */
static void build_targets(struct browse *b, const struct scene_env *env)
{
    const struct layout *l = env->layout;
    const struct content *c = env->content;
    struct frame *f = top(b);
    int bar_h = theme_px(l, BAR_UNITS);
    int foot_h = theme_px(l, FOOT_UNITS);
    int margin = theme_px(l, THEME_MARGIN);
    int gap = theme_px(l, THEME_GAP);
    int pad = theme_px(l, 14);

    b->target_count = 0;
    b->content = (SDL_Rect){margin, bar_h + margin, l->w - 2 * margin,
                            l->h - bar_h - foot_h - 2 * margin};

    /* The bar: back at the left, large text at the right. */
    int button_w = l->w * (l->portrait ? 30 : 18) / 100;
    add_target(b, (SDL_Rect){pad, pad, button_w, bar_h - 2 * pad}, ACT_BACK, 0);
    if (f->screen != SCR_VIDEO)
        add_target(b, (SDL_Rect){l->w - pad - button_w, pad, button_w,
                                 bar_h - 2 * pad},
                   ACT_LARGE, 0);

    SDL_Rect area = b->content;
    SDL_Rect cells[TARGETS_MAX];
    switch (f->screen) {
    case SCR_HOME:
        candview_grid(HOME_BUTTONS, area, gap * 2, l->portrait ? 3.2f : 1.9f,
                      cells);
        for (int i = 0; i < HOME_BUTTONS; i++)
            add_target(b, cells[i], ACT_SCREEN, home_buttons[i].screen);
        break;
    case SCR_UNITS: {
        int n = c ? c->unit_count : 0;
        if (n > TARGETS_MAX - 4)
            n = TARGETS_MAX - 4;
        list_rows(area, n, gap, theme_px(l, 260), cells);
        for (int i = 0; i < n; i++)
            add_target(b, cells[i], ACT_UNIT, i);
        break;
    }
    case SCR_UNIT: {
        int n = c->units[f->unit].candidate_count;
        if (n > TARGETS_MAX - 4)
            n = TARGETS_MAX - 4;
        candview_card_grid(env, n, area, gap, scale_of(b), cells);
        for (int i = 0; i < n; i++)
            add_target(b, cells[i], ACT_CANDIDATE, i);
        break;
    }
    case SCR_PROFILE: {
        int nav_h = theme_px(l, NAV_UNITS);
        int w = area.w * 32 / 100;
        int y = area.y + area.h - nav_h;
        add_target(b, (SDL_Rect){area.x, y, w, nav_h}, ACT_PREV, 0);
        add_target(b, (SDL_Rect){area.x + area.w - w, y, w, nav_h}, ACT_NEXT, 0);
        break;
    }
    case SCR_VIDEOS: {
        int n = 0;
        for (int i = 0; c && i < c->item_count && n < TARGETS_MAX - 4; i++) {
            if (video_listed(b, c, i))
                n++;
        }
        list_rows(area, n, gap, theme_px(l, 200), cells);
        for (int i = 0, k = 0; c && i < c->item_count && k < n; i++) {
            if (video_listed(b, c, i))
                add_target(b, cells[k++], ACT_VIDEO, i);
        }
        break;
    }
    default:
        break;
    }
}

/* The target under a point, or -1. */
static int hit(const struct browse *b, int x, int y)
{
    SDL_Point p = {x, y};

    for (int i = b->target_count - 1; i >= 0; i--) {
        if (SDL_PointInRect(&p, &b->targets[i].r))
            return i;
    }
    return -1;
}

/* The focus a screen starts with: its first content target. */
static int first_focus(const struct browse *b)
{
    for (int i = 0; i < b->target_count; i++) {
        if (b->targets[i].act != ACT_BACK && b->targets[i].act != ACT_LARGE)
            return i;
    }
    return 0;
}

/* ---- the video hook ---------------------------------------------------- */

/* Videos play through the same scene as in the loop (video.c, helper E):
 * enter here, update in browse_update, draw in browse_render, leave on
 * back, on the clip's end and on close. The idle timer waits meanwhile. */
static bool play_video_start(struct browse *b, const struct scene_env *env,
                             int item, int64_t now_ms)
{
    const struct scene_ops *ops = scene_for_item(ITEM_VIDEO);

    if (!ops || !env->video)
        return false;
    void *state = ops->enter(env, &env->content->items[item], now_ms);
    if (!state)
        return false;
    b->video_ops = ops;
    b->video_state = state;
    return true;
}

static void play_video_stop(struct browse *b)
{
    if (b->video_ops && b->video_state)
        b->video_ops->leave(b->video_state);
    b->video_ops = NULL;
    b->video_state = NULL;
}

/* Next picture change of the clip; pops the screen when it has ended. */
static int64_t play_video_update(struct browse *b, int64_t now_ms)
{
    if (!b->video_state)
        return TIME_NEVER_MS;

    int64_t next = b->video_ops->update(b->video_state, now_ms);
    if (b->video_ops->finished && b->video_ops->finished(b->video_state, now_ms)) {
        play_video_stop(b);
        if (b->depth > 1)
            b->depth--;
        return now_ms;
    }
    return next;
}

static void play_video_render(struct browse *b, const struct scene_env *env,
                              int64_t now_ms)
{
    if (b->video_state)
        b->video_ops->render(b->video_state, env, now_ms);
}

/* A tap on the picture or Enter pauses the clip, or plays it on. */
static bool play_video_toggle(struct browse *b)
{
    struct video *v = b->video_state ? scene_video_clip(b->video_state) : NULL;

    if (!v)
        return false;
    video_set_pause(v, !video_paused(v));
    return true;
}

static bool play_video_paused(const struct browse *b)
{
    struct video *v = b->video_state ? scene_video_clip(b->video_state) : NULL;

    return v && video_paused(v);
}

/* ---- navigation -------------------------------------------------------- */

static void push(struct browse *b, enum screen s, int unit, int pos)
{
    if (b->depth >= STACK_MAX)
        return;
    b->stack[b->depth++] = (struct frame){s, unit, pos, 0, -1};
}

static void go_back(struct browse *b)
{
    if (top(b)->screen == SCR_VIDEO)
        play_video_stop(b);
    if (b->depth <= 1) {
        browse_close(b);
        return;
    }
    b->depth--;
}

static void move_profile(struct browse *b, const struct scene_env *env, int d)
{
    struct frame *f = top(b);
    int n = env->content->units[f->unit].candidate_count;
    int pos = f->pos + d;

    if (pos < 0 || pos >= n)
        return;
    f->pos = pos;
    f->scroll = 0;
}

static void activate(struct browse *b, const struct scene_env *env,
                     const struct target *t, int64_t now_ms)
{
    const struct content *c = env->content;
    struct frame *f = top(b);

    switch (t->act) {
    case ACT_BACK:
        go_back(b);
        break;
    case ACT_LARGE:
        b->large = !b->large;
        break;
    case ACT_SCREEN:
        push(b, (enum screen)t->arg, 0, 0);
        break;
    case ACT_UNIT:
        push(b, SCR_UNIT, t->arg, 0);
        break;
    case ACT_CANDIDATE:
        push(b, SCR_PROFILE, f->unit, t->arg);
        break;
    case ACT_PREV:
        move_profile(b, env, -1);
        break;
    case ACT_NEXT:
        move_profile(b, env, 1);
        break;
    case ACT_VIDEO:
        if (t->arg >= 0 && t->arg < c->item_count && b->depth < STACK_MAX &&
            play_video_start(b, env, t->arg, now_ms))
            push(b, SCR_VIDEO, 0, t->arg);
        break;
    }
    b->last_change_ms = now_ms;
}

/* Moves the keyboard focus to the nearest target in a direction. */
static void move_focus(struct browse *b, int dx, int dy)
{
    struct frame *f = top(b);

    if (f->focus < 0 || f->focus >= b->target_count) {
        f->focus = first_focus(b);
        return;
    }

    const SDL_Rect *from = &b->targets[f->focus].r;
    int fx = from->x + from->w / 2, fy = from->y + from->h / 2;
    int best = -1;
    long best_score = 0;
    for (int i = 0; i < b->target_count; i++) {
        const SDL_Rect *r = &b->targets[i].r;
        int along = (r->x + r->w / 2 - fx) * dx + (r->y + r->h / 2 - fy) * dy;
        int across = dx ? r->y + r->h / 2 - fy : r->x + r->w / 2 - fx;
        if (i == f->focus || along <= 0)
            continue;
        long score = along + 2L * (across < 0 ? -across : across);
        if (best < 0 || score < best_score) {
            best = i;
            best_score = score;
        }
    }
    if (best >= 0)
        f->focus = best;
}

static void scroll_by(struct browse *b, int d)
{
    struct frame *f = top(b);

    f->scroll += d;
    if (f->scroll > b->max_scroll)
        f->scroll = b->max_scroll;
    if (f->scroll < 0)
        f->scroll = 0;
}

static void on_key(struct browse *b, const struct scene_env *env,
                   enum input_key key, int64_t now_ms)
{
    struct frame *f = top(b);
    int line = theme_px(env->layout, 60);
    int page = b->content.h * 8 / 10;
    bool text_screen = scrolls(f->screen);

    b->keyboard = true;
    switch (key) {
    case KEY_BACK:
        go_back(b);
        b->last_change_ms = now_ms;
        return;
    case KEY_ENTER:
        if (f->focus < 0 || f->focus >= b->target_count) {
            f->focus = first_focus(b);
            return;
        }
        activate(b, env, &b->targets[f->focus], now_ms);
        return;
    case KEY_LEFT:
    case KEY_RIGHT:
        if (f->screen == SCR_PROFILE) {
            move_profile(b, env, key == KEY_LEFT ? -1 : 1);
            return;
        }
        move_focus(b, key == KEY_LEFT ? -1 : 1, 0);
        return;
    case KEY_UP:
    case KEY_DOWN:
        if (text_screen) {
            scroll_by(b, key == KEY_UP ? -line : line);
            return;
        }
        move_focus(b, 0, key == KEY_UP ? -1 : 1);
        return;
    case KEY_PAGE_UP:
    case KEY_PAGE_DOWN:
        if (text_screen)
            scroll_by(b, key == KEY_PAGE_UP ? -page : page);
        return;
    default:
        return;
    }
}

static void on_swipe(struct browse *b, const struct scene_env *env,
                     const struct input_event *ev, int64_t now_ms)
{
    struct frame *f = top(b);
    int dx = ev->x2 - ev->x, dy = ev->y2 - ev->y;
    int adx = dx < 0 ? -dx : dx, ady = dy < 0 ? -dy : dy;
    int min = theme_px(env->layout, 60);

    if (adx > ady && adx >= min) {
        if (f->screen != SCR_PROFILE || now_ms - b->last_change_ms < TAP_GUARD_MS)
            return;
        /* Swiping left brings the next profile, as with a page. */
        move_profile(b, env, dx < 0 ? 1 : -1);
        b->last_change_ms = now_ms;
        return;
    }
    if (ady >= min / 2 && scrolls(f->screen))
        scroll_by(b, -dy);
}

/* ---- public ------------------------------------------------------------ */

struct browse *browse_create(void)
{
    return calloc(1, sizeof(struct browse));
}

void browse_destroy(struct browse *b)
{
    if (!b)
        return;
    play_video_stop(b);
    free(b);
}

void browse_open(struct browse *b, const struct scene_env *env, int64_t now_ms)
{
    if (!b || !env->content)
        return;

    play_video_stop(b);
    b->active = true;
    b->large = env->config && env->config->large_text;
    b->keyboard = false;
    b->depth = 0;
    push(b, SCR_HOME, 0, 0);
    b->last_input_ms = now_ms;
    b->last_change_ms = now_ms;
    b->now_ms = now_ms;
    b->max_scroll = 0;
    if (env->layout && env->content)
        build_targets(b, env);
    log_info("browse", "session opened");
}

bool browse_active(const struct browse *b)
{
    return b && b->active;
}

void browse_input(struct browse *b, const struct scene_env *env,
                  const struct input_event *ev, int64_t now_ms)
{
    if (!browse_active(b) || !ev || !env->layout)
        return;

    b->last_input_ms = now_ms;
    b->now_ms = now_ms;
    build_targets(b, env);

    switch (ev->kind) {
    case INPUT_TAP: {
        /* A touch hides the keyboard focus; a tap soon after a change
         * (second tap of a double tap, another finger, a palm) or outside
         * every target does nothing. */
        b->keyboard = false;
        if (now_ms - b->last_change_ms < TAP_GUARD_MS)
            break;
        int i = hit(b, ev->x, ev->y);
        if (i >= 0)
            activate(b, env, &b->targets[i], now_ms);
        else if (top(b)->screen == SCR_VIDEO)
            play_video_toggle(b);
        break;
    }
    case INPUT_SWIPE:
        b->keyboard = false;
        on_swipe(b, env, ev, now_ms);
        break;
    case INPUT_KEY:
        if (ev->key == KEY_ENTER && top(b)->screen == SCR_VIDEO && play_video_toggle(b))
            break;
        on_key(b, env, ev->key, now_ms);
        break;
    }

    if (!b->active)
        return;

    /* The screen may have changed: its targets and a valid focus. */
    int depth = b->depth;
    build_targets(b, env);
    struct frame *f = top(b);
    if (f->focus >= b->target_count)
        f->focus = -1;
    if (b->keyboard && f->focus < 0)
        f->focus = first_focus(b);
    if (depth != b->depth)
        b->max_scroll = 0;
}

int64_t browse_update(struct browse *b, const struct scene_env *env,
                      int64_t now_ms)
{
    if (!browse_active(b))
        return TIME_NEVER_MS;
    b->now_ms = now_ms;

    /* A campaign clip stops when the silence begins. */
    if (top(b)->screen == SCR_VIDEO &&
        !video_listed(b, env->content, top(b)->pos)) {
        go_back(b);
        b->last_change_ms = now_ms;
        return now_ms;
    }

    /* Watching a clip is not being idle; a paused one is left behind. */
    int64_t next = TIME_NEVER_MS;
    if (top(b)->screen == SCR_VIDEO) {
        if (!play_video_paused(b))
            b->last_input_ms = now_ms;
        next = play_video_update(b, now_ms);
        if (top(b)->screen == SCR_VIDEO && !play_video_paused(b))
            return next;
    }

    /* Still frames for the video list arrive in the background. */
    if (top(b)->screen == SCR_VIDEOS && env->video &&
        video_player_still_busy(env->video) && now_ms + 50 < next)
        next = now_ms + 50;

    int64_t end = b->last_input_ms + idle_ms(env);
    if (now_ms >= end) {
        log_info("browse", "idle for %d s, back to the loop",
                 (int)(idle_ms(env) / 1000));
        browse_close(b);
        return now_ms;
    }

    /* The countdown redraws on each whole second. */
    int64_t warn = end - IDLE_WARN_MS;
    if (now_ms < warn)
        return warn < next ? warn : next;
    int64_t left = end - now_ms;
    int64_t step = left % 1000 ? left % 1000 : 1000;
    return now_ms + step < next ? now_ms + step : next;
}

void browse_close(struct browse *b)
{
    if (!b)
        return;
    play_video_stop(b);
    if (b->active)
        log_info("browse", "session closed");
    memset(b, 0, sizeof *b);
}

/* ---- drawing ----------------------------------------------------------- */

static int upx(const struct browse *b, const struct scene_env *env, int units)
{
    return theme_px(env->layout, (int)(units * scale_of(b) + 0.5f));
}

static void draw_text(const struct scene_env *env, const char *s, int size_px,
                      enum font_weight weight, SDL_Color color,
                      enum text_align align, SDL_Rect box)
{
    struct text_style st = {size_px, weight, color, align};
    int min_px = theme_px(env->layout, THEME_TEXT_MIN) * 3 / 4;

    if (min_px > size_px)
        min_px = size_px;
    if (s && s[0] && box.w > 0 && box.h > 0)
        text_draw_box(env->text, s, &st, min_px, box, NULL);
}

/* Text vertically centred in box on one or two lines. */
static void draw_label(const struct scene_env *env, const char *s, int size_px,
                       enum font_weight weight, SDL_Color color,
                       enum text_align align, SDL_Rect box)
{
    struct text_style st = {size_px, weight, color, align};
    int min_px = theme_px(env->layout, THEME_TEXT_MIN) * 3 / 4;
    int used_px = 0, used_h = 0;

    if (min_px > size_px)
        min_px = size_px;
    text_fit(env->text, s, &st, min_px, box.w, box.h, &used_px, &used_h);
    if (used_h > 0 && used_h < box.h) {
        box.y += (box.h - used_h) / 2;
        box.h = used_h;
    }
    text_draw_box(env->text, s, &st, min_px, box, NULL);
}

static void outline(SDL_Renderer *r, SDL_Rect box, int thick, SDL_Color c)
{
    SDL_Rect edges[4] = {
        {box.x - thick, box.y - thick, box.w + 2 * thick, thick},
        {box.x - thick, box.y + box.h, box.w + 2 * thick, thick},
        {box.x - thick, box.y, thick, box.h},
        {box.x + box.w, box.y, thick, box.h},
    };

    theme_draw_color(r, c);
    SDL_RenderFillRects(r, edges, 4);
}

/* A big button: filled box, label and an optional second line. */
static void button(struct browse *b, const struct scene_env *env, SDL_Rect r,
                   SDL_Color fill, SDL_Color ink, const char *label,
                   const char *detail, int label_units)
{
    int pad = theme_px(env->layout, 16);
    SDL_Rect in = theme_inset(r, pad);

    theme_fill(env->renderer, &r, fill);
    if (!detail) {
        draw_label(env, label, upx(b, env, label_units), FONT_BOLD, ink,
                   ALIGN_CENTER, in);
        return;
    }
    SDL_Rect top_box = {in.x, in.y, in.w, in.h * 58 / 100};
    SDL_Rect low_box = {in.x, in.y + top_box.h, in.w, in.h - top_box.h};
    draw_label(env, label, upx(b, env, label_units), FONT_BOLD, ink,
               ALIGN_CENTER, top_box);
    draw_label(env, detail, upx(b, env, THEME_TEXT_SMALL), FONT_REGULAR, ink,
               ALIGN_CENTER, low_box);
}

static const char *screen_title(const struct browse *b,
                                const struct scene_env *env, char *buf,
                                int size)
{
    const struct frame *f = &b->stack[b->depth - 1];
    const struct content *c = env->content;

    switch (f->screen) {
    case SCR_HOME:
        return "Thông tin bầu cử";
    case SCR_UNITS:
        return "Các đơn vị bầu cử";
    case SCR_UNIT:
        snprintf(buf, (size_t)size, "Đơn vị bầu cử số %d",
                 c->units[f->unit].number);
        return buf;
    case SCR_PROFILE:
        snprintf(buf, (size_t)size, "Đơn vị số %d · Người ứng cử %d/%d",
                 c->units[f->unit].number, f->pos + 1,
                 c->units[f->unit].candidate_count);
        return buf;
    case SCR_TIMELINE:
        return "Lịch bầu cử";
    case SCR_HOWTO:
        return "Hướng dẫn bỏ phiếu";
    case SCR_VIDEOS:
        return "Video";
    case SCR_VIDEO:
        return "";
    case SCR_FEEDBACK:
        return "Góp ý";
    }
    return "";
}

static void draw_bar(struct browse *b, const struct scene_env *env)
{
    const struct layout *l = env->layout;
    const struct frame *f = top(b);
    SDL_Rect bar = {0, 0, l->w, theme_px(l, BAR_UNITS)};
    char buf[256];

    theme_fill(env->renderer, &bar, THEME_RED);
    for (int i = 0; i < b->target_count; i++) {
        const struct target *t = &b->targets[i];
        if (t->act == ACT_BACK)
            button(b, env, t->r, THEME_RED_DARK, THEME_WHITE,
                   f->screen == SCR_HOME ? "‹ Thoát" : "‹ Quay lại", NULL,
                   THEME_TEXT_BODY);
        else if (t->act == ACT_LARGE)
            button(b, env, t->r, b->large ? THEME_GOLD : THEME_RED_DARK,
                   b->large ? THEME_INK : THEME_WHITE,
                   b->large ? "Chữ thường" : "Chữ to", NULL, THEME_TEXT_BODY);
    }

    if (b->target_count < 2)
        return;
    int x0 = b->targets[0].r.x + b->targets[0].r.w;
    int x1 = b->targets[1].r.x;
    int pad = theme_px(l, THEME_GAP);
    SDL_Rect title = {x0 + pad, 0, x1 - x0 - 2 * pad, bar.h};
    draw_label(env, screen_title(b, env, buf, sizeof buf),
               upx(b, env, THEME_TEXT_TITLE), FONT_BOLD, THEME_WHITE,
               ALIGN_CENTER, title);
}

static void draw_foot(struct browse *b, const struct scene_env *env,
                      int64_t now_ms)
{
    const struct layout *l = env->layout;
    int foot_h = theme_px(l, FOOT_UNITS);
    SDL_Rect foot = {0, l->h - foot_h, l->w, foot_h};
    SDL_Rect in = theme_inset(foot, theme_px(l, 10));
    int64_t left = b->last_input_ms + idle_ms(env) - now_ms;
    char line[256];

    if (left <= IDLE_WARN_MS && top(b)->screen != SCR_VIDEO) {
        int s = (int)((left + 999) / 1000);
        snprintf(line, sizeof line,
                 "Màn hình sẽ trở về sau %d giây. "
                 "Chạm vào màn hình để tiếp tục.",
                 s < 0 ? 0 : s);
        theme_fill(env->renderer, &foot, THEME_GOLD);
        draw_label(env, line, upx(b, env, THEME_TEXT_BODY), FONT_BOLD,
                   THEME_INK, ALIGN_CENTER, in);
        return;
    }

    theme_fill(env->renderer, &foot, THEME_FOOTER);
    const char *hint = top(b)->screen == SCR_PROFILE
                           ? "Vuốt sang trái hoặc phải để xem người khác · "
                             "Vuốt lên xuống để đọc tiếp"
                           : "Chạm vào ô để chọn · Nút “Quay lại” ở góc trên";
    draw_label(env, hint, upx(b, env, THEME_TEXT_SMALL), FONT_REGULAR,
               THEME_WHITE, ALIGN_CENTER, in);
}

static void draw_home(struct browse *b, const struct scene_env *env)
{
    for (int i = 0, k = 0; i < b->target_count; i++) {
        if (b->targets[i].act != ACT_SCREEN)
            continue;
        button(b, env, b->targets[i].r, k == 0 ? THEME_RED : THEME_CARD,
               k == 0 ? THEME_WHITE : THEME_INK, home_buttons[k].label,
               home_buttons[k].detail, THEME_TEXT_TITLE);
        if (k != 0)
            outline(env->renderer, b->targets[i].r, theme_px(env->layout, 3),
                    THEME_RED);
        k++;
    }
}

static void draw_units(struct browse *b, const struct scene_env *env)
{
    const struct content *c = env->content;
    char title[256], detail[1024];

    for (int i = 0; i < b->target_count; i++) {
        const struct target *t = &b->targets[i];
        if (t->act != ACT_UNIT)
            continue;
        const struct unit *u = &c->units[t->arg];
        snprintf(title, sizeof title, "Đơn vị bầu cử số %d%s%s", u->number,
                 u->name && u->name[0] ? ": " : "", u->name ? u->name : "");
        snprintf(detail, sizeof detail, "%s%sBầu %d đại biểu · %d người ứng cử",
                 u->areas ? u->areas : "", u->areas && u->areas[0] ? "\n" : "",
                 u->seats, u->candidate_count);
        theme_fill(env->renderer, &t->r, THEME_CARD);
        outline(env->renderer, t->r, theme_px(env->layout, 3), THEME_RED);
        SDL_Rect in = theme_inset(t->r, theme_px(env->layout, 20));
        SDL_Rect top_box = {in.x, in.y, in.w, in.h * 45 / 100};
        SDL_Rect low_box = {in.x, in.y + top_box.h, in.w, in.h - top_box.h};
        draw_label(env, title, upx(b, env, THEME_TEXT_TITLE), FONT_BOLD,
                   THEME_RED, ALIGN_LEFT, top_box);
        draw_text(env, detail, upx(b, env, THEME_TEXT_SMALL), FONT_REGULAR,
                  THEME_INK, ALIGN_LEFT, low_box);
    }
}

static void draw_unit(struct browse *b, const struct scene_env *env)
{
    const struct unit *u = &env->content->units[top(b)->unit];

    for (int i = 0; i < b->target_count; i++) {
        const struct target *t = &b->targets[i];
        if (t->act == ACT_CANDIDATE)
            candview_card(env, u->candidates[t->arg], t->arg + 1, t->r,
                          scale_of(b), false);
    }
}

static void draw_profile(struct browse *b, const struct scene_env *env)
{
    const struct frame *f = top(b);
    const struct unit *u = &env->content->units[f->unit];
    int nav_h = theme_px(env->layout, NAV_UNITS);
    int gap = theme_px(env->layout, THEME_GAP);
    SDL_Rect page = b->content;
    char line[64];

    page.h -= nav_h + gap;
    b->max_scroll = candview_profile(env, u->candidates[f->pos], page,
                                     scale_of(b), f->scroll);
    if (top(b)->scroll > b->max_scroll)
        top(b)->scroll = b->max_scroll;

    for (int i = 0; i < b->target_count; i++) {
        const struct target *t = &b->targets[i];
        bool prev = t->act == ACT_PREV;
        if (!prev && t->act != ACT_NEXT)
            continue;
        bool enabled = prev ? f->pos > 0 : f->pos + 1 < u->candidate_count;
        button(b, env, t->r, enabled ? THEME_RED : THEME_RULE,
               enabled ? THEME_WHITE : THEME_MUTED,
               prev ? "‹ Người trước" : "Người sau ›", NULL, THEME_TEXT_BODY);
    }

    snprintf(line, sizeof line, "%d / %d", f->pos + 1, u->candidate_count);
    SDL_Rect mid = {b->content.x + b->content.w / 3,
                    b->content.y + b->content.h - nav_h, b->content.w / 3,
                    nav_h};
    draw_label(env, line, upx(b, env, THEME_TEXT_TITLE), FONT_BOLD, THEME_INK,
               ALIGN_CENTER, mid);
}

/* Long text in the content area, scrolled and clipped. */
static void draw_scrolled(struct browse *b, const struct scene_env *env,
                          const char *s)
{
    SDL_Renderer *r = env->renderer;
    struct text_style st = {upx(b, env, THEME_TEXT_BODY), FONT_REGULAR,
                            THEME_INK, ALIGN_LEFT};
    int bar = theme_px(env->layout, 24);
    SDL_Rect box = {b->content.x, b->content.y, b->content.w - bar,
                    b->content.h};
    int used_px = 0, full_h = 0;

    text_fit(env->text, s, &st, st.size_px, box.w, 100000, &used_px, &full_h);
    b->max_scroll = full_h > box.h ? full_h - box.h : 0;
    struct frame *f = top(b);
    if (f->scroll > b->max_scroll)
        f->scroll = b->max_scroll;

    SDL_Rect tall = {box.x, box.y - f->scroll, box.w, full_h + 1};
    SDL_RenderSetClipRect(r, &box);
    text_draw_box(env->text, s, &st, st.size_px, tall, NULL);
    SDL_RenderSetClipRect(r, NULL);

    if (b->max_scroll > 0) {
        SDL_Rect track = {box.x + box.w + bar / 2, box.y, bar / 2, box.h};
        theme_fill(r, &track, THEME_RULE);
        int thumb_h = (int)((int64_t)box.h * box.h / full_h);
        SDL_Rect thumb = {track.x,
                          box.y + (int)((int64_t)(box.h - thumb_h) * f->scroll /
                                        b->max_scroll),
                          track.w, thumb_h};
        theme_fill(r, &thumb, THEME_RED);
    }
}

static void append(char *buf, size_t size, size_t *len, const char *s)
{
    int n = snprintf(buf + *len, size - *len, "%s", s);

    if (n > 0)
        *len += (size_t)n < size - *len ? (size_t)n : size - *len - 1;
}

static void draw_timeline(struct browse *b, const struct scene_env *env)
{
    const struct content *c = env->content;
    char *text = malloc(TEXT_MAX);
    size_t len = 0;

    if (!text)
        return;
    text[0] = 0;
    for (int i = 0; i < c->milestone_count; i++) {
        const struct milestone *m = &c->milestones[i];
        struct tm tm;
        int64_t t = m->at_ms / 1000;
        if (env->tz) {
            tzone_local(env->tz, t, &tm);
        } else {
            time_t tt = (time_t)t;
            gmtime_r(&tt, &tm);
        }
        char line[1024];
        snprintf(line, sizeof line, "%02d/%02d/%04d  %02d:%02d  —  %s\n%s%s%s",
                 tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour,
                 tm.tm_min, m->title, m->detail ? "      " : "",
                 m->detail ? m->detail : "", m->detail ? "\n" : "");
        append(text, TEXT_MAX, &len, line);
    }
    if (c->milestone_count == 0)
        append(text, TEXT_MAX, &len, "Chưa có lịch bầu cử.");
    draw_scrolled(b, env, text);
    free(text);
}

static void draw_howto(struct browse *b, const struct scene_env *env)
{
    char text[TEXT_MAX];
    const struct content *c = env->content;
    char day[64] = "";

    if (c->election.polls_open_ms) {
        struct tm tm;
        if (env->tz) {
            tzone_local(env->tz, c->election.polls_open_ms / 1000, &tm);
        } else {
            time_t tt = (time_t)(c->election.polls_open_ms / 1000);
            gmtime_r(&tt, &tm);
        }
        snprintf(day, sizeof day, " vào %02d:%02d ngày %02d/%02d/%04d",
                 tm.tm_hour, tm.tm_min, tm.tm_mday, tm.tm_mon + 1,
                 tm.tm_year + 1900);
    }
    snprintf(text, sizeof text,
             "1. Mang theo thẻ cử tri và giấy tờ tùy thân, đến khu vực "
             "bỏ phiếu của mình%s.\n"
             "2. Xuất trình thẻ cử tri, nhận phiếu bầu có đóng dấu của Tổ "
             "bầu cử.\n"
             "3. Vào buồng viết phiếu. Gạch ngang cả họ và tên người mình "
             "không bầu.\n"
             "4. Số người còn lại trên phiếu không được nhiều hơn "
             "số đại biểu được bầu của đơn vị. "
             "Viết hỏng thì xin đổi phiếu khác.\n"
             "5. Tự tay bỏ phiếu vào hòm phiếu. "
             "Mỗi người chỉ bỏ một phiếu.\n"
             "6. Thẻ cử tri được đóng dấu \"Đã bỏ phiếu\".\n\n"
             "Bầu cử theo nguyên tắc phổ thông, bình đẳng, trực tiếp và "
             "bỏ phiếu kín. Không ai được xem hoặc hỏi bạn đã bầu cho ai.",
             day);
    draw_scrolled(b, env, text);
}

static void draw_videos(struct browse *b, const struct scene_env *env)
{
    const struct content *c = env->content;
    char name[256];

    if (video_count(b, c) == 0) {
        draw_label(env, "Chưa có video.", upx(b, env, THEME_TEXT_BODY),
                   FONT_REGULAR, THEME_INK, ALIGN_CENTER, b->content);
        return;
    }
    for (int i = 0; i < b->target_count; i++) {
        const struct target *t = &b->targets[i];
        if (t->act != ACT_VIDEO)
            continue;
        const struct item *it = &c->items[t->arg];
        theme_fill(env->renderer, &t->r, THEME_CARD);
        outline(env->renderer, t->r, theme_px(env->layout, 3), THEME_RED);
        SDL_Rect in = theme_inset(t->r, theme_px(env->layout, 16));
        int thumb_w = in.h * 16 / 9;
        SDL_Rect thumb = {in.x, in.y, thumb_w, in.h};
        theme_fill(env->renderer, &thumb, THEME_FOOTER);
        /* Letterboxed: a portrait clip keeps its shape. */
        if (env->video && it->media.path)
            video_player_draw_still(env->video, env->renderer, it->media.path,
                                    it->media.sha256, &thumb);
        snprintf(name, sizeof name, "%s", it->title ? it->title : it->id);
        SDL_Rect label = {in.x + thumb_w + theme_px(env->layout, THEME_GAP),
                          in.y, in.w - thumb_w - theme_px(env->layout, THEME_GAP),
                          in.h};
        draw_label(env, name, upx(b, env, THEME_TEXT_BODY), FONT_BOLD,
                   THEME_INK, ALIGN_LEFT, label);
    }
}

/* One QR with its caption under it, in box. */
static void qr_block(struct browse *b, const struct scene_env *env,
                     const char *data, const char *caption, SDL_Rect box)
{
    int cap_h = box.h / 4;
    int side = box.h - cap_h;
    struct qr *q = data && env->assets ? assets_qr(env->assets, data) : NULL;

    if (side > box.w)
        side = box.w;
    if (q) {
        SDL_Rect back = {box.x + (box.w - side) / 2, box.y, side, side};
        theme_fill(env->renderer, &back, THEME_WHITE);
        qr_draw(q, back.x, back.y, side);
    }
    SDL_Rect cap = {box.x, box.y + side, box.w, box.h - side};
    draw_text(env, caption, upx(b, env, THEME_TEXT_BODY), FONT_BOLD,
              THEME_INK, ALIGN_CENTER, cap);
}

static void draw_feedback(struct browse *b, const struct scene_env *env)
{
    const struct content *c = env->content;
    const struct layout *l = env->layout;
    SDL_Rect a = b->content;
    int gap = theme_px(l, THEME_GAP) * 2;
    char zalo[256];

    SDL_Rect intro = {a.x, a.y, a.w, a.h / 6};
    draw_label(env, "Quét mã bằng điện thoại để gửi góp ý, câu hỏi cho Ủy ban "
               "bầu cử. Không cần ghi tên.",
               upx(b, env, THEME_TEXT_BODY), FONT_REGULAR, THEME_INK,
               ALIGN_CENTER, intro);
    SDL_Rect rest = {a.x, a.y + intro.h + gap, a.w, a.h - intro.h - gap};
    SDL_Rect one, two;
    if (l->portrait) {
        one = (SDL_Rect){rest.x, rest.y, rest.w, (rest.h - gap) / 2};
        two = (SDL_Rect){rest.x, one.y + one.h + gap, rest.w, one.h};
    } else {
        one = (SDL_Rect){rest.x, rest.y, (rest.w - gap) / 2, rest.h};
        two = (SDL_Rect){one.x + one.w + gap, rest.y, one.w, rest.h};
    }
    snprintf(zalo, sizeof zalo, "Zalo: %s", c->zalo_name ? c->zalo_name : "");
    qr_block(b, env, c->feedback_url, "Trang góp ý", one);
    qr_block(b, env, c->zalo_url, zalo, two);
}

static void draw_focus(struct browse *b, const struct scene_env *env)
{
    const struct frame *f = top(b);

    if (!b->keyboard || f->focus < 0 || f->focus >= b->target_count)
        return;
    int t = theme_px(env->layout, 8);
    outline(env->renderer, theme_inset(b->targets[f->focus].r, -t / 2), t,
            THEME_GOLD);
}

void browse_render(struct browse *b, const struct scene_env *env,
                   int64_t now_ms)
{
    if (!browse_active(b) || !env->layout || !env->content)
        return;

    const struct layout *l = env->layout;
    SDL_Rect all = {0, 0, l->w, l->h};
    b->now_ms = now_ms;
    build_targets(b, env);

    if (top(b)->screen == SCR_VIDEO) {
        theme_fill(env->renderer, &all, THEME_FOOTER);
        play_video_render(b, env, now_ms);
        draw_bar(b, env);
        draw_focus(b, env);
        return;
    }

    theme_fill(env->renderer, &all, THEME_PAPER);
    switch (top(b)->screen) {
    case SCR_HOME:
        draw_home(b, env);
        break;
    case SCR_UNITS:
        draw_units(b, env);
        break;
    case SCR_UNIT:
        draw_unit(b, env);
        break;
    case SCR_PROFILE:
        draw_profile(b, env);
        break;
    case SCR_TIMELINE:
        draw_timeline(b, env);
        break;
    case SCR_HOWTO:
        draw_howto(b, env);
        break;
    case SCR_VIDEOS:
        draw_videos(b, env);
        break;
    case SCR_FEEDBACK:
        draw_feedback(b, env);
        break;
    case SCR_VIDEO:
        break;
    }
    draw_bar(b, env);
    draw_foot(b, env, now_ms);
    draw_focus(b, env);
}

/* ---- introspection ----------------------------------------------------- */

static const char *screen_name(enum screen s)
{
    static const char *const names[] = {
        "home", "units", "unit", "profile", "timeline", "howto", "videos",
        "video", "feedback",
    };
    return names[s];
}

void browse_view(const struct browse *b, struct browse_view *out)
{
    memset(out, 0, sizeof *out);
    out->unit = -1;
    out->position = -1;
    out->focus = -1;
    if (!browse_active(b))
        return;

    const struct frame *f = &b->stack[b->depth - 1];
    out->screen = screen_name(f->screen);
    out->depth = b->depth;
    out->scroll_px = f->scroll;
    out->large_text = b->large;
    out->focus = b->keyboard ? f->focus : -1;
    if (f->screen == SCR_UNIT || f->screen == SCR_PROFILE)
        out->unit = f->unit;
    if (f->screen == SCR_PROFILE)
        out->position = f->pos;
}

int browse_target_count(const struct browse *b)
{
    return browse_active(b) ? b->target_count : 0;
}

int browse_target(const struct browse *b, int i, SDL_Rect *rect,
                  const char **action, int *arg)
{
    if (!browse_active(b) || i < 0 || i >= b->target_count)
        return -1;

    const struct target *t = &b->targets[i];
    static const char *const acts[] = {
        "back", "large", NULL, "unit", "candidate", "prev", "next", "video",
    };
    *rect = t->r;
    *action = t->act == ACT_SCREEN ? screen_name((enum screen)t->arg)
                                   : acts[t->act];
    *arg = t->arg;
    return 0;
}
