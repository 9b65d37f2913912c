/* app.c - the main loop.
 *
 * DESIGN
 * The loop owns every SDL object and runs on the main thread. Each turn:
 * take input (SDL events, or the --events script at its virtual times),
 * move the schedule to now, switch scenes when the slot changed, ask the
 * scene, overlay and browsing when their picture next changes, draw only
 * if it has changed, then sleep until the earliest of those times.
 *
 * Time is virtual. On a real screen it follows the wall clock (shifted
 * and scaled by --clock and --speed). Headless, it jumps from one
 * deadline to the next, sleeping the scaled real time in between (none at
 * speed 0), so a screenshot is always drawn at exactly its virtual time
 * and the same inputs give the same pictures.
 *
 * Shutdown: SIGTERM or SIGINT set a flag the loop checks at least every
 * LOOP_WAKE_MS; the staff key sequence does the same. Window-close
 * requests and the public's keys (Alt+F4, Esc, Ctrl+C) are ignored. */
#include "app.h"

#include <SDL.h>
#include <SDL_image.h>
#include <limits.h>
#include <malloc.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "assets.h"
#include "bundle.h"
#include "browse.h"
#include "display.h"
#include "exposure.h"
#include "log.h"
#include "overlay.h"
#include "scene.h"
#include "playlist.h"
#include "script.h"
#include "text.h"
#include "tzone.h"
#include "video.h"

#define LOOP_WAKE_MS 500
#define FADE_FRAME_MS 33
#define EXIT_KEYS_MAX 8
#define EXIT_KEYS_WINDOW_MS 3000
#define EXPOSURE_SAVE_MS 60000
/* A video item is opened this long before its slot, so it starts with no
 * gap after the item before it. */
#define VIDEO_PREPARE_MS 1000

static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig)
{
    stop_requested = 1;
}

struct app {
    const struct config *cfg;
    const struct app_options *opt;
    struct store *store;

    struct display *display;
    struct text *text;
    struct assets *assets;
    struct overlay *overlay;
    struct browse *browse;
    struct video_player *video;
    bool video_tried;
    struct exposure *exposure;
    struct layout layout;
    struct scene_env env;

    struct content *content;
    struct tzone *tz;
    struct playlist playlist;
    bool playlist_ready;

    const struct scene_ops *scene;
    void *scene_state;
    unsigned shown_serial;
    struct item urgent_item;    /* stands for an urgent notice's slot */
    bool shown_campaign;        /* the scene shows a campaign item */
    unsigned prepared_serial;   /* the slot whose successor was prepared */
    unsigned browse_serial;     /* the slot when browsing began */

    int64_t start_ms;           /* virtual */
    int64_t launch_mono_ms;
    int64_t fade_start_ms;
    bool fading;
    int64_t redraw_at_ms;
    bool dirty;
    int64_t exposure_saved_ms;

    struct script *script;
    int next_event;
    int next_shot;

    struct gesture gesture;
    SDL_Keycode exit_keys[EXIT_KEYS_MAX];
    int exit_key_count;
    int exit_progress;
    uint64_t exit_last_ticks;
};

/* Real time ----------------------------------------------------------- */

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Content ------------------------------------------------------------- */

static void leave_scene(struct app *a)
{
    if (a->scene && a->scene_state)
        a->scene->leave(a->scene_state);
    a->scene = NULL;
    a->scene_state = NULL;
}

static void save_exposure(struct app *a)
{
    if (!a->exposure)
        return;

    int n = exposure_count(a->exposure);
    for (int i = 0; i < n; i++) {
        const char *id;
        int64_t ms;
        if (exposure_get(a->exposure, i, &id, &ms) == 0)
            store_set_exposure(a->store, id, ms);
    }

    n = exposure_rotation_count(a->exposure);
    for (int i = 0; i < n; i++) {
        const char *key;
        int start;
        if (exposure_rotation_get(a->exposure, i, &key, &start) < 0)
            continue;
        char name[128];
        char value[16];
        snprintf(name, sizeof name, "rotation:%s", key);
        snprintf(value, sizeof value, "%d", start);
        store_set_state(a->store, name, value);
    }
}

