/* candview.c - drawing a candidate: names with Ông/Bà, the photo cropped
 * to fill (or a drawn silhouette), the list card and the profile page. */
#include "candview.h"

#include <stdio.h>
#include <string.h>

#include "assets.h"
#include "collate.h"
#include "image.h"
#include "text.h"
#include "theme.h"

#define LABEL_COLOR ((SDL_Color){0x55, 0x55, 0x55, 0xFF})
#define PHOTO_BACK ((SDL_Color){0xDD, 0xE3, 0xEA, 0xFF})
#define SILHOUETTE ((SDL_Color){0x9A, 0xA5, 0xB1, 0xFF})
#define BIO_MAX_H 100000    /* a box tall enough for any biography */
#define FIELDS_MAX 16

struct field {
    const char *label;
    char value[CANDVIEW_NAME_MAX];
};

void candview_full_name(const struct candidate *c, char *buf, int size)
{
    const char *mid = c->middle_name ? c->middle_name : "";

    snprintf(buf, (size_t)size, "%s%s%s %s",
             c->family_name ? c->family_name : "", mid[0] ? " " : "", mid,
             c->given_name ? c->given_name : "");
}

void candview_display_name(const struct candidate *c, char *buf, int size)
{
    char name[CANDVIEW_NAME_MAX];
    const char *title = c->gender == GENDER_FEMALE ? "Bà" : "Ông";

    candview_full_name(c, name, sizeof name);
    if (c->other_name && c->other_name[0])
        snprintf(buf, (size_t)size, "%s %s (%s)", title, name, c->other_name);
    else
        snprintf(buf, (size_t)size, "%s %s", title, name);
}

int candview_birth_year(const struct candidate *c)
{
    int year = 0;
    const char *s = c->birth_date ? c->birth_date : "";

    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        year = year * 10 + (s[i] - '0');
    }
    return year;
}

/* "YYYY-MM-DD" as "DD/MM/YYYY"; anything else as it is. */
static void format_date(const char *iso, char *buf, int size)
{
    const char *s = iso ? iso : "";

    if (strlen(s) == 10 && s[4] == '-' && s[7] == '-')
        snprintf(buf, (size_t)size, "%.2s/%.2s/%.4s", s + 8, s + 5, s);
    else
        snprintf(buf, (size_t)size, "%s", s);
}

void candview_birth_date(const struct candidate *c, char *buf, int size)
{
    format_date(c->birth_date, buf, size);
}

/* Circle filled row by row (no SDL2_gfx). */
static void fill_circle(SDL_Renderer *r, int cx, int cy, int radius)
{
    for (int dy = -radius; dy <= radius; dy++) {
        int dx = 0;
        while ((dx + 1) * (dx + 1) + dy * dy <= radius * radius)
            dx++;
        SDL_RenderDrawLine(r, cx - dx, cy + dy, cx + dx, cy + dy);
    }
}

/* The top half of an ellipse, for shoulders. */
static void fill_half_ellipse(SDL_Renderer *r, int cx, int cy, int rx, int ry,
                              int bottom)
{
    for (int y = cy - ry; y <= bottom; y++) {
        int dy = y - cy;
        int dx = rx;
        if (dy < 0) {
            double f = 1.0 - (double)dy * dy / ((double)ry * ry);
            dx = 0;
            while ((double)(dx + 1) * (dx + 1) <= f * rx * rx)
                dx++;
        }
        SDL_RenderDrawLine(r, cx - dx, y, cx + dx, y);
    }
}

static void silhouette(SDL_Renderer *r, SDL_Rect box)
{
    theme_fill(r, &box, PHOTO_BACK);

    SDL_Rect old_clip;
    bool clipped = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &old_clip);
    SDL_Rect clip = box;
    if (clipped && !SDL_IntersectRect(&box, &old_clip, &clip))
        return;
    SDL_RenderSetClipRect(r, &clip);

    int side = box.w < box.h ? box.w : box.h;
    int cx = box.x + box.w / 2;
    theme_draw_color(r, SILHOUETTE);
    fill_circle(r, cx, box.y + box.h * 38 / 100, side * 20 / 100);
    fill_half_ellipse(r, cx, box.y + box.h * 88 / 100, side * 40 / 100,
                      side * 26 / 100, box.y + box.h - 1);

    SDL_RenderSetClipRect(r, clipped ? &old_clip : NULL);
}

