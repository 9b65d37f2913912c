/* text.c - Vietnamese text through SDL2_ttf: fonts opened per pixel size,
 * NFC input, greedy word wrap with shrink-to-fit, and two LRU caches.
 *
 * DESIGN: main thread only. struct text owns its fonts (a few sizes per
 * weight, least recently used closed first), a cache of rendered line
 * textures keyed by (string, size, weight, colour) and a cache of wrapped
 * layouts keyed by (string, sizes, weight, box). A steady frame therefore
 * only looks up hash tables and copies textures: no measuring, no glyph
 * rasterising. Failed renders are cached too, so they log once. Textures
 * belong to the renderer given to text_create; text_flush drops them. */
#include "text.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "log.h"
#include "utf8.h"

#define FONT_SIZES_MAX 24           /* open sizes per weight */
#define TEXTURE_CACHE_MAX 512
#define TEXTURE_CACHE_BYTES (64 * 1024 * 1024)
#define LAYOUT_CACHE_MAX 256
#define KEY_STACK_BYTES 256
#define ELLIPSIS "\xe2\x80\xa6"

/* ---- a small LRU hash map: binary key -> owned value ---- */

struct cache_entry {
    struct cache_entry *chain;      /* next in the same bucket */
    struct cache_entry *newer, *older;
    uint64_t hash;
    size_t key_len;
    char *key;
    size_t cost;
    void *value;
};

struct cache {
    struct cache_entry **buckets;
    size_t bucket_count;            /* a power of two */
    struct cache_entry *newest, *oldest;
    int count, max_count;
    size_t cost, max_cost;
    void (*free_value)(void *value);
};