static void save_exposure_if_due(struct app *a, int64_t now_ms)
{
    if (now_ms - a->exposure_saved_ms < EXPOSURE_SAVE_MS)
        return;
    a->exposure_saved_ms = now_ms;
    save_exposure(a);
}

static void restore_one_exposure(void *arg, const char *id, int64_t ms)
{
    exposure_set(arg, id, ms);
}

static void restore_exposure(struct app *a)
{
    store_each_exposure(a->store, restore_one_exposure, a->exposure);

    if (!a->content)
        return;
    for (int i = 0; i < a->content->item_count; i++) {
        char name[128];
        char value[16];
        snprintf(name, sizeof name, "rotation:%s", a->content->items[i].id);
        if (store_get_state(a->store, name, value, sizeof value) == 0)
            exposure_set_rotation(a->exposure, a->content->items[i].id,
                                  (int)strtol(value, NULL, 10));
    }
}

static int find_item(const struct content *c, const char *id)
{
    for (int i = 0; id && i < c->item_count; i++) {
        if (strcmp(c->items[i].id, id) == 0)
            return i;
    }
    return -1;
}

/* Makes content (owned from now on) the one playing. */
static void use_content(struct app *a, struct content *content, int64_t now_ms)
{
    /* Browsing holds indices into the old content. */
    if (a->browse)
        browse_close(a->browse);
    leave_scene(a);
    if (a->playlist_ready)
        playlist_release(&a->playlist);
    a->playlist_ready = false;
    content_free(a->content);
    tzone_free(a->tz);
    a->content = content;
    a->tz = NULL;

    if (content) {
        a->tz = tzone_load(content->election.time_zone);
        if (!a->tz) {
            log_warn("app", "unknown time zone %s, using +07:00",
                     content->election.time_zone);
            a->tz = tzone_load("+07:00");
        }
    } else {
        a->tz = tzone_load("Asia/Ho_Chi_Minh");
        if (!a->tz)
            a->tz = tzone_load("+07:00");
    }

    a->env.content = content;
    a->env.tz = a->tz;
    if (!content)
        return;

    int start_item = find_item(content, a->opt->start_item);
    if (a->opt->start_item && start_item < 0)
        log_warn("app", "--start-item %s is not in the playlist", a->opt->start_item);

    if (playlist_init(&a->playlist, content, a->tz, a->cfg->default_duration_s * 1000, now_ms,
                   start_item) < 0) {
        log_error("app", "out of memory scheduling the content");
        return;
    }
    a->playlist_ready = true;
    a->shown_serial = a->playlist.slot.serial - 1;
}

/* Scenes -------------------------------------------------------------- */

/* libvlc loads its plugins on start; that waits until the first frame
 * is up, or until a video is about to play. */
static void ensure_video(struct app *a)
{
    if (a->video || a->video_tried)
        return;
    a->video_tried = true;

    struct video_player_options options = {
        .audio_output = !a->opt->headless,
        .chroma = VIDEO_CHROMA_I420,
        .texture_format = display_pixel_format(a->display),
    };
    a->video = video_player_create(&options);
    if (!a->video)
        log_warn("app", "video is unavailable: video items will be skipped");
    a->env.video = a->video;
}

static void enter_slot(struct app *a, const struct slot *slot, int64_t now_ms)
{
    const struct item *item = NULL;
    const struct scene_ops *ops = &scene_fallback;

    if (slot->kind == SLOT_ITEM) {
        item = &a->content->items[slot->index];
        ops = scene_for_item(item->type);
        if (item->type == ITEM_VIDEO)
            ensure_video(a);
    } else if (slot->kind == SLOT_URGENT) {
        memset(&a->urgent_item, 0, sizeof a->urgent_item);
        a->urgent_item.id = a->content->notices[slot->index].id;
        a->urgent_item.type = ITEM_NOTICE;
        a->urgent_item.notice = slot->index;
        a->urgent_item.duration_ms = (int)(slot->end_ms - slot->start_ms);
        item = &a->urgent_item;
        ops = &scene_notice;
    }

    if (!ops) {
        log_warn("app", "no scene for item %s", item ? item->id : "?");
        return;
    }

    void *state = ops->enter(&a->env, item, now_ms);
    if (!state) {
        log_warn("app", "skipping item %s: its scene could not start",
                 item ? item->id : ops->name);
        return;
    }
    a->scene = ops;
    a->scene_state = state;
    a->shown_campaign = item && item->klass == CLASS_CAMPAIGN;
    log_debug("app", "showing %s %s", ops->name, item ? item->id : "");
}

