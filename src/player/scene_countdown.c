/* scene_countdown.c - the countdown to election day in big digits, the
 * election-day and voting clocks, the thank-you and the results. */
#include <stdio.h>
#include <stdlib.h>

#include "countdown.h"
#include "log.h"
#include "scene.h"
#include "text.h"
#include "theme.h"

#define ROWS_MAX 8
#define CARDS_MAX 4
#define ELECTED_LINES_MAX 6

struct countdown_scene {
    const struct scene_env *env;
    const struct item *item;
};

enum row_kind { ROW_TEXT, ROW_BAND, ROW_CARDS };

struct card {
    char value[32];
    const char *label;
};

/* One horizontal strip of the picture, stacked top to bottom. */
struct row {
    enum row_kind kind;
    char text[1024];
    struct text_style style;
    int min_px;
    int card_count;
    struct card cards[CARDS_MAX];
    int max_h;      /* text: tallest allowed; 0 for a third of the body */
    int h;          /* measured */
    int size_px;    /* cards: digit size */
    int card_w;
    int card_h;
    int cols;       /* cards a line: all, or two in portrait (2 x 2) */
};

struct stack {
    int count;
    struct row rows[ROWS_MAX];
};

static void *countdown_enter(const struct scene_env *env, const struct item *item,
                             int64_t now_ms)
{
    if (!env->content || !env->tz) {
        log_warn("countdown", "no election loaded, skipping item");
        return NULL;
    }

    struct countdown_scene *s = calloc(1, sizeof *s);
    if (!s) {
        log_error("countdown", "out of memory, skipping item");
        return NULL;
    }
    s->env = env;
    s->item = item;
    return s;
}

static int64_t countdown_update(void *state, int64_t now_ms)
{
    struct countdown_scene *s = state;
    const struct content *c = s->env->content;
    struct countdown cd;

    countdown_compute(&c->election, &c->results, now_ms, &cd);
    return cd.next_ms;
}

static struct row *add_row(struct stack *st, enum row_kind kind, const char *text,
                           const struct text_style *style, int min_px)
{
    if (st->count >= ROWS_MAX)
        return NULL;

    struct row *r = &st->rows[st->count++];
    r->kind = kind;
    snprintf(r->text, sizeof r->text, "%s", text ? text : "");
    if (style)
        r->style = *style;
    r->min_px = min_px;
    return r;
}

static void add_card(struct row *r, const char *value, const char *label)
{
    if (!r || r->card_count >= CARDS_MAX)
        return;
    snprintf(r->cards[r->card_count].value, sizeof r->cards[0].value, "%s", value);
    r->cards[r->card_count].label = label;
    r->card_count++;
}

/* Digit size and card width so every card fits the row's width. */
static void size_cards(const struct scene_env *env, struct row *r, SDL_Rect inner,
                       int max_px)
{
    const struct layout *l = env->layout;
    int gap = theme_px(l, THEME_MARGIN);
    int n = r->card_count;
    int widest = 0;

    /* Four cards in a row are too small on a portrait panel: 2 x 2. */
    r->cols = l->portrait && n == 4 ? 2 : n;
    int card_w = (inner.w - (r->cols - 1) * gap) / r->cols;
    if (n == 1 && card_w > inner.w * 3 / 4)
        card_w = inner.w * 3 / 4;
    if (n > 1 && card_w > theme_px(l, l->portrait ? 380 : 330))
        card_w = theme_px(l, l->portrait ? 380 : 330);

    /* Measure at max size, then scale down to 85% of the card. */
    int size = max_px;
    for (int i = 0; i < n; i++) {
        int w = 0;
        int h = 0;
        text_measure(env->text, r->cards[i].value, size, FONT_BOLD, &w, &h);
        if (w > widest)
            widest = w;
    }
    if (widest > card_w * 85 / 100 && widest > 0)
        size = (int)((long)size * card_w * 85 / 100 / widest);
    if (size < theme_px(l, THEME_TEXT_MIN))
        size = theme_px(l, THEME_TEXT_MIN);

    r->size_px = size;
    r->card_w = card_w;
}

/* Height of one card; the row's is that times its lines, plus gaps. */
static int card_height(const struct scene_env *env, const struct row *r)
{
    int label_px = theme_px(env->layout, THEME_TEXT_SMALL);

    return text_line_height(env->text, r->size_px, FONT_BOLD) +
           text_line_height(env->text, label_px, FONT_BOLD) +
           theme_px(env->layout, THEME_GAP);
}