static uint64_t hash_bytes(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;

    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static int cache_init(struct cache *c, int max_count, size_t max_cost,
                      void (*free_value)(void *value))
{
    memset(c, 0, sizeof *c);
    c->bucket_count = 1;
    while (c->bucket_count < (size_t)max_count * 2)
        c->bucket_count *= 2;

    c->buckets = calloc(c->bucket_count, sizeof *c->buckets);
    if (!c->buckets)
        return -1;
    c->max_count = max_count;
    c->max_cost = max_cost;
    c->free_value = free_value;
    return 0;
}

static void unlink_lru(struct cache *c, struct cache_entry *e)
{
    if (e->newer)
        e->newer->older = e->older;
    else
        c->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        c->oldest = e->newer;
    e->newer = NULL;
    e->older = NULL;
}

static void link_newest(struct cache *c, struct cache_entry *e)
{
    e->older = c->newest;
    e->newer = NULL;
    if (c->newest)
        c->newest->newer = e;
    c->newest = e;
    if (!c->oldest)
        c->oldest = e;
}

static void cache_remove(struct cache *c, struct cache_entry *e)
{
    struct cache_entry **link = &c->buckets[e->hash & (c->bucket_count - 1)];

    while (*link != e)
        link = &(*link)->chain;
    *link = e->chain;
    unlink_lru(c, e);

    c->count--;
    c->cost -= e->cost;
    c->free_value(e->value);
    free(e->key);
    free(e);
}

static void cache_clear(struct cache *c)
{
    while (c->oldest)
        cache_remove(c, c->oldest);
}

static void cache_fini(struct cache *c)
{
    if (!c->buckets)
        return;
    cache_clear(c);
    free(c->buckets);
    c->buckets = NULL;
}

/* The value for key, marked most recently used; NULL when absent. */
static void *cache_get(struct cache *c, const char *key, size_t key_len)
{
    uint64_t hash = hash_bytes(key, key_len);
    struct cache_entry *e = c->buckets[hash & (c->bucket_count - 1)];

    while (e && (e->hash != hash || e->key_len != key_len ||
                 memcmp(e->key, key, key_len) != 0))
        e = e->chain;
    if (!e)
        return NULL;

    unlink_lru(c, e);
    link_newest(c, e);
    return e->value;
}

/* Stores value (owned from now on, freed even on failure) under a key
 * known to be absent, then evicts the oldest entries past the limits. */
static int cache_put(struct cache *c, const char *key, size_t key_len,
                     void *value, size_t cost)
{
    struct cache_entry *e = calloc(1, sizeof *e);
    char *copy = malloc(key_len);

    if (!e || !copy) {
        free(e);
        free(copy);
        c->free_value(value);
        return -1;
    }
    memcpy(copy, key, key_len);
    e->key = copy;
    e->key_len = key_len;
    e->hash = hash_bytes(key, key_len);
    e->value = value;
    e->cost = cost;

    struct cache_entry **bucket = &c->buckets[e->hash & (c->bucket_count - 1)];
    e->chain = *bucket;
    *bucket = e;
    link_newest(c, e);
    c->count++;
    c->cost += cost;

    /* The new entry stays even if it alone is over the cost limit: the
     * caller is about to draw it. */
    while ((c->count > c->max_count || c->cost > c->max_cost) &&
           c->oldest != e)
        cache_remove(c, c->oldest);
    return 0;
}

/* A cache key: a few ints then the string, on the stack when short. */
struct key {
    char stack[KEY_STACK_BYTES];
    char *data;
    size_t len;
};

static int key_make(struct key *k, const int32_t *ints, int count, const char *s)
{
    size_t head = (size_t)count * sizeof *ints;
    size_t len = head + strlen(s);

    k->data = len <= sizeof k->stack ? k->stack : malloc(len);
    if (!k->data)
        return -1;
    memcpy(k->data, ints, head);
    memcpy(k->data + head, s, len - head);
    k->len = len;
    return 0;
}

static void key_free(struct key *k)
{
    if (k->data != k->stack)
        free(k->data);
}

/* ---- the text context ---- */

struct font_slot {
    int size_px;
    TTF_Font *font;
    uint64_t last_use;
};

struct rendered {
    SDL_Texture *texture;           /* NULL for empty text or a failure */
    int w, h;
};

struct line {
    char *text;                     /* NFC */
    int w;
};

struct layout {
    int size_px;
    int skip;                       /* line to line, in pixels */
    int height;                     /* of all lines together */
    bool cut;
    int count;
    struct line *lines;
};

struct text {
    SDL_Renderer *renderer;
    char *paths[2];
    struct font_slot fonts[2][FONT_SIZES_MAX];
    int font_count[2];
    uint64_t font_clock;
    struct cache textures;
    struct cache layouts;
    long hits;
    long misses;
};

static void rendered_free(void *value)
{
    struct rendered *r = value;

    if (r && r->texture)
        SDL_DestroyTexture(r->texture);
    free(r);
}

static void layout_free(void *value)
{
    struct layout *l = value;

    if (!l)
        return;
    for (int i = 0; i < l->count; i++)
        free(l->lines[i].text);
    free(l->lines);
    free(l);
}

static int weight_index(enum font_weight weight)
{
    return weight == FONT_BOLD ? 1 : 0;
}

/* The font for size and weight, opened on first use; NULL (logged). */
static TTF_Font *font_at(struct text *t, int size_px, enum font_weight weight)
{
    int wi = weight_index(weight);
    struct font_slot *slots = t->fonts[wi];
    int n = t->font_count[wi];

    if (size_px < 1)
        return NULL;

    t->font_clock++;
    for (int i = 0; i < n; i++) {
        if (slots[i].size_px == size_px) {
            slots[i].last_use = t->font_clock;
            return slots[i].font;
        }
    }

    TTF_Font *font = TTF_OpenFont(t->paths[wi], size_px);
    if (!font) {
        log_error("text", "cannot open %s at %d px: %s", t->paths[wi], size_px,
                  TTF_GetError());
        return NULL;
    }
    /* Light hinting keeps stacked Vietnamese marks in shape at small
     * sizes, where full hinting distorts them. */
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);

    int slot = n;
    if (n == FONT_SIZES_MAX) {
        slot = 0;
        for (int i = 1; i < n; i++) {
            if (slots[i].last_use < slots[slot].last_use)
                slot = i;
        }
        TTF_CloseFont(slots[slot].font);
    } else {
        t->font_count[wi]++;
    }
    slots[slot] = (struct font_slot){size_px, font, t->font_clock};
    return font;
}

