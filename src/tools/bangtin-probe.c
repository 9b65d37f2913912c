/* bangtin-probe.c - reads colours out of screenshots and makes test
 * images, so the integration tests can check what a person would see.
 *
 * Usage:
 *   bangtin-probe FILE X Y              the RGB at a pixel: "R G B"
 *   bangtin-probe FILE X Y W H          the mean RGB of a rectangle
 *   bangtin-probe --size FILE           "W H"
 *   bangtin-probe --share FILE X Y W H RRGGBB TOL
 *                                       per mille of the rectangle's pixels
 *                                       within TOL of the colour (every
 *                                       channel)
 *   bangtin-probe --find-row FILE X Y W H RRGGBB TOL MIN
 *                                       the first row (y) of the rectangle
 *                                       with at least MIN per mille of its
 *                                       pixels within TOL of the colour,
 *                                       or -1
 *   bangtin-probe --diff FILE1 FILE2 [X Y W H]
 *                                       how many pixels differ
 *   bangtin-probe --make FILE W H RRGGBB [RRGGBB]
 *                                       writes a PNG of one colour, or of
 *                                       two: first half, second half along
 *                                       the long side
 *   bangtin-probe --crop FILE X Y W H SCALE OUT [gray]
 *                                       writes the rectangle, enlarged
 *                                       SCALE times pixel by pixel (for
 *                                       zbarimg), in grey (for tesseract)
 * Exit status: 0 done, 1 bad image or rectangle, 2 usage. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_image.h>

#define MAKE_SIDE_MAX 20000
#define MAKE_PIXELS_MAX (200LL * 1000 * 1000)
#define CROP_SCALE_MAX 16

static const char usage[] =
    "usage: bangtin-probe FILE X Y [W H]\n"
    "       bangtin-probe --size FILE\n"
    "       bangtin-probe --share FILE X Y W H RRGGBB TOL\n"
    "       bangtin-probe --find-row FILE X Y W H RRGGBB TOL MIN\n"
    "       bangtin-probe --diff FILE1 FILE2 [X Y W H]\n"
    "       bangtin-probe --make FILE W H RRGGBB [RRGGBB]\n"
    "       bangtin-probe --crop FILE X Y W H SCALE OUT [gray]\n";

struct rgb {
    int r, g, b;
};

static int parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;

    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end != '\0' || v < lo || v > hi) {
        fprintf(stderr, "bangtin-probe: %s: expected a whole number from %ld to %ld\n",
                s, lo, hi);
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int parse_colour(const char *s, struct rgb *out)
{
    char *end;

    if (s[0] == '#')
        s++;
    errno = 0;
    unsigned long v = strtoul(s, &end, 16);
    if (errno || end - s != 6 || *end != '\0') {
        fprintf(stderr, "bangtin-probe: %s: expected a colour like B71C1C\n", s);
        return -1;
    }
    out->r = (int)(v >> 16 & 0xFF);
    out->g = (int)(v >> 8 & 0xFF);
    out->b = (int)(v & 0xFF);
    return 0;
}

/* Loads any image SDL_image reads as 32-bit RGBA, or NULL (logged). */
static SDL_Surface *load(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    if (!raw) {
        fprintf(stderr, "bangtin-probe: %s: %s\n", path, IMG_GetError());
        return NULL;
    }

    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(raw);
    if (!s)
        fprintf(stderr, "bangtin-probe: %s: %s\n", path, SDL_GetError());
    return s;
}

static struct rgb pixel(const SDL_Surface *s, int x, int y)
{
    const Uint8 *p = (const Uint8 *)s->pixels + (size_t)y * s->pitch + (size_t)x * 4;

    return (struct rgb){p[0], p[1], p[2]};
}

static bool near(struct rgb c, struct rgb want, int tol)
{
    return abs(c.r - want.r) <= tol && abs(c.g - want.g) <= tol &&
           abs(c.b - want.b) <= tol;
}

/* Reads X Y W H from argv into rect and checks it lies in the image. */
static int parse_rect(const SDL_Surface *s, char **argv, SDL_Rect *rect)
{
    if (parse_int(argv[0], 0, s->w - 1, &rect->x) < 0 ||
        parse_int(argv[1], 0, s->h - 1, &rect->y) < 0 ||
        parse_int(argv[2], 1, s->w - rect->x, &rect->w) < 0 ||
        parse_int(argv[3], 1, s->h - rect->y, &rect->h) < 0) {
        fprintf(stderr, "bangtin-probe: the rectangle must lie inside the %dx%d image\n",
                s->w, s->h);
        return -1;
    }
    return 0;
}