static void draw_picture(struct app *a, int64_t now_ms);

/* Brings the scene in line with the schedule at now. */
static void follow_schedule(struct app *a, int64_t now_ms)
{
    if (!a->playlist_ready) {
        if (!a->scene) {
            enter_slot(a, &(struct slot){.kind = SLOT_IDLE}, now_ms);
            a->dirty = true;
        }
        return;
    }

    /* A scene may only try so many times in one turn: a playlist whose
     * every item fails must not spin here. */
    for (int attempt = 0; attempt < 4 * a->content->item_count + 4; attempt++) {
        const struct slot *slot = playlist_advance(&a->playlist, now_ms);

        if (a->scene && a->scene->finished && a->scene->finished(a->scene_state, now_ms)) {
            playlist_finish(&a->playlist, now_ms);
            slot = &a->playlist.slot;
        }
        if (slot->serial == a->shown_serial && a->scene)
            return;

        /* The cross-fade starts from the old scene as it is at the switch,
         * whichever frames were drawn before: the same at every speed.
         * A campaign item does not fade out into the silence: it is gone
         * at the very second campaigning ends. */
        bool silenced = a->shown_campaign &&
                        playlist_in_silence(&a->content->election, now_ms);
        bool fade = a->scene != NULL && a->cfg->fade_ms > 0 && !silenced;
        if (fade) {
            a->scene->update(a->scene_state, now_ms);
            fade = display_capture_begin(a->display) == 0;
        }
        if (fade) {
            draw_picture(a, now_ms);
            a->fading = true;
            a->fade_start_ms = now_ms;
        }
        leave_scene(a);
        assets_sweep(a->assets);
        /* Pictures come and go in large blocks: give them back. */
        malloc_trim(0);
        a->shown_serial = slot->serial;
        a->dirty = true;
        save_exposure_if_due(a, now_ms);

        enter_slot(a, slot, now_ms);
        if (a->scene)
            return;
        playlist_finish(&a->playlist, now_ms);
    }
}

/* When the current slot is about to end and a video follows, opens it
 * paused now, so it starts at once. */
static void prepare_next(struct app *a, int64_t now_ms)
{
    if (!a->playlist_ready || browse_active(a->browse) ||
        a->prepared_serial == a->playlist.slot.serial ||
        a->playlist.slot.end_ms - now_ms > VIDEO_PREPARE_MS)
        return;
    a->prepared_serial = a->playlist.slot.serial;

    int next = playlist_next_item(&a->playlist);
    if (next < 0 || a->content->items[next].type != ITEM_VIDEO)
        return;
    ensure_video(a);
    scene_video_prepare(&a->env, &a->content->items[next], now_ms);
}

/* Input --------------------------------------------------------------- */

static void deliver(struct app *a, const struct input_event *ev, int64_t now_ms)
{
    if (!a->content)
        return;

    if (!browse_active(a->browse)) {
        /* The first touch only wakes the board up: it opens browsing. */
        /* Bring the scene to now first, so its screen time counts. */
        if (a->scene)
            a->scene->update(a->scene_state, now_ms);
        leave_scene(a);
        ensure_video(a);
        browse_open(a->browse, &a->env, now_ms);
        /* An urgent notice showing now does not end the session; one
         * that starts later does. */
        a->browse_serial = a->playlist_ready ? a->playlist.slot.serial : 0;
        a->dirty = true;
        return;
    }
    browse_input(a->browse, &a->env, ev, now_ms);
    a->dirty = true;
}