static int card_lines(const struct row *r)
{
    return (r->card_count + r->cols - 1) / r->cols;
}

static void measure(const struct scene_env *env, struct stack *st, SDL_Rect inner,
                    int digits_px)
{
    int band_pad = theme_px(env->layout, THEME_GAP);

    for (int i = 0; i < st->count; i++) {
        struct row *r = &st->rows[i];
        int used_px = 0;
        int used_h = 0;
        if (r->kind == ROW_CARDS) {
            size_cards(env, r, inner, digits_px);
            r->card_h = card_height(env, r);
            r->h = card_lines(r) * r->card_h +
                   (card_lines(r) - 1) * theme_px(env->layout, THEME_MARGIN);
            continue;
        }
        text_fit(env->text, r->text, &r->style, r->min_px,
                 inner.w - (r->kind == ROW_BAND ? 4 * band_pad : 0),
                 r->max_h > 0 ? r->max_h : inner.h / 3,
                 &used_px, &used_h);
        r->h = used_h + (r->kind == ROW_BAND ? 2 * band_pad : 0);
    }
}

static int stack_height(const struct stack *st, int gap)
{
    int total = 0;

    for (int i = 0; i < st->count; i++)
        total += st->rows[i].h + (i > 0 ? gap : 0);
    return total;
}

static void draw_cards(const struct scene_env *env, const struct row *r, SDL_Rect inner,
                       int y)
{
    const struct layout *l = env->layout;
    int gap = theme_px(l, THEME_MARGIN);
    int n = r->card_count;
    int total_w = r->cols * r->card_w + (r->cols - 1) * gap;
    int left = inner.x + (inner.w - total_w) / 2;
    int digits_h = text_line_height(env->text, r->size_px, FONT_BOLD);
    struct text_style digits = {r->size_px, FONT_BOLD, THEME_WHITE, ALIGN_CENTER};
    struct text_style label = {theme_px(l, THEME_TEXT_SMALL), FONT_BOLD, THEME_GOLD,
                               ALIGN_CENTER};

    for (int i = 0; i < n; i++) {
        int x = left + i % r->cols * (r->card_w + gap);
        int top = y + i / r->cols * (r->card_h + gap);
        SDL_Rect card = {x, top, r->card_w, r->card_h};
        theme_fill(env->renderer, &card, THEME_RED);
        SDL_Rect rule = {x, top + r->card_h - theme_px(l, 8), r->card_w, theme_px(l, 8)};
        theme_fill(env->renderer, &rule, THEME_GOLD);
        text_draw(env->text, r->cards[i].value, &digits, x + r->card_w / 2,
                  top + theme_px(l, 4));
        text_draw(env->text, r->cards[i].label, &label, x + r->card_w / 2,
                  top + digits_h - theme_px(l, 6));
    }
}

/* Lays the rows out centred in the body, shrinking the digits if the
 * whole stack is too tall, and draws them. */
static void draw_stack(const struct scene_env *env, struct stack *st)
{
    const struct layout *l = env->layout;
    SDL_Rect inner = theme_inset(l->body, theme_px(l, THEME_MARGIN));
    int gap = theme_px(l, 28);
    int digits_px = theme_px(l, THEME_TEXT_HUGE);
    int band_pad = theme_px(l, THEME_GAP);

    measure(env, st, inner, digits_px);
    while (stack_height(st, gap) > inner.h && digits_px > theme_px(l, 60)) {
        digits_px = digits_px * 85 / 100;
        measure(env, st, inner, digits_px);
    }

    int y = inner.y + (inner.h - stack_height(st, gap)) / 2;
    if (y < inner.y)
        y = inner.y;
    for (int i = 0; i < st->count; i++) {
        struct row *r = &st->rows[i];
        SDL_Rect box = {inner.x, y, inner.w, r->h};
        if (r->kind == ROW_CARDS) {
            draw_cards(env, r, inner, y);
        } else if (r->kind == ROW_BAND) {
            SDL_Rect band = {l->body.x, y, l->body.w, r->h};
            theme_fill(env->renderer, &band, THEME_GOLD);
            box = theme_inset(box, band_pad);
            box.x += band_pad;
            box.w -= 2 * band_pad;
            text_draw_box(env->text, r->text, &r->style, r->min_px, box, NULL);
        } else {
            text_draw_box(env->text, r->text, &r->style, r->min_px, box, NULL);
        }
        y += r->h + gap;
    }
}

static struct text_style style(const struct layout *l, int units, enum font_weight w,
                               SDL_Color c)
{
    struct text_style st = {theme_px(l, units), w, c, ALIGN_CENTER};

    return st;
}