static int cmd_pixel(int argc, char **argv)
{
    SDL_Surface *s = load(argv[0]);
    int status = 1;
    SDL_Rect rect = {0, 0, 1, 1};

    if (!s)
        return 1;

    if (argc == 3) {
        if (parse_int(argv[1], 0, s->w - 1, &rect.x) < 0 ||
            parse_int(argv[2], 0, s->h - 1, &rect.y) < 0)
            goto done;
    } else if (parse_rect(s, argv + 1, &rect) < 0) {
        goto done;
    }

    double sum[3] = {0, 0, 0};
    for (int y = rect.y; y < rect.y + rect.h; y++) {
        for (int x = rect.x; x < rect.x + rect.w; x++) {
            struct rgb c = pixel(s, x, y);
            sum[0] += c.r;
            sum[1] += c.g;
            sum[2] += c.b;
        }
    }

    double n = (double)rect.w * rect.h;
    printf("%d %d %d\n", (int)(sum[0] / n + 0.5), (int)(sum[1] / n + 0.5),
           (int)(sum[2] / n + 0.5));
    status = 0;

done:
    SDL_FreeSurface(s);
    return status;
}

static int cmd_size(char **argv)
{
    SDL_Surface *s = load(argv[0]);
    if (!s)
        return 1;

    printf("%d %d\n", s->w, s->h);
    SDL_FreeSurface(s);
    return 0;
}

static int cmd_share(char **argv)
{
    SDL_Surface *s = load(argv[0]);
    SDL_Rect rect;
    struct rgb want;
    int tol;
    int status = 1;

    if (!s)
        return 1;

    if (parse_rect(s, argv + 1, &rect) < 0 || parse_colour(argv[5], &want) < 0 ||
        parse_int(argv[6], 0, 255, &tol) < 0)
        goto done;

    long long count = 0;
    for (int y = rect.y; y < rect.y + rect.h; y++) {
        for (int x = rect.x; x < rect.x + rect.w; x++) {
            if (near(pixel(s, x, y), want, tol))
                count++;
        }
    }

    printf("%lld\n", count * 1000 / ((long long)rect.w * rect.h));
    status = 0;

done:
    SDL_FreeSurface(s);
    return status;
}

static int cmd_find_row(char **argv)
{
    SDL_Surface *s = load(argv[0]);
    SDL_Rect rect;
    struct rgb want;
    int tol, min;
    int status = 1;

    if (!s)
        return 1;

    if (parse_rect(s, argv + 1, &rect) < 0 || parse_colour(argv[5], &want) < 0 ||
        parse_int(argv[6], 0, 255, &tol) < 0 || parse_int(argv[7], 0, 1000, &min) < 0)
        goto done;

    int found = -1;
    for (int y = rect.y; y < rect.y + rect.h && found < 0; y++) {
        long long count = 0;
        for (int x = rect.x; x < rect.x + rect.w; x++) {
            if (near(pixel(s, x, y), want, tol))
                count++;
        }
        if (count * 1000 >= (long long)min * rect.w)
            found = y;
    }
    printf("%d\n", found);
    status = 0;

done:
    SDL_FreeSurface(s);
    return status;
}

static int cmd_diff(int argc, char **argv)
{
    SDL_Surface *a = load(argv[0]);
    SDL_Surface *b = a ? load(argv[1]) : NULL;
    int status = 1;

    if (!a || !b)
        goto done;

    if (a->w != b->w || a->h != b->h) {
        fprintf(stderr, "bangtin-probe: %s is %dx%d, %s is %dx%d\n", argv[0], a->w, a->h,
                argv[1], b->w, b->h);
        goto done;
    }

    SDL_Rect rect = {0, 0, a->w, a->h};
    if (argc == 6 && parse_rect(a, argv + 2, &rect) < 0)
        goto done;

    long long differ = 0;
    for (int y = rect.y; y < rect.y + rect.h; y++) {
        for (int x = rect.x; x < rect.x + rect.w; x++) {
            struct rgb p = pixel(a, x, y);
            struct rgb q = pixel(b, x, y);
            if (p.r != q.r || p.g != q.g || p.b != q.b)
                differ++;
        }
    }
    printf("%lld\n", differ);
    status = 0;

done:
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    return status;
}