static void deliver_script(struct app *a, int64_t now_ms)
{
    while (a->script && a->next_event < a->script->count) {
        const struct script_event *e = &a->script->events[a->next_event];
        if (a->start_ms + e->at_ms > now_ms)
            break;

        struct input_event ev = e->ev;
        display_to_canvas(a->display, e->ev.x, e->ev.y, &ev.x, &ev.y);
        if (ev.kind == INPUT_SWIPE)
            display_to_canvas(a->display, e->ev.x2, e->ev.y2, &ev.x2, &ev.y2);
        deliver(a, &ev, now_ms);
        a->next_event++;
    }
}

static void parse_exit_keys(struct app *a)
{
    char buf[CONFIG_TEXT_MAX];
    char *save = NULL;

    snprintf(buf, sizeof buf, "%s", a->cfg->exit_keys);
    for (char *w = strtok_r(buf, " ", &save); w && a->exit_key_count < EXIT_KEYS_MAX;
         w = strtok_r(NULL, " ", &save)) {
        SDL_Keycode key = SDL_GetKeyFromName(w);
        if (key == SDLK_UNKNOWN) {
            log_warn("app", "exit_keys: unknown key %s, staff must use SIGTERM", w);
            a->exit_key_count = 0;
            return;
        }
        a->exit_keys[a->exit_key_count++] = key;
    }
}

static void check_exit_keys(struct app *a, SDL_Keycode key)
{
    if (a->exit_key_count == 0)
        return;

    uint64_t ticks = SDL_GetTicks64();
    if (ticks - a->exit_last_ticks > EXIT_KEYS_WINDOW_MS)
        a->exit_progress = 0;
    a->exit_last_ticks = ticks;

    if (key == a->exit_keys[a->exit_progress])
        a->exit_progress++;
    else
        a->exit_progress = key == a->exit_keys[0] ? 1 : 0;

    if (a->exit_progress == a->exit_key_count) {
        log_info("app", "staff key sequence: stopping");
        stop_requested = 1;
    }
}

static enum input_key map_key(SDL_Keycode key)
{
    switch (key) {
    case SDLK_LEFT:
        return KEY_LEFT;
    case SDLK_RIGHT:
        return KEY_RIGHT;
    case SDLK_UP:
        return KEY_UP;
    case SDLK_DOWN:
        return KEY_DOWN;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        return KEY_ENTER;
    case SDLK_ESCAPE:
    case SDLK_BACKSPACE:
        return KEY_BACK;
    case SDLK_PAGEUP:
        return KEY_PAGE_UP;
    case SDLK_PAGEDOWN:
        return KEY_PAGE_DOWN;
    default:
        return KEY_NONE;
    }
}

/* Window (mouse) coordinates to panel pixels. */
static void window_to_panel(struct app *a, int x, int y, int *px, int *py)
{
    int ww = a->display->out_w;
    int wh = a->display->out_h;

    if (a->display->window)
        SDL_GetWindowSize(a->display->window, &ww, &wh);
    *px = ww > 0 ? x * a->display->out_w / ww : x;
    *py = wh > 0 ? y * a->display->out_h / wh : y;
}

static void pointer(struct app *a, int kind, int px, int py, int64_t now_ms)
{
    int cx, cy;
    display_to_canvas(a->display, px, py, &cx, &cy);

    if (kind == SDL_FINGERDOWN || kind == SDL_MOUSEBUTTONDOWN) {
        gesture_down(&a->gesture, cx, cy);
        return;
    }
    if (kind == SDL_FINGERMOTION || kind == SDL_MOUSEMOTION) {
        gesture_move(&a->gesture, cx, cy);
        return;
    }

    struct input_event ev;
    if (gesture_up(&a->gesture, cx, cy, &ev))
        deliver(a, &ev, now_ms);
}