struct text *text_create(SDL_Renderer *renderer, const char *regular_path,
                         const char *bold_path)
{
    struct text *t = NULL;

    if (!regular_path || !bold_path) {
        log_error("text", "no font path given");
        return NULL;
    }

    if (TTF_Init() < 0) {
        log_error("text", "cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }

    t = calloc(1, sizeof *t);
    if (!t) {
        log_error("text", "out of memory");
        TTF_Quit();
        return NULL;
    }
    t->renderer = renderer;

    t->paths[0] = strdup(regular_path);
    t->paths[1] = strdup(bold_path);
    if (!t->paths[0] || !t->paths[1]) {
        log_error("text", "out of memory");
        goto fail;
    }

    if (cache_init(&t->textures, TEXTURE_CACHE_MAX, TEXTURE_CACHE_BYTES,
                   rendered_free) < 0 ||
        cache_init(&t->layouts, LAYOUT_CACHE_MAX, SIZE_MAX, layout_free) < 0) {
        log_error("text", "out of memory");
        goto fail;
    }

    /* Opening both now reports a missing font at start-up, not mid-show. */
    if (!font_at(t, 16, FONT_REGULAR) || !font_at(t, 16, FONT_BOLD))
        goto fail;
    return t;

fail:
    text_destroy(t);
    return NULL;
}

void text_destroy(struct text *t)
{
    if (!t)
        return;

    cache_fini(&t->textures);
    cache_fini(&t->layouts);
    for (int wi = 0; wi < 2; wi++) {
        for (int i = 0; i < t->font_count[wi]; i++)
            TTF_CloseFont(t->fonts[wi][i].font);
        free(t->paths[wi]);
    }
    free(t);

    /* SDL_ttf counts TTF_Init calls, so each context holds one. */
    TTF_Quit();
}

int text_measure(struct text *t, const char *utf8, int size_px,
                 enum font_weight weight, int *w, int *h)
{
    if (!t || !utf8)
        return -1;

    TTF_Font *font = font_at(t, size_px, weight);
    if (!font)
        return -1;

    char *nfc = utf8_nfc(utf8);
    int rc = TTF_SizeUTF8(font, nfc ? nfc : utf8, w, h);
    free(nfc);
    return rc < 0 ? -1 : 0;
}

int text_line_height(struct text *t, int size_px, enum font_weight weight)
{
    TTF_Font *font = t ? font_at(t, size_px, weight) : NULL;

    return font ? TTF_FontLineSkip(font) : -1;
}

static Uint32 pack_color(SDL_Color c)
{
    return (Uint32)c.r << 24 | (Uint32)c.g << 16 | (Uint32)c.b << 8 | c.a;
}

/* Rasterises one line into a texture; the result has texture NULL for
 * empty text and for failures (logged), so neither is retried. */
static struct rendered *render(struct text *t, const char *utf8, int size_px,
                               enum font_weight weight, SDL_Color color)
{
    struct rendered *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;

    TTF_Font *font = font_at(t, size_px, weight);
    if (!font || utf8[0] == '\0')
        return r;

    /* Decomposed marks would be drawn as separate, badly placed glyphs;
     * invalid UTF-8 is drawn as is, SDL_ttf shows replacement glyphs. */
    char *nfc = utf8_nfc(utf8);
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, nfc ? nfc : utf8, color);
    free(nfc);
    if (!s) {
        log_error("text", "cannot render %zu bytes at %d px: %s", strlen(utf8),
                  size_px, TTF_GetError());
        return r;
    }

    r->texture = SDL_CreateTextureFromSurface(t->renderer, s);
    if (!r->texture) {
        log_error("text", "cannot create a %dx%d text texture: %s", s->w, s->h,
                  SDL_GetError());
        SDL_FreeSurface(s);
        return r;
    }
    SDL_SetTextureBlendMode(r->texture, SDL_BLENDMODE_BLEND);
    r->w = s->w;
    r->h = s->h;
    SDL_FreeSurface(s);
    return r;
}

/* The cached texture for a line, rendering it on a miss. */
static struct rendered *rendered_get(struct text *t, const char *utf8,
                                     int size_px, enum font_weight weight,
                                     SDL_Color color)
{
    int32_t ints[3] = {size_px, weight_index(weight), (int32_t)pack_color(color)};
    struct key k;

    if (key_make(&k, ints, 3, utf8) < 0)
        return NULL;

    struct rendered *r = cache_get(&t->textures, k.data, k.len);
    if (r) {
        t->hits++;
        key_free(&k);
        return r;
    }

    t->misses++;
    r = render(t, utf8, size_px, weight, color);
    if (r && cache_put(&t->textures, k.data, k.len, r,
                       (size_t)r->w * (size_t)r->h * 4) < 0)
        r = NULL;
    key_free(&k);
    return r;
}

static int align_x(enum text_align align, int x, int w)
{
    if (align == ALIGN_CENTER)
        return x - w / 2;
    if (align == ALIGN_RIGHT)
        return x - w;
    return x;
}

int text_draw(struct text *t, const char *utf8, const struct text_style *style,
              int x, int y)
{
    if (!t || !utf8 || !style)
        return -1;

    struct rendered *r = rendered_get(t, utf8, style->size_px, style->weight,
                                      style->color);
    if (!r)
        return -1;
    if (!r->texture)
        return utf8[0] == '\0' ? 0 : -1;

    SDL_Rect dst = {align_x(style->align, x, r->w), y, r->w, r->h};
    if (SDL_RenderCopy(t->renderer, r->texture, NULL, &dst) < 0)
        return -1;
    return r->w;
}

/* ---- wrapping ---- */

/* A growing string. */
struct buf {
    char *p;
    size_t len, cap;
};

static int buf_reserve(struct buf *b, size_t n)
{
    if (n + 1 <= b->cap)
        return 0;

    size_t cap = b->cap ? b->cap : 64;
    while (cap < n + 1)
        cap *= 2;
    char *grown = realloc(b->p, cap);
    if (!grown)
        return -1;
    b->p = grown;
    b->cap = cap;
    return 0;
}

static int buf_set(struct buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) < 0)
        return -1;
    memmove(b->p, s, n);
    b->p[n] = '\0';
    b->len = n;
    return 0;
}