static int cmd_make(int argc, char **argv)
{
    int w, h;
    struct rgb first, second;

    if (parse_int(argv[1], 1, MAKE_SIDE_MAX, &w) < 0 ||
        parse_int(argv[2], 1, MAKE_SIDE_MAX, &h) < 0 || parse_colour(argv[3], &first) < 0)
        return 2;
    second = first;
    if (argc == 5 && parse_colour(argv[4], &second) < 0)
        return 2;
    if ((long long)w * h > MAKE_PIXELS_MAX) {
        fprintf(stderr, "bangtin-probe: %dx%d is too many pixels\n", w, h);
        return 2;
    }

    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32);
    if (!s) {
        fprintf(stderr, "bangtin-probe: %s\n", SDL_GetError());
        return 1;
    }

    bool wide = w >= h;
    for (int y = 0; y < h; y++) {
        Uint8 *row = (Uint8 *)s->pixels + (size_t)y * s->pitch;
        for (int x = 0; x < w; x++) {
            bool later = wide ? x >= w / 2 : y >= h / 2;
            const struct rgb *c = later ? &second : &first;
            row[x * 4] = (Uint8)c->r;
            row[x * 4 + 1] = (Uint8)c->g;
            row[x * 4 + 2] = (Uint8)c->b;
            row[x * 4 + 3] = 0xFF;
        }
    }

    int saved = IMG_SavePNG(s, argv[0]);
    SDL_FreeSurface(s);
    if (saved < 0) {
        fprintf(stderr, "bangtin-probe: cannot write %s: %s\n", argv[0], IMG_GetError());
        return 1;
    }
    return 0;
}

static int cmd_crop(int argc, char **argv)
{
    SDL_Surface *s = load(argv[0]);
    SDL_Surface *out = NULL;
    SDL_Rect rect;
    int scale;
    int status = 1;

    if (!s)
        return 1;

    if (parse_rect(s, argv + 1, &rect) < 0 || parse_int(argv[5], 1, CROP_SCALE_MAX, &scale) < 0)
        goto done;
    bool gray = argc == 8 && strcmp(argv[7], "gray") == 0;

    out = SDL_CreateRGBSurfaceWithFormat(0, rect.w * scale, rect.h * scale, 32,
                                         SDL_PIXELFORMAT_RGBA32);
    if (!out) {
        fprintf(stderr, "bangtin-probe: %s\n", SDL_GetError());
        goto done;
    }

    for (int y = 0; y < out->h; y++) {
        Uint8 *row = (Uint8 *)out->pixels + (size_t)y * out->pitch;
        for (int x = 0; x < out->w; x++) {
            struct rgb c = pixel(s, rect.x + x / scale, rect.y + y / scale);
            if (gray) {
                int v = (c.r * 299 + c.g * 587 + c.b * 114) / 1000;
                c = (struct rgb){v, v, v};
            }
            row[x * 4] = (Uint8)c.r;
            row[x * 4 + 1] = (Uint8)c.g;
            row[x * 4 + 2] = (Uint8)c.b;
            row[x * 4 + 3] = 0xFF;
        }
    }

    if (IMG_SavePNG(out, argv[6]) < 0) {
        fprintf(stderr, "bangtin-probe: cannot write %s: %s\n", argv[6], IMG_GetError());
        goto done;
    }
    status = 0;

done:
    SDL_FreeSurface(out);
    SDL_FreeSurface(s);
    return status;
}

int main(int argc, char **argv)
{
    int status = 2;

    if (argc >= 2 && strcmp(argv[1], "--size") == 0 && argc == 3)
        status = cmd_size(argv + 2);
    else if (argc >= 2 && strcmp(argv[1], "--share") == 0 && argc == 9)
        status = cmd_share(argv + 2);
    else if (argc >= 2 && strcmp(argv[1], "--find-row") == 0 && argc == 10)
        status = cmd_find_row(argv + 2);
    else if (argc >= 2 && strcmp(argv[1], "--diff") == 0 && (argc == 4 || argc == 8))
        status = cmd_diff(argc - 2, argv + 2);
    else if (argc >= 2 && strcmp(argv[1], "--make") == 0 && (argc == 6 || argc == 7))
        status = cmd_make(argc - 2, argv + 2);
    else if (argc >= 2 && strcmp(argv[1], "--crop") == 0 && (argc == 9 || argc == 10))
        status = cmd_crop(argc - 2, argv + 2);
    else if (argc == 4 || argc == 6)
        status = cmd_pixel(argc - 1, argv + 1);
    else
        fputs(usage, stderr);

    IMG_Quit();
    return status;
}