static void handle_sdl_event(struct app *a, const SDL_Event *e, int64_t now_ms)
{
    int px, py;

    switch (e->type) {
    case SDL_KEYDOWN: {
        if (e->key.repeat)
            break;
        check_exit_keys(a, e->key.keysym.sym);
        enum input_key key = map_key(e->key.keysym.sym);
        if (key != KEY_NONE)
            deliver(a, &(struct input_event){.kind = INPUT_KEY, .key = key}, now_ms);
        break;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        pointer(a, e->type, (int)(e->tfinger.x * a->display->out_w),
                (int)(e->tfinger.y * a->display->out_h), now_ms);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            break;
        window_to_panel(a, e->button.x, e->button.y, &px, &py);
        pointer(a, e->type, px, py, now_ms);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
            break;
        window_to_panel(a, e->motion.x, e->motion.y, &px, &py);
        pointer(a, e->type, px, py, now_ms);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_EXPOSED)
            a->dirty = true;
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        text_flush(a->text);
        a->dirty = true;
        break;
    case SDL_QUIT:
        /* The public cannot close the board; staff use SIGTERM or keys. */
        log_debug("app", "ignoring a request to close the window");
        break;
    default:
        break;
    }
}

/* Drawing ------------------------------------------------------------- */

/* Draws the scene (or browsing) and the overlay at now into the current
 * target. */
static void draw_picture(struct app *a, int64_t now_ms)
{
    SDL_Renderer *r = a->display->renderer;
    bool browsing = browse_active(a->browse);

    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);

    if (browsing)
        browse_render(a->browse, &a->env, now_ms);
    else if (a->scene)
        a->scene->render(a->scene_state, &a->env, now_ms);

    bool fullscreen_scene = !browsing && a->scene && a->scene->fullscreen;
    bool own_screen = browsing || (a->scene == &scene_fallback && !a->playlist_ready);
    if (a->content && !own_screen)
        overlay_render(a->overlay, &a->env, now_ms, fullscreen_scene);
}

static void take_screenshots(struct app *a, int64_t now_ms);

static void render(struct app *a, int64_t now_ms)
{
    display_begin(a->display);
    draw_picture(a, now_ms);

    if (a->fading) {
        float p = (float)(now_ms - a->fade_start_ms) / (float)a->cfg->fade_ms;
        if (p >= 1.0f) {
            a->fading = false;
            display_drop_previous(a->display);
        } else {
            display_blend_previous(a->display, 1.0f - p);
        }
    }

    /* Before presenting: afterwards the back buffer is undefined. */
    take_screenshots(a, now_ms);
    display_present(a->display);
}

/* When the picture next changes, at or after now. */
static int64_t next_change(struct app *a, int64_t now_ms)
{
    int64_t next = TIME_NEVER_MS;

    if (browse_active(a->browse)) {
        next = browse_update(a->browse, &a->env, now_ms);
    } else {
        if (a->scene)
            next = a->scene->update(a->scene_state, now_ms);
        if (a->playlist_ready && a->playlist.slot.end_ms < next)
            next = a->playlist.slot.end_ms;
    }

    if (a->content) {
        int64_t t = overlay_update(a->overlay, &a->env, now_ms);
        if (t < next)
            next = t;
    }
    if (a->fading && now_ms - a->fade_start_ms >= a->cfg->fade_ms) {
        a->fading = false;
        display_drop_previous(a->display);
    }
    if (a->fading && now_ms + FADE_FRAME_MS < next)
        next = now_ms + FADE_FRAME_MS;
    return next;
}

/* Set-up and the loop ------------------------------------------------- */

static int compare_shots(const void *x, const void *y)
{
    const struct screenshot_at *a = x;
    const struct screenshot_at *b = y;

    return (a->at_ms > b->at_ms) - (a->at_ms < b->at_ms);
}

static void resolve_font(const struct app_options *opt, const char *path, char *out,
                         int size)
{
    if (path[0] == '/' || access(path, R_OK) == 0 || !opt->fonts_dir) {
        snprintf(out, size, "%s", path);
        return;
    }
    snprintf(out, size, "%s/%s", opt->fonts_dir, path);
}