static int buf_add(struct buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, b->len + n) < 0)
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

struct wrap {
    TTF_Font *font;
    int box_w;
    struct buf line;                /* the line being filled */
    struct buf probe;               /* candidate text being measured */
    struct line *lines;
    int count, cap;
    int line_h;                     /* tallest line seen */
};

static int width_of(struct wrap *wr, const char *s, size_t n)
{
    int w = 0, h = 0;

    if (buf_set(&wr->probe, s, n) < 0 ||
        TTF_SizeUTF8(wr->font, wr->probe.p, &w, &h) < 0)
        return -1;
    if (h > wr->line_h)
        wr->line_h = h;
    return w;
}

static int push_line(struct wrap *wr, const char *s, size_t n)
{
    if (wr->count == wr->cap) {
        int cap = wr->cap ? wr->cap * 2 : 16;
        struct line *grown = realloc(wr->lines, cap * sizeof *grown);
        if (!grown)
            return -1;
        wr->lines = grown;
        wr->cap = cap;
    }

    char *copy = strndup(s, n);
    if (!copy)
        return -1;
    int w = width_of(wr, s, n);
    if (w < 0) {
        free(copy);
        return -1;
    }
    wr->lines[wr->count++] = (struct line){copy, w};
    return 0;
}

/* True when the code point starting at s must stay with the one before:
 * a combining mark that NFC could not fold into its letter. */
static bool is_mark(const char *s)
{
    utf8proc_int32_t cp;

    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0)
        return false;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

/* Byte length of the longest prefix of word (n bytes) that fits the box,
 * cut between characters and never before a combining mark; at least one
 * character so the wrap always advances. */
static size_t fitting_prefix(struct wrap *wr, const char *word, size_t n)
{
    size_t first = (size_t)utf8_char_len(word);
    while (first < n && is_mark(word + first))
        first += (size_t)utf8_char_len(word + first);

    size_t good = first;
    size_t pos = first;
    while (pos < n) {
        size_t next = pos + (size_t)utf8_char_len(word + pos);
        while (next < n && is_mark(word + next))
            next += (size_t)utf8_char_len(word + next);

        int w = width_of(wr, word, next);
        if (w < 0 || w > wr->box_w)
            break;
        good = next;
        pos = next;
    }
    return good;
}

