/* display.c - window or off-screen panel, canvas, rotation, screenshots. */
#include "display.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

/* Whether the machine has a GPU the renderer could use. Without one,
 * OpenGL means Mesa's software rasteriser: slower and much larger than
 * SDL's own software renderer. */
static bool have_gpu(void)
{
    return access("/dev/dri/renderD128", F_OK) == 0 || access("/dev/dri/card0", F_OK) == 0 ||
           access("/dev/dri/card1", F_OK) == 0;
}

static bool want_software(const struct config *cfg)
{
    if (strcmp(cfg->renderer, "software") == 0)
        return true;
    if (strcmp(cfg->renderer, "gpu") == 0)
        return false;
    return !have_gpu();
}

/* When no display answers (X starting up or resetting, no KMS device),
 * SDL quietly falls back to a driver that draws nowhere. A board doing
 * that would look fine in its log and show nothing; unless such a driver
 * was asked for by name, it is an error, and the service restarts. */
static bool visible_driver(void)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    bool invisible = driver && (strcmp(driver, "offscreen") == 0 ||
                                strcmp(driver, "dummy") == 0);
    const char *asked = SDL_getenv("SDL_VIDEODRIVER");

    if (!invisible || (asked && *asked))
        return true;
    log_error("display", "no screen found (no X, Wayland or KMS display "
              "answered; SDL offered its '%s' driver, which shows nothing)", driver);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return false;
}

static int open_window(struct display *d, const struct config *cfg, int w, int h)
{
    bool software = want_software(cfg);

    if (software) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) < 0) {
        log_error("display", "no video output: %s", SDL_GetError());
        return -1;
    }
    if (!visible_driver())
        return -1;

    Uint32 flags = SDL_WINDOW_SHOWN;
    int x = SDL_WINDOWPOS_CENTERED;
    int y = SDL_WINDOWPOS_CENTERED;
    SDL_DisplayMode mode;
    if (cfg->fullscreen && SDL_GetDesktopDisplayMode(0, &mode) == 0) {
        /* On X11 a borderless window the size of the screen is a kiosk
         * with or without a window manager; asking a missing one for
         * fullscreen leaves the window small and waits for an answer. */
        bool x11 = strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0;
        flags |= SDL_WINDOW_BORDERLESS;
        if (!x11)
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        x = 0;
        y = 0;
        if (w <= 0 || h <= 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    if (w <= 0 || h <= 0) {
        w = 1280;
        h = 720;
    }

    d->window = SDL_CreateWindow("bangtin", x, y, w, h, flags);
    if (!d->window) {
        log_error("display", "cannot open a window: %s", SDL_GetError());
        return -1;
    }

    Uint32 render_flags = software ? SDL_RENDERER_SOFTWARE
                                   : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
    d->renderer = SDL_CreateRenderer(d->window, -1, render_flags | SDL_RENDERER_TARGETTEXTURE);
    if (!d->renderer && !software) {
        log_warn("display", "no accelerated renderer (%s), drawing in software",
                 SDL_GetError());
        d->renderer = SDL_CreateRenderer(d->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!d->renderer) {
        log_error("display", "cannot draw to the window: %s", SDL_GetError());
        return -1;
    }

    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(d->renderer, &info) == 0)
        log_info("display", "drawing with SDL's %s renderer", info.name);
    SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    return 0;
}

static int open_offscreen(struct display *d, int w, int h)
{
    if (w <= 0 || h <= 0) {
        w = 1920;
        h = 1080;
    }

    d->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!d->surface) {
        log_error("display", "cannot make a %dx%d panel: %s", w, h, SDL_GetError());
        return -1;
    }

    d->renderer = SDL_CreateSoftwareRenderer(d->surface);
    if (!d->renderer) {
        log_error("display", "cannot draw off-screen: %s", SDL_GetError());
        return -1;
    }
    return 0;
}

/* A canvas texture is needed only to turn the picture for a sideways
 * panel; upright, scenes draw straight to the screen. */
static void make_canvas(struct display *d)
{
    bool sideways = d->rotation == 90 || d->rotation == 270;

    d->canvas_w = sideways ? d->out_h : d->out_w;
    d->canvas_h = sideways ? d->out_w : d->out_h;
    if (d->rotation == 0)
        return;

    if (d->canvas_w > d->max_texture_px || d->canvas_h > d->max_texture_px) {
        log_warn("display", "canvas %dx%d is over the %d px texture limit: "
                 "cannot rotate the picture", d->canvas_w, d->canvas_h,
                 d->max_texture_px);
    } else {
        d->canvas = SDL_CreateTexture(d->renderer, SDL_PIXELFORMAT_ARGB8888,
                                      SDL_TEXTUREACCESS_TARGET, d->canvas_w, d->canvas_h);
        if (d->canvas)
            return;
        log_warn("display", "no canvas texture (%s): cannot rotate the picture",
                 SDL_GetError());
    }
    d->rotation = 0;
    d->canvas_w = d->out_w;
    d->canvas_h = d->out_h;
}

struct display *display_create(const struct config *cfg, bool headless, int w, int h)
{
    struct display *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;

    d->rotation = cfg->rotation;
    int opened = headless ? open_offscreen(d, w, h) : open_window(d, cfg, w, h);
    if (opened < 0)
        goto fail;

    if (SDL_GetRendererOutputSize(d->renderer, &d->out_w, &d->out_h) < 0) {
        log_error("display", "cannot read the screen size: %s", SDL_GetError());
        goto fail;
    }