static int open_screen(struct app *a)
{
    const struct config *cfg = a->cfg;
    const struct app_options *opt = a->opt;
    int w = opt->width ? opt->width : cfg->width;
    int h = opt->height ? opt->height : cfg->height;

    a->display = display_create(cfg, opt->headless, w, h);
    if (!a->display)
        return -1;

    char regular[PATH_MAX];
    char bold[PATH_MAX];
    resolve_font(opt, cfg->font_regular, regular, sizeof regular);
    resolve_font(opt, cfg->font_bold, bold, sizeof bold);
    a->text = text_create(a->display->renderer, regular, bold);
    if (!a->text)
        return -1;

    a->assets = assets_create(a->display->renderer, a->display->max_texture_px);
    a->overlay = overlay_create();
    a->browse = browse_create();
    a->exposure = exposure_create();
    if (!a->assets || !a->overlay || !a->browse || !a->exposure) {
        log_error("app", "out of memory starting up");
        return -1;
    }
    layout_compute(&a->layout, a->display->canvas_w, a->display->canvas_h);
    a->env.renderer = a->display->renderer;
    a->env.text = a->text;
    a->env.assets = a->assets;
    a->env.layout = &a->layout;
    a->env.config = cfg;
    a->env.exposure = a->exposure;

    gesture_init(&a->gesture, (int)(a->layout.unit_px * 40));
    parse_exit_keys(a);
    return 0;
}

static void close_screen(struct app *a)
{
    leave_scene(a);
    if (a->exposure)
        save_exposure(a);
    browse_destroy(a->browse);
    overlay_destroy(a->overlay);
    video_player_destroy(a->video);
    exposure_destroy(a->exposure);
    assets_destroy(a->assets);
    text_destroy(a->text);
    display_destroy(a->display);
    if (a->playlist_ready)
        playlist_release(&a->playlist);
    content_free(a->content);
    tzone_free(a->tz);
    script_free(a->script);
}

static void install_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

/* Sleeps until the virtual time deadline, or until an event arrives on a
 * real screen. Returns the new virtual now. */
static int64_t wait_until(struct app *a, int64_t now_ms, int64_t deadline_ms,
                          int64_t real0_ms)
{
    const struct app_options *opt = a->opt;
    double speed = opt->speed;

    if (opt->headless) {
        if (speed > 0 && deadline_ms > now_ms) {
            int64_t real_due = real0_ms + (int64_t)((deadline_ms - a->start_ms) / speed);
            int64_t sleep_ms = real_due - mono_ms();
            if (sleep_ms > 0)
                SDL_Delay((Uint32)SDL_min(sleep_ms, 60000));
        }
        return deadline_ms;
    }

    int64_t wait_ms = LOOP_WAKE_MS;
    if (deadline_ms != TIME_NEVER_MS && deadline_ms - now_ms < wait_ms)
        wait_ms = deadline_ms - now_ms;
    if (speed > 0 && speed != 1.0)
        wait_ms = (int64_t)(wait_ms / speed);
    if (wait_ms < 0)
        wait_ms = 0;

    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, (int)wait_ms)) {
        int64_t t = a->start_ms + (int64_t)((mono_ms() - real0_ms) * speed);
        handle_sdl_event(a, &e, t);
        while (SDL_PollEvent(&e))
            handle_sdl_event(a, &e, t);
    }
    return a->start_ms + (int64_t)((mono_ms() - real0_ms) * speed);
}

static void take_screenshots(struct app *a, int64_t now_ms)
{
    const struct app_options *opt = a->opt;

    while (a->next_shot < opt->screenshot_count &&
           a->start_ms + opt->screenshots[a->next_shot].at_ms <= now_ms) {
        display_screenshot(a->display, opt->screenshots[a->next_shot].path);
        a->next_shot++;
    }
}

static int64_t next_deadline(struct app *a, int64_t wake_ms)
{
    const struct app_options *opt = a->opt;
    int64_t next = wake_ms;

    if (a->script && a->next_event < a->script->count) {
        int64_t t = a->start_ms + a->script->events[a->next_event].at_ms;
        if (t < next)
            next = t;
    }
    if (a->next_shot < opt->screenshot_count) {
        int64_t t = a->start_ms + opt->screenshots[a->next_shot].at_ms;
        if (t < next)
            next = t;
    }
    if (a->playlist_ready && a->prepared_serial != a->playlist.slot.serial) {
        int64_t t = a->playlist.slot.end_ms - VIDEO_PREPARE_MS;
        if (t < next)
            next = t;
    }
    if (opt->run_for_ms > 0 && a->start_ms + opt->run_for_ms < next)
        next = a->start_ms + opt->run_for_ms;
    return next;
}