static int add_word(struct wrap *wr, const char *word, size_t n)
{
    while (n > 0) {
        /* Try the word on the current line. */
        size_t old = wr->line.len;
        if (old > 0 && buf_add(&wr->line, " ", 1) < 0)
            return -1;
        if (buf_add(&wr->line, word, n) < 0)
            return -1;
        int w = width_of(wr, wr->line.p, wr->line.len);
        if (w < 0)
            return -1;
        if (w <= wr->box_w)
            return 0;

        /* It does not fit: close the line and start the word afresh. */
        wr->line.len = old;
        wr->line.p[old] = '\0';
        if (old > 0) {
            if (push_line(wr, wr->line.p, old) < 0)
                return -1;
            wr->line.len = 0;
            wr->line.p[0] = '\0';
            continue;
        }

        /* Alone and still too wide: break it between characters. */
        size_t cut = fitting_prefix(wr, word, n);
        if (cut >= n)
            return buf_set(&wr->line, word, n);
        if (push_line(wr, word, cut) < 0)
            return -1;
        word += cut;
        n -= cut;
    }
    return 0;
}

/* Wraps NFC text into wr->lines: paragraphs at '\n', words at spaces. */
static int wrap_text(struct wrap *wr, const char *s)
{
    if (buf_set(&wr->line, "", 0) < 0)
        return -1;

    while (*s) {
        const char *end = s + strcspn(s, " \t\r\n");
        if (end > s && add_word(wr, s, (size_t)(end - s)) < 0)
            return -1;

        if (*end == '\n' || *end == '\0') {
            if (push_line(wr, wr->line.p, wr->line.len) < 0)
                return -1;
            wr->line.len = 0;
            wr->line.p[0] = '\0';
            if (*end == '\0')
                break;
        }
        s = end + 1;
    }
    return 0;
}

static void wrap_release(struct wrap *wr)
{
    for (int i = 0; i < wr->count; i++)
        free(wr->lines[i].text);
    free(wr->lines);
    free(wr->line.p);
    free(wr->probe.p);
}

/* Lays text out at one size; NULL when out of memory or the font fails. */
static struct layout *lay_out(struct text *t, const char *nfc, int size_px,
                              enum font_weight weight, int box_w)
{
    TTF_Font *font = font_at(t, size_px, weight);
    if (!font)
        return NULL;

    struct wrap wr = {.font = font, .box_w = box_w,
                      .line_h = TTF_FontHeight(font)};
    struct layout *l = calloc(1, sizeof *l);
    if (!l || wrap_text(&wr, nfc) < 0) {
        free(l);
        wrap_release(&wr);
        return NULL;
    }

    l->size_px = size_px;
    l->skip = TTF_FontLineSkip(font);
    l->count = wr.count;
    l->lines = wr.lines;
    l->height = wr.count > 0 ? (wr.count - 1) * l->skip + wr.line_h : 0;
    wr.lines = NULL;
    wr.count = 0;
    wrap_release(&wr);
    return l;
}

/* Keeps the lines that fit box_h and ends the last with an ellipsis,
 * shortened until it fits box_w. Returns 0 or -1. */
static int cut_layout(struct text *t, struct layout *l, enum font_weight weight,
                      int box_w, int box_h)
{
    TTF_Font *font = font_at(t, l->size_px, weight);
    if (!font)
        return -1;

    int line_h = l->height - (l->count - 1) * l->skip;
    int keep = box_h >= line_h ? (box_h - line_h) / l->skip + 1 : 0;
    if (keep > l->count)
        keep = l->count;
    for (int i = keep; i < l->count; i++)
        free(l->lines[i].text);
    l->count = keep;
    l->height = keep > 0 ? (keep - 1) * l->skip + line_h : 0;
    l->cut = true;
    if (keep == 0)
        return 0;

    struct wrap wr = {.font = font};
    struct line *last = &l->lines[keep - 1];
    size_t n = strlen(last->text);
    int rc = -1;
    for (;;) {
        while (n > 0 && last->text[n - 1] == ' ')
            n--;
        if (buf_set(&wr.line, last->text, n) < 0 ||
            buf_add(&wr.line, ELLIPSIS, strlen(ELLIPSIS)) < 0)
            break;
        int w = width_of(&wr, wr.line.p, wr.line.len);
        if (w < 0)
            break;
        if (w <= box_w || n == 0) {
            free(last->text);
            last->text = wr.line.p;
            last->w = w;
            wr.line.p = NULL;
            rc = 0;
            break;
        }

        /* Drop the last word; a lone word loses one character at a
         * time, with any marks that belong to it. */
        size_t space = n;
        while (space > 0 && last->text[space - 1] != ' ')
            space--;
        if (space > 0) {
            n = space;
            continue;
        }
        do {
            n--;
        } while (n > 0 && ((last->text[n] & 0xc0) == 0x80 ||
                           is_mark(last->text + n)));
    }
    wrap_release(&wr);
    return rc;
}