    SDL_RendererInfo info;
    d->max_texture_px = 4096;
    if (SDL_GetRendererInfo(d->renderer, &info) == 0 && info.max_texture_width > 0)
        d->max_texture_px = SDL_min(info.max_texture_width, info.max_texture_height);
    if (cfg->max_texture_px > 0)
        d->max_texture_px = cfg->max_texture_px;
    /* The software renderer reports no limit; keep tiles a sane size. */
    if (d->max_texture_px <= 0)
        d->max_texture_px = 16384;

    make_canvas(d);
    log_info("display", "%s %dx%d, canvas %dx%d, rotation %d, textures up to %d px",
             headless ? "off-screen panel" : "screen", d->out_w, d->out_h,
             d->canvas_w, d->canvas_h, d->rotation, d->max_texture_px);
    return d;

fail:
    display_destroy(d);
    return NULL;
}

void display_destroy(struct display *d)
{
    if (!d)
        return;
    if (d->canvas)
        SDL_DestroyTexture(d->canvas);
    if (d->previous)
        SDL_DestroyTexture(d->previous);
    if (d->renderer)
        SDL_DestroyRenderer(d->renderer);
    if (d->window)
        SDL_DestroyWindow(d->window);
    if (d->surface)
        SDL_FreeSurface(d->surface);
    if (d->window)
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    free(d);
}

void display_begin(struct display *d)
{
    SDL_SetRenderTarget(d->renderer, d->canvas);
}

int display_capture_begin(struct display *d)
{
    if (!d->previous)
        d->previous = SDL_CreateTexture(d->renderer, SDL_PIXELFORMAT_ARGB8888,
                                        SDL_TEXTUREACCESS_TARGET, d->canvas_w, d->canvas_h);
    if (!d->previous) {
        log_warn("display", "no texture for a cross-fade: %s", SDL_GetError());
        return -1;
    }
    if (SDL_SetRenderTarget(d->renderer, d->previous) < 0) {
        log_warn("display", "cannot draw a cross-fade: %s", SDL_GetError());
        display_drop_previous(d);
        return -1;
    }
    return 0;
}

void display_drop_previous(struct display *d)
{
    if (!d->previous)
        return;
    SDL_DestroyTexture(d->previous);
    d->previous = NULL;
}

void display_blend_previous(struct display *d, float opacity)
{
    if (!d->previous || opacity <= 0.0f)
        return;

    if (opacity > 1.0f)
        opacity = 1.0f;
    SDL_SetTextureBlendMode(d->previous, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(d->previous, (Uint8)(opacity * 255.0f + 0.5f));
    SDL_RenderCopy(d->renderer, d->previous, NULL, NULL);
}

void display_present(struct display *d)
{
    if (d->canvas) {
        SDL_SetRenderTarget(d->renderer, NULL);
        SDL_SetRenderDrawColor(d->renderer, 0, 0, 0, 255);
        SDL_RenderClear(d->renderer);

        SDL_Rect dst = {(d->out_w - d->canvas_w) / 2, (d->out_h - d->canvas_h) / 2,
                        d->canvas_w, d->canvas_h};
        SDL_SetTextureBlendMode(d->canvas, SDL_BLENDMODE_NONE);
        SDL_RenderCopyEx(d->renderer, d->canvas, NULL, &dst, d->rotation, NULL,
                         SDL_FLIP_NONE);
    }
    SDL_RenderPresent(d->renderer);
}

int display_screenshot(struct display *d, const char *path)
{
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, d->canvas_w, d->canvas_h, 32,
                                                       SDL_PIXELFORMAT_ARGB8888);
    if (!shot) {
        log_error("display", "screenshot %s: %s", path, SDL_GetError());
        return -1;
    }

    SDL_Texture *target = SDL_GetRenderTarget(d->renderer);
    SDL_SetRenderTarget(d->renderer, d->canvas);
    int read = SDL_RenderReadPixels(d->renderer, NULL, SDL_PIXELFORMAT_ARGB8888,
                                    shot->pixels, shot->pitch);
    SDL_SetRenderTarget(d->renderer, target);
    if (read < 0) {
        log_error("display", "screenshot %s: %s", path, SDL_GetError());
        SDL_FreeSurface(shot);
        return -1;
    }

    int saved = IMG_SavePNG(shot, path);
    SDL_FreeSurface(shot);
    if (saved < 0) {
        log_error("display", "cannot write screenshot %s: %s", path, IMG_GetError());
        return -1;
    }
    log_info("display", "screenshot %s", path);
    return 0;
}

Uint32 display_pixel_format(const struct display *d)
{
    if (d->canvas)
        return SDL_PIXELFORMAT_ARGB8888;
    if (d->surface)
        return d->surface->format->format;

    Uint32 format = SDL_GetWindowPixelFormat(d->window);
    return format == SDL_PIXELFORMAT_UNKNOWN ? SDL_PIXELFORMAT_ARGB8888 : format;
}

void display_to_canvas(const struct display *d, int x, int y, int *cx, int *cy)
{
    /* The canvas is centred on the panel; undo the rotation around it. */
    switch (d->rotation) {
    case 90:
        *cx = y;
        *cy = d->out_w - 1 - x;
        break;
    case 180:
        *cx = d->out_w - 1 - x;
        *cy = d->out_h - 1 - y;
        break;
    case 270:
        *cx = d->out_h - 1 - y;
        *cy = x;
        break;
    default:
        *cx = x;
        *cy = y;
        break;
    }
}