static void loop(struct app *a)
{
    const struct app_options *opt = a->opt;
    int64_t real0 = mono_ms();
    int64_t now = a->start_ms;
    int64_t end = opt->run_for_ms > 0 ? a->start_ms + opt->run_for_ms : TIME_NEVER_MS;
    long frames = 0;

    while (!stop_requested) {
        if (opt->headless)
            deliver_script(a, now);

        /* Browsing left the loop's scene; when it ends, the schedule
         * enters whatever slot the clock has reached. */
        if (browse_active(a->browse) && a->playlist_ready) {
            const struct slot *slot = playlist_advance(&a->playlist, now);
            if (slot->kind == SLOT_URGENT && slot->serial != a->browse_serial)
                browse_close(a->browse);
        }
        if (!browse_active(a->browse)) {
            follow_schedule(a, now);
            prepare_next(a, now);
        }

        int64_t wake = next_change(a, now);
        bool shot_due = a->next_shot < opt->screenshot_count &&
                        a->start_ms + opt->screenshots[a->next_shot].at_ms <= now;
        /* Headless at speed 0 nobody watches between screenshots: draw
         * only when the state changes (a scene's first frame may find a
         * broken file) or a screenshot is due, not every animation step. */
        bool animate = !(opt->headless && opt->speed == 0);
        if (a->dirty || shot_due || (animate && now >= a->redraw_at_ms)) {
            render(a, now);
            frames++;
            if (frames == 1) {
                log_info("app", "first frame drawn %lld ms after start",
                         (long long)(mono_ms() - a->launch_mono_ms));
                ensure_video(a);
            }
            a->dirty = false;
            wake = next_change(a, now);
        }
        a->redraw_at_ms = wake;

        if (now >= end)
            break;

        /* A scene that found out while drawing that it cannot show its
         * item (a broken file) hands over at once, at this same time. */
        if (!browse_active(a->browse) && a->scene && a->scene->finished &&
            a->scene->finished(a->scene_state, now))
            continue;

        int64_t deadline = next_deadline(a, wake);
        if (deadline <= now && opt->headless)
            deadline = now + 1;
        now = wait_until(a, now, deadline, real0);
    }

    log_info("app", "stopping after %ld frames drawn", frames);
}

int app_run(const struct config *cfg, const struct app_options *opt, struct store *store)
{
    struct app a;
    memset(&a, 0, sizeof a);
    a.cfg = cfg;
    a.opt = opt;
    a.store = store;
    a.launch_mono_ms = mono_ms();
    int status = 1;

    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
    install_signals();

    if (SDL_Init(SDL_INIT_EVENTS | SDL_INIT_TIMER) < 0) {
        log_error("app", "SDL did not start: %s", SDL_GetError());
        return 1;
    }

    if (opt->events_path) {
        struct diag d;
        diag_init(&d);
        a.script = script_load(opt->events_path, &d);
        for (int i = 0; i < d.count; i++) {
            char line[600];
            diag_format(&d.entries[i], line, sizeof line);
            fprintf(stderr, "%s\n", line);
        }
        diag_clear(&d);
        if (!a.script)
            goto done;
    }
    if (opt->screenshot_count > 1)
        qsort(opt->screenshots, opt->screenshot_count, sizeof *opt->screenshots,
              compare_shots);

    if (open_screen(&a) < 0)
        goto done;

    a.start_ms = opt->clock_given ? opt->clock_ms : wall_ms();
    use_content(&a, store_load_current(store), a.start_ms);
    if (a.content)
        log_info("app", "playing content version %lld", (long long)a.content->version);
    else
        log_warn("app", "no content imported yet: showing the waiting screen");
    restore_exposure(&a);
    a.exposure_saved_ms = a.start_ms;
    a.dirty = true;

    loop(&a);
    status = 0;

done:
    close_screen(&a);
    IMG_Quit();
    SDL_Quit();
    return status;
}