void candview_photo(const struct scene_env *env, const struct candidate *c,
                    SDL_Rect r)
{
    struct image *img = NULL;

    if (r.w <= 0 || r.h <= 0)
        return;
    if (env->assets && c->photo.sha256[0] && c->photo.path)
        img = assets_image(env->assets, c->photo.path);
    if (!img) {
        silhouette(env->renderer, r);
        return;
    }

    /* Crop to the box's shape; faces sit high in portraits, so a tall
     * picture keeps its upper part. */
    int iw, ih;
    image_size(img, &iw, &ih);
    SDL_Rect src = {0, 0, iw, ih};
    if ((int64_t)iw * r.h > (int64_t)ih * r.w) {
        src.w = (int)((int64_t)ih * r.w / r.h);
        src.x = (iw - src.w) / 2;
    } else {
        src.h = (int)((int64_t)iw * r.h / r.w);
        src.y = (ih - src.h) / 4;
    }
    if (image_draw(img, &src, &r) < 0)
        silhouette(env->renderer, r);
}

static int px(const struct scene_env *env, int units, float scale)
{
    return theme_px(env->layout, (int)(units * scale + 0.5f));
}

static int draw_box(const struct scene_env *env, const char *s, int size_px,
                    enum font_weight weight, SDL_Color color,
                    enum text_align align, SDL_Rect box)
{
    struct text_style st = {size_px, weight, color, align};
    int min_px = theme_px(env->layout, THEME_TEXT_MIN) * 3 / 4;

    if (!s || !s[0] || box.w <= 0 || box.h <= 0)
        return 0;
    if (min_px > size_px)
        min_px = size_px;
    return text_draw_box(env->text, s, &st, min_px, box, NULL);
}

static void frame(SDL_Renderer *r, SDL_Rect box, int thick, SDL_Color c)
{
    SDL_Rect edges[4] = {
        {box.x, box.y, box.w, thick},
        {box.x, box.y + box.h - thick, box.w, thick},
        {box.x, box.y, thick, box.h},
        {box.x + box.w - thick, box.y, thick, box.h},
    };

    theme_draw_color(r, c);
    SDL_RenderFillRects(r, edges, 4);
}

void candview_card(const struct scene_env *env, int index, int number,
                   SDL_Rect r, float scale, bool highlight)
{
    const struct content *content = env->content;
    if (!content || index < 0 || index >= content->candidate_count)
        return;
    const struct candidate *c = &content->candidates[index];
    SDL_Renderer *ren = env->renderer;
    int pad = px(env, 12, 1.0f);

    theme_fill(ren, &r, THEME_CARD);
    frame(ren, r, highlight ? px(env, 8, 1.0f) : 1,
          highlight ? THEME_GOLD : THEME_RULE);
    SDL_Rect in = theme_inset(r, highlight ? pad + px(env, 4, 1.0f) : pad);

    /* Type sized by the card's width so every card of a list looks the
     * same; the photo (3:4) takes what the text leaves. */
    bool tall = in.h * 10 > in.w * 11;
    int wide_pw = in.h * 3 / 4 < in.w * 4 / 10 ? in.h * 3 / 4 : in.w * 4 / 10;
    int text_w = tall ? in.w : in.w - wide_pw - pad;
    int name_px = px(env, THEME_TEXT_SMALL + 4, scale);
    if (name_px > text_w / 9)
        name_px = text_w / 9;
    int small_px = name_px * 85 / 100;
    int name_line = text_line_height(env->text, name_px, FONT_BOLD);
    int small_line = text_line_height(env->text, small_px, FONT_REGULAR);
    int text_need = name_line * 2 + small_line * 3 + pad / 2;

    SDL_Rect photo, text;
    if (tall) {
        int ph = in.h - text_need - pad;
        int pw = ph * 3 / 4;
        if (pw > in.w) {
            pw = in.w;
            ph = pw * 4 / 3;
        }
        if (ph < 0)
            ph = pw = 0;
        photo = (SDL_Rect){in.x + (in.w - pw) / 2, in.y, pw, ph};
        text = (SDL_Rect){in.x, in.y + ph + pad, in.w, in.h - ph - pad};
    } else {
        photo = (SDL_Rect){in.x, in.y, wide_pw, in.h};
        text = (SDL_Rect){in.x + wide_pw + pad, in.y, text_w, in.h};
    }
    candview_photo(env, c, photo);

    /* Name (two lines at most), then birth and occupation. */
    char name[CANDVIEW_NAME_MAX], line[CANDVIEW_NAME_MAX * 2];
    candview_full_name(c, name, sizeof name);
    snprintf(line, sizeof line, "%d. %s", number, name);
    enum text_align align = tall ? ALIGN_CENTER : ALIGN_LEFT;
    struct text_style st = {name_px, FONT_BOLD, THEME_INK, align};
    SDL_Rect box = {text.x, text.y, text.w, name_line * 2};
    int used = text_draw_box(env->text, line, &st, name_px * 8 / 10, box, NULL);
    if (used < name_line)
        used = name_line;

    char birth[64], date[32];
    if (collate_has_namesake(content, index)) {
        candview_birth_date(c, date, sizeof date);
        snprintf(birth, sizeof birth, "Sinh ngày %s", date);
    } else {
        snprintf(birth, sizeof birth, "Sinh năm %d", candview_birth_year(c));
    }
    st = (struct text_style){small_px, FONT_REGULAR, LABEL_COLOR, align};
    box = (SDL_Rect){text.x, text.y + used + pad / 4, text.w, small_line};
    text_draw_box(env->text, birth, &st, small_px * 7 / 10, box, NULL);

    box.y += small_line;
    box.h = text.y + text.h - box.y;
    if (box.h > small_line * 2)
        box.h = small_line * 2;
    st.color = THEME_INK;
    if (c->occupation && box.h > 0)
        text_draw_box(env->text, c->occupation, &st, small_px * 8 / 10, box, NULL);
}