/* The layout for (utf8, sizes, weight, box), from the cache or computed:
 * the largest size from style->size_px down to min_px whose lines all
 * fit, else min_px cut with an ellipsis. */
static struct layout *fit(struct text *t, const char *utf8,
                          const struct text_style *style, int min_px,
                          int box_w, int box_h)
{
    int hi = style->size_px;
    int lo = min_px < hi ? min_px : hi;
    int32_t ints[5] = {hi, lo, weight_index(style->weight), box_w, box_h};
    struct key k;

    if (lo < 1 || box_w < 1 || box_h < 1)
        return NULL;
    if (key_make(&k, ints, 5, utf8) < 0)
        return NULL;

    struct layout *best = cache_get(&t->layouts, k.data, k.len);
    if (best) {
        key_free(&k);
        return best;
    }

    char *nfc = utf8_nfc(utf8);
    const char *s = nfc ? nfc : utf8;

    /* Fitting is monotonic in the size, so bisect for the largest. */
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        struct layout *l = lay_out(t, s, mid, style->weight, box_w);
        if (!l)
            break;
        if (l->height <= box_h) {
            layout_free(best);
            best = l;
            lo = mid + 1;
        } else {
            layout_free(l);
            hi = mid - 1;
        }
    }

    int floor_px = min_px < style->size_px ? min_px : style->size_px;
    if (!best) {
        best = lay_out(t, s, floor_px, style->weight, box_w);
        if (best && cut_layout(t, best, style->weight, box_w, box_h) < 0) {
            layout_free(best);
            best = NULL;
        }
    }
    free(nfc);

    if (best && cache_put(&t->layouts, k.data, k.len, best, 0) < 0)
        best = NULL;
    key_free(&k);
    return best;
}

int text_fit(struct text *t, const char *utf8, const struct text_style *style,
             int min_px, int box_w, int box_h, int *used_px, int *used_h)
{
    if (!t || !utf8 || !style)
        return -1;

    struct layout *l = fit(t, utf8, style, min_px, box_w, box_h);
    if (used_px)
        *used_px = l ? l->size_px : 0;
    if (used_h)
        *used_h = l ? l->height : 0;
    return l && !l->cut ? 0 : -1;
}

int text_draw_box(struct text *t, const char *utf8, const struct text_style *style,
                  int min_px, SDL_Rect box, int *used_px)
{
    if (used_px)
        *used_px = 0;
    if (!t || !utf8 || !style)
        return -1;

    struct layout *l = fit(t, utf8, style, min_px, box.w, box.h);
    if (!l)
        return -1;
    if (used_px)
        *used_px = l->size_px;

    /* Glyphs may reach past their measured box by a pixel or two; the
     * clip keeps even those inside, within any clip the caller set. */
    SDL_Rect old_clip;
    bool clipped = SDL_RenderIsClipEnabled(t->renderer);
    SDL_RenderGetClipRect(t->renderer, &old_clip);
    SDL_Rect clip = box;
    if (clipped && !SDL_IntersectRect(&box, &old_clip, &clip))
        return l->height;
    SDL_RenderSetClipRect(t->renderer, &clip);

    struct text_style line_style = *style;
    line_style.size_px = l->size_px;
    line_style.align = ALIGN_LEFT;
    for (int i = 0; i < l->count; i++) {
        int x = box.x;
        if (style->align == ALIGN_CENTER)
            x += (box.w - l->lines[i].w) / 2;
        else if (style->align == ALIGN_RIGHT)
            x += box.w - l->lines[i].w;
        text_draw(t, l->lines[i].text, &line_style, x, box.y + i * l->skip);
    }

    SDL_RenderSetClipRect(t->renderer, clipped ? &old_clip : NULL);
    return l->height;
}

void text_get_stats(const struct text *t, struct text_stats *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!t)
        return;
    out->cache_hits = t->hits;
    out->cache_misses = t->misses;
    out->cached_textures = t->textures.count;
}

void text_flush(struct text *t)
{
    if (!t)
        return;
    cache_clear(&t->textures);
    cache_clear(&t->layouts);
}