static void build_before(const struct scene_env *env, const struct countdown *cd,
                         struct stack *st)
{
    const struct layout *l = env->layout;
    const struct election *e = &env->content->election;
    int min = theme_px(l, THEME_TEXT_MIN);
    char buf[32];
    char date[64];
    char open[16];
    char close[16];
    char line[160];
    struct text_style title = style(l, THEME_TEXT_TITLE, FONT_BOLD, THEME_RED);
    struct text_style band = style(l, THEME_TEXT_TITLE, FONT_BOLD, THEME_INK);
    struct text_style body = style(l, THEME_TEXT_BODY, FONT_REGULAR, THEME_INK);
    struct text_style strong = style(l, THEME_TEXT_BODY, FONT_BOLD, THEME_INK);

    if (cd->phase == COUNTDOWN_SILENCE)
        add_row(st, ROW_BAND, "Thời gian vận động bầu cử đã kết thúc", &band, min);
    else
        add_row(st, ROW_TEXT, e->name, &title, min);
    add_row(st, ROW_TEXT, "Còn", &body, min);

    struct row *cards = add_row(st, ROW_CARDS, NULL, NULL, min);
    if (cd->days > 0) {
        snprintf(buf, sizeof buf, "%d", cd->days);
        add_card(cards, buf, "NGÀY");
    }
    snprintf(buf, sizeof buf, "%02d", cd->hours);
    add_card(cards, buf, "GIỜ");
    snprintf(buf, sizeof buf, "%02d", cd->minutes);
    add_card(cards, buf, "PHÚT");
    snprintf(buf, sizeof buf, "%02d", cd->seconds);
    add_card(cards, buf, "GIÂY");

    add_row(st, ROW_TEXT, "đến ngày bầu cử", &body, min);
    countdown_format_date(e->day_start_ms, env->tz, date, sizeof date);
    countdown_format_hhmm(e->polls_open_ms, env->tz, open, sizeof open);
    countdown_format_hhmm(e->polls_close_ms, env->tz, close, sizeof close);
    snprintf(line, sizeof line, "%s · bỏ phiếu từ %s đến %s", date, open, close);
    add_row(st, ROW_TEXT, line, &strong, min);
}

static void build_clock(const struct scene_env *env, const struct countdown *cd,
                        struct stack *st)
{
    const struct layout *l = env->layout;
    const struct election *e = &env->content->election;
    int min = theme_px(l, THEME_TEXT_MIN);
    char hms[32];
    char hhmm[16];
    char line[160];
    struct text_style band = style(l, THEME_TEXT_BIG, FONT_BOLD, THEME_INK);
    struct text_style title = style(l, THEME_TEXT_BIG, FONT_BOLD, THEME_RED);
    struct text_style body = style(l, THEME_TEXT_BODY, FONT_REGULAR, THEME_INK);
    struct text_style strong = style(l, THEME_TEXT_TITLE, FONT_BOLD, THEME_INK);

    countdown_format_hms(cd->left_s, hms, sizeof hms);
    if (cd->phase == COUNTDOWN_MORNING) {
        countdown_format_hhmm(e->polls_open_ms, env->tz, hhmm, sizeof hhmm);
        add_row(st, ROW_BAND, "Hôm nay là ngày bầu cử", &band, min);
        snprintf(line, sizeof line, "Các khu vực bỏ phiếu mở cửa lúc %s", hhmm);
        add_row(st, ROW_TEXT, line, &strong, min);
        add_card(add_row(st, ROW_CARDS, NULL, NULL, min), hms, "CÒN");
        add_row(st, ROW_TEXT, "Mời cử tri mang theo thẻ cử tri đến khu vực bỏ phiếu",
                &body, min);
        return;
    }

    countdown_format_hhmm(e->polls_close_ms, env->tz, hhmm, sizeof hhmm);
    add_row(st, ROW_TEXT, "Đang bỏ phiếu", &title, min);
    add_card(add_row(st, ROW_CARDS, NULL, NULL, min), hms, "THỜI GIAN CÒN LẠI");
    snprintf(line, sizeof line, "Các khu vực bỏ phiếu đóng cửa lúc %s", hhmm);
    add_row(st, ROW_TEXT, line, &strong, min);
    add_row(st, ROW_TEXT, "Mỗi cử tri tự mình đi bầu, bỏ phiếu kín", &body, min);
}