static void add_field(struct field *f, int *n, const char *label,
                      const char *value)
{
    if (!value || !value[0] || *n >= FIELDS_MAX)
        return;
    f[*n].label = label;
    snprintf(f[*n].value, sizeof f[*n].value, "%s", value);
    (*n)++;
}

static int fill_fields(const struct candidate *c, struct field *f)
{
    int n = 0;
    char date[32];

    format_date(c->birth_date, date, sizeof date);
    add_field(f, &n, "Ngày sinh", date);
    add_field(f, &n, "Quê quán", c->hometown);
    add_field(f, &n, "Nơi ở hiện nay", c->residence);
    add_field(f, &n, "Dân tộc", c->ethnicity);
    add_field(f, &n, "Tôn giáo", c->religion);
    add_field(f, &n, "Học vấn phổ thông", c->education_general);
    add_field(f, &n, "Chuyên môn, nghiệp vụ", c->education_professional);
    add_field(f, &n, "Lý luận chính trị", c->education_political);
    add_field(f, &n, "Ngoại ngữ", c->foreign_languages);
    add_field(f, &n, "Nghề nghiệp, chức vụ", c->occupation);
    add_field(f, &n, "Nơi công tác", c->workplace);

    if (c->party_joined && c->party_joined[0])
        format_date(c->party_joined, date, sizeof date);
    else
        snprintf(date, sizeof date, "Không");
    add_field(f, &n, "Ngày vào Đảng", date);
    add_field(f, &n, "Đại biểu đương nhiệm", c->sitting_deputy ? "Có" : "Không");
    return n;
}

/* How the fields of one column width are drawn. */
struct field_style {
    int label_px;   /* one size for all labels, so they line up */
    int value_px;
    int label_w;
    int line_h;
    int gap;
};

/* Labels as wide as the widest needs, but at most 45% of the column:
 * beyond that all labels shrink together. */
static void field_style(const struct scene_env *env, const struct field *f,
                        int n, int size_px, int col_w, int gap,
                        struct field_style *st)
{
    int widest = 0;

    for (int i = 0; i < n; i++) {
        char text[CANDVIEW_NAME_MAX];
        int w = 0, h = 0;
        snprintf(text, sizeof text, "%s:", f[i].label);
        if (text_measure(env->text, text, size_px, FONT_BOLD, &w, &h) == 0 &&
            w > widest)
            widest = w;
    }

    int cap = col_w * 45 / 100;
    st->value_px = size_px;
    st->label_px = size_px;
    if (widest > cap)
        st->label_px = (int)((int64_t)size_px * cap / widest);
    st->label_w = (widest < cap ? widest : cap) + gap;
    st->line_h = text_line_height(env->text, size_px, FONT_REGULAR);
    st->gap = gap;
}