static void build_closed(const struct scene_env *env, const struct countdown *cd,
                         struct stack *st)
{
    const struct layout *l = env->layout;
    int min = theme_px(l, THEME_TEXT_MIN);
    char detail[256];
    struct text_style title = style(l, THEME_TEXT_TITLE, FONT_BOLD, THEME_INK);
    struct text_style thanks = style(l, THEME_TEXT_HUGE * 2 / 3, FONT_BOLD, THEME_RED);
    struct text_style body = style(l, THEME_TEXT_BODY, FONT_REGULAR, THEME_INK);

    countdown_detail(cd, &env->content->election, &env->content->results, env->tz,
                     detail, sizeof detail);
    add_row(st, ROW_TEXT, env->content->election.name, &title, min);
    add_row(st, ROW_TEXT, "Việc bỏ phiếu đã kết thúc.", &title, min);
    add_row(st, ROW_TEXT, "Cảm ơn cử tri!", &thanks, min);
    add_row(st, ROW_TEXT, detail, &body, min);
}

static void build_results(const struct scene_env *env, struct stack *st)
{
    const struct layout *l = env->layout;
    const struct content *c = env->content;
    const struct results *r = &c->results;
    int min = theme_px(l, THEME_TEXT_MIN);
    char pct[32];
    char voted[32];
    char total[32];
    char line[256];
    struct text_style band = style(l, THEME_TEXT_TITLE, FONT_BOLD, THEME_INK);
    struct text_style big = style(l, THEME_TEXT_BIG, FONT_BOLD, THEME_RED);
    struct text_style body = style(l, THEME_TEXT_BODY, FONT_REGULAR, THEME_INK);
    struct text_style strong = style(l, THEME_TEXT_BODY, FONT_BOLD, THEME_INK);

    add_row(st, ROW_BAND, "Kết quả bầu cử", &band, min);
    countdown_format_pct(r->turnout_pct, pct, sizeof pct);
    snprintf(line, sizeof line, "Tỷ lệ cử tri đi bầu %s", pct);
    add_row(st, ROW_TEXT, line, &big, min);
    countdown_format_count(r->voters_voted, voted, sizeof voted);
    countdown_format_count(r->voters_total, total, sizeof total);
    snprintf(line, sizeof line, "%s / %s cử tri đã bỏ phiếu", voted, total);
    add_row(st, ROW_TEXT, line, &body, min);
    if (r->elected_count == 0)
        return;

    add_row(st, ROW_TEXT, "Những người trúng cử", &strong, min);

    /* A few names one per line, more in one wrapped paragraph. */
    const char *sep = r->elected_count <= ELECTED_LINES_MAX ? "\n" : " · ";
    char names[1024];
    int used = 0;
    names[0] = '\0';
    for (int i = 0; i < r->elected_count; i++) {
        const struct elected *el = &r->elected[i];
        char vp[32];
        countdown_format_pct(el->vote_pct, vp, sizeof vp);
        int n = snprintf(names + used, sizeof names - (size_t)used, "%s%s (%s)",
                         i > 0 ? sep : "", el->name, vp);
        if (n < 0 || used + n >= (int)sizeof names)
            break;
        used += n;
    }
    struct row *list = add_row(st, ROW_TEXT, NULL, &body, min);
    if (list) {
        snprintf(list->text, sizeof list->text, "%s", names);
        list->max_h = env->layout->body.h / 2;
    }
}

static void countdown_render(void *state, const struct scene_env *env, int64_t now_ms)
{
    struct countdown_scene *s = state;
    const struct content *c = s->env->content;
    struct countdown cd;
    struct stack st = {0};

    theme_fill(env->renderer, &env->layout->body, THEME_PAPER);
    countdown_compute(&c->election, &c->results, now_ms, &cd);

    switch (cd.phase) {
    case COUNTDOWN_BEFORE:
    case COUNTDOWN_SILENCE:
        build_before(env, &cd, &st);
        break;
    case COUNTDOWN_MORNING:
    case COUNTDOWN_VOTING:
        build_clock(env, &cd, &st);
        break;
    case COUNTDOWN_CLOSED:
        build_closed(env, &cd, &st);
        break;
    case COUNTDOWN_RESULTS:
        build_results(env, &st);
        break;
    }
    draw_stack(env, &st);
}

static void countdown_leave(void *state)
{
    free(state);
}

const struct scene_ops scene_countdown = {
    .name = "countdown",
    .fullscreen = false,
    .enter = countdown_enter,
    .update = countdown_update,
    .render = countdown_render,
    .finished = NULL,
    .leave = countdown_leave,
};