/* Draws up to cols fields side by side at y; values may take two
 * lines. Returns the row's height. */
static int draw_field_row(const struct scene_env *env, const struct field *f,
                          int cols, int x, int y, int col_w,
                          const struct field_style *st)
{
    int row_h = st->line_h;

    for (int c = 0; c < cols; c++) {
        int cx = x + c * (col_w + st->gap);
        char text[CANDVIEW_NAME_MAX];
        snprintf(text, sizeof text, "%s:", f[c].label);
        int label_y = y + (st->line_h -
                           text_line_height(env->text, st->label_px, FONT_BOLD)) / 2;
        SDL_Rect label = {cx, label_y, st->label_w, st->line_h};
        draw_box(env, text, st->label_px, FONT_BOLD, LABEL_COLOR, ALIGN_LEFT,
                 label);

        SDL_Rect value = {cx + st->label_w, y, col_w - st->label_w,
                          st->line_h * 2};
        int h = draw_box(env, f[c].value, st->value_px, FONT_REGULAR,
                         THEME_INK, ALIGN_LEFT, value);
        if (h > row_h)
            row_h = h;
    }
    return row_h + st->gap / 3;
}

/* Draws the biography fitted into box (the loop). */
static void draw_bio_fitted(const struct scene_env *env, const char *bio,
                            SDL_Rect box, float scale)
{
    struct text_style st = {px(env, THEME_TEXT_SMALL + 2, scale), FONT_REGULAR,
                            THEME_INK, ALIGN_LEFT};
    int min_px = theme_px(env->layout, THEME_TEXT_MIN);

    if (!bio || !bio[0] || box.w <= 0 || box.h <= 0)
        return;
    if (min_px > st.size_px)
        min_px = st.size_px;
    text_draw_box(env->text, bio, &st, min_px, box, NULL);
}

/* Draws the biography at full size from y; returns its height. */
static int draw_bio_full(const struct scene_env *env, const char *bio, int x,
                         int y, int w, float scale)
{
    struct text_style st = {px(env, THEME_TEXT_SMALL + 4, scale), FONT_REGULAR,
                            THEME_INK, ALIGN_LEFT};
    int used_px = 0, full_h = 0;

    if (!bio || !bio[0] || w <= 0)
        return 0;
    text_fit(env->text, bio, &st, st.size_px, w, BIO_MAX_H, &used_px, &full_h);
    SDL_Rect box = {x, y, w, full_h + 1};
    text_draw_box(env->text, bio, &st, st.size_px, box, NULL);
    return full_h;
}

/* The page from top y0 (which may lie above r when scrolled). Returns
 * the page's bottom. scrolled: the biography at full size, else fitted
 * into what is left of r. */
static int draw_page(const struct scene_env *env, int index, SDL_Rect r,
                     int y0, float scale, bool scrolled)
{
    const struct content *content = env->content;
    const struct candidate *c = &content->candidates[index];
    const struct layout *l = env->layout;
    int gap = px(env, THEME_GAP, 1.0f);

    struct field fields[FIELDS_MAX];
    int n = fill_fields(c, fields);

    /* Photo at the top left, in landscape as tall as the name and all
     * fields beside it need (within limits), so the biography below
     * gets the rest. */
    int ph = r.h * (l->portrait ? 30 : 46) / 100;
    if (!l->portrait) {
        int pw0 = ph * 3 / 4;
        int cols = r.w - pw0 - gap > px(env, 1100, scale) ? 2 : 1;
        int field_px = px(env, THEME_TEXT_SMALL - (scrolled ? 4 : 8), scale);
        int need = text_line_height(env->text, px(env, THEME_TEXT_TITLE, scale),
                                    FONT_BOLD) +
                   text_line_height(env->text, px(env, THEME_TEXT_SMALL, scale),
                                    FONT_REGULAR) +
                   gap + (n + cols - 1) / cols * 6 / 5 *
                             (text_line_height(env->text, field_px,
                                               FONT_REGULAR) + gap / 3);
        int lo = r.h * 30 / 100, hi = r.h * 58 / 100;
        ph = need < lo ? lo : (need > hi ? hi : need);
    }
    int pw = ph * 3 / 4;
    if (pw > r.w * 30 / 100) {
        pw = r.w * 30 / 100;
        ph = pw * 4 / 3;
    }
    SDL_Rect photo = {r.x, y0, pw, ph};
    candview_photo(env, c, photo);
    frame(env->renderer, photo, 1, THEME_RULE);

    /* Name and unit beside it. */
    int side_x = r.x + pw + gap;
    int side_w = r.x + r.w - side_x;
    char name[CANDVIEW_NAME_MAX];
    candview_display_name(c, name, sizeof name);
    int name_px = px(env, THEME_TEXT_TITLE, scale);
    int name_h = text_line_height(env->text, name_px, FONT_BOLD);
    if (l->portrait || scale > 1.0f)
        name_h *= 2;
    SDL_Rect box = {side_x, y0, side_w, name_h};
    int y = y0 + draw_box(env, name, name_px, FONT_BOLD, THEME_RED,
                          ALIGN_LEFT, box);

    if (c->unit >= 0 && c->unit < content->unit_count) {
        const struct unit *u = &content->units[c->unit];
        char line[CANDVIEW_NAME_MAX * 2];
        snprintf(line, sizeof line, "Đơn vị bầu cử số %d%s%s", u->number,
                 u->name && u->name[0] ? " · " : "", u->name ? u->name : "");
        int unit_px = px(env, THEME_TEXT_SMALL, scale);
        box = (SDL_Rect){side_x, y, side_w,
                         text_line_height(env->text, unit_px, FONT_REGULAR)};
        y += draw_box(env, line, unit_px, FONT_REGULAR, LABEL_COLOR,
                      ALIGN_LEFT, box);
    }
    y += gap;

    /* Fields: beside the photo first, then below it across the width. */
    int field_px = px(env, THEME_TEXT_SMALL - (scrolled ? 4 : 8), scale);
    int side_cols = side_w > px(env, 1100, scale) ? 2 : 1;
    int full_cols = r.w > px(env, 1100, scale) ? 2 : 1;
    int side_cw = (side_w - gap * (side_cols - 1)) / side_cols;
    int full_cw = (r.w - gap * (full_cols - 1)) / full_cols;
    struct field_style side_st, full_st;
    field_style(env, fields, n, field_px, side_cw, gap, &side_st);
    field_style(env, fields, n, field_px, full_cw, gap, &full_st);
    int i = 0;
    while (i < n && y + side_st.line_h <= y0 + ph) {
        int k = n - i < side_cols ? n - i : side_cols;
        y += draw_field_row(env, &fields[i], k, side_x, y, side_cw, &side_st);
        i += k;
    }
    if (y < y0 + ph)
        y = y0 + ph;
    y += gap;
    while (i < n) {
        int k = n - i < full_cols ? n - i : full_cols;
        y += draw_field_row(env, &fields[i], k, r.x, y, full_cw, &full_st);
        i += k;
    }
    y += gap / 2;

    /* The biography under a gold rule. */
    SDL_Rect rule = {r.x, y, r.w, px(env, 3, 1.0f)};
    theme_fill(env->renderer, &rule, THEME_GOLD);
    y += rule.h + gap / 2;
    if (scrolled)
        return y + draw_bio_full(env, c->biography, r.x, y, r.w, scale);
    draw_bio_fitted(env, c->biography,
                    (SDL_Rect){r.x, y, r.w, r.y + r.h - y}, scale);
    return r.y + r.h;
}

int candview_profile(const struct scene_env *env, int index, SDL_Rect r,
                     float scale, int scroll_px)
{
    const struct content *content = env->content;
    SDL_Renderer *ren = env->renderer;

    if (!content || index < 0 || index >= content->candidate_count)
        return 0;
    if (scroll_px < 0) {
        draw_page(env, index, r, r.y, scale, false);
        return 0;
    }

    /* Browsing: the whole page scrolls inside r, with a bar at the
     * right when it is longer. */
    int bar = px(env, 10, 1.0f);
    SDL_Rect page = {r.x, r.y, r.w - 3 * bar, r.h};
    SDL_Rect old_clip;
    bool clipped = SDL_RenderIsClipEnabled(ren);
    SDL_RenderGetClipRect(ren, &old_clip);
    SDL_Rect clip = r;
    if (clipped && !SDL_IntersectRect(&r, &old_clip, &clip))
        return 0;
    SDL_RenderSetClipRect(ren, &clip);
    int bottom = draw_page(env, index, page, r.y - scroll_px, scale, true);
    SDL_RenderSetClipRect(ren, clipped ? &old_clip : NULL);

    int full_h = bottom - (r.y - scroll_px);
    int max_scroll = full_h > r.h ? full_h - r.h : 0;

    /* Scrolled past the end (the text became smaller): draw again at
     * the end. */
    if (scroll_px > max_scroll) {
        scroll_px = max_scroll;
        SDL_RenderSetClipRect(ren, &clip);
        theme_fill(ren, &r, THEME_PAPER);
        draw_page(env, index, page, r.y - scroll_px, scale, true);
        SDL_RenderSetClipRect(ren, clipped ? &old_clip : NULL);
    }

    if (max_scroll > 0) {
        SDL_Rect track = {r.x + r.w - bar, r.y, bar, r.h};
        theme_fill(ren, &track, THEME_RULE);
        int thumb_h = (int)((int64_t)r.h * r.h / full_h);
        SDL_Rect thumb = {track.x, r.y + (int)((int64_t)(r.h - thumb_h) *
                                               scroll_px / max_scroll),
                          bar, thumb_h};
        theme_fill(ren, &thumb, THEME_RED);
    }
    return max_scroll;
}

int candview_grid(int n, SDL_Rect area, int gap, float aspect, SDL_Rect *cells)
{
    int best_cols = 0;
    float best_h = -1.0f;

    if (n <= 0)
        return 0;

    /* The column count that gives the tallest cell of this shape. */
    for (int cols = 1; cols <= n; cols++) {
        int rows = (n + cols - 1) / cols;
        float cw = (float)(area.w - gap * (cols - 1)) / cols;
        float ch = (float)(area.h - gap * (rows - 1)) / rows;
        if (cw <= 0 || ch <= 0)
            continue;
        float h = cw / aspect < ch ? cw / aspect : ch;
        if (h > best_h) {
            best_h = h;
            best_cols = cols;
        }
    }
    if (best_cols == 0)
        best_cols = 1;

    int rows = (n + best_cols - 1) / best_cols;
    int ch = (int)(best_h > 0 ? best_h : 0);
    int cw = (int)(ch * aspect);
    int max_cw = (area.w - gap * (best_cols - 1)) / best_cols;
    if (cw > max_cw)
        cw = max_cw;
    int grid_w = best_cols * cw + (best_cols - 1) * gap;
    int grid_h = rows * ch + (rows - 1) * gap;
    int x0 = area.x + (area.w - grid_w) / 2;
    int y0 = area.y + (area.h - grid_h) / 2;

    for (int i = 0; i < n; i++) {
        int row = i / best_cols, col = i % best_cols;
        cells[i] = (SDL_Rect){x0 + col * (cw + gap), y0 + row * (ch + gap),
                              cw, ch};
    }
    return best_cols;
}

/* The photo area a card of this size would get, 0 if its text does not
 * fit (the estimate follows candview_card's sizes). */
static long photo_area(const struct scene_env *env, SDL_Rect cell, float scale)
{
    int pad = px(env, 12, 1.0f);
    int w = cell.w - 2 * pad, h = cell.h - 2 * pad;
    bool tall = h * 10 > w * 11;
    int pw = h * 3 / 4 < w * 4 / 10 ? h * 3 / 4 : w * 4 / 10;
    int text_w = tall ? w : w - pw - pad;
    int name_px = px(env, THEME_TEXT_SMALL + 4, scale);

    if (name_px > text_w / 9)
        name_px = text_w / 9;
    int text_h = name_px * 64 / 10;
    if (tall) {
        int ph = h - text_h - pad;
        pw = ph * 3 / 4 < w ? ph * 3 / 4 : w;
        return ph > 0 ? (long)pw * ph : 0;
    }
    return text_h <= h ? (long)pw * h : 0;
}

int candview_card_grid(const struct scene_env *env, int n, SDL_Rect area,
                       int gap, float scale, SDL_Rect *cells)
{
    static const float aspects[] = {CANDVIEW_CARD_ASPECT, 2.4f};
    int best = 0;
    long best_area = -1;

    /* Whichever card shape gives the larger photos with readable text. */
    for (int k = 0; k < 2; k++) {
        candview_grid(n, area, gap, aspects[k], cells);
        long a = n > 0 ? photo_area(env, cells[0], scale) : 0;
        if (a > best_area) {
            best_area = a;
            best = k;
        }
    }
    return candview_grid(n, area, gap, aspects[best], cells);
}
