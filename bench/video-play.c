/* video-play.c - bench helper: plays one clip in a loop full screen through
 * bangtin's video path (video.c) and prints frames decoded and presented. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "log.h"
#include "mempolicy.h"
#include "video.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s CLIP SECONDS [rv32]\n"
                "  plays CLIP looped for SECONDS in a 1920x1080 window\n",
                argv[0]);
        return 2;
    }
    const char *path = argv[1];
    long seconds = strtol(argv[2], NULL, 10);
    bool rgb = argc > 3 && strcmp(argv[3], "rv32") == 0;
    int rc = 1;

    mempolicy_apply();
    log_set_level(LOG_WARN);
    /* SDL's software renderer, as the player draws without a GPU. */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("bangtin video bench", 0, 0, 1920, 1080,
                                       SDL_WINDOW_BORDERLESS);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_PRESENTVSYNC)
                          : NULL;
    if (!r) {
        fprintf(stderr, "no window or renderer: %s\n", SDL_GetError());
        goto out;
    }
    SDL_RendererInfo info;
    SDL_GetRendererInfo(r, &info);

    struct video_player_options options = {
        .audio_output = false,
        .chroma = rgb ? VIDEO_CHROMA_RV32 : VIDEO_CHROMA_I420,
        .texture_format = SDL_GetWindowPixelFormat(win),
    };
    struct video_player *p = video_player_create(&options);
    struct video_request req = {
        .path = path, .key = path, .audio = false, .loops = 1000,
    };
    struct video *v = p ? video_open(p, &req) : NULL;
    if (!v) {
        video_player_destroy(p);
        goto out;
    }

    /* Draw only when a new picture is due, as the app does. */
    SDL_Rect all = {0, 0, 1920, 1080};
    Uint64 end = SDL_GetTicks64() + (Uint64)seconds * 1000;
    long presents = 0;
    while (SDL_GetTicks64() < end) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
        }
        enum video_state st = video_poll(v);
        if (st == VIDEO_FAILED || st == VIDEO_ENDED)
            break;
        int due = video_frame_due_ms(v);
        if (due > 0) {
            SDL_Delay((Uint32)due);
            continue;
        }
        SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
        SDL_RenderClear(r);
        video_draw(v, r, &all);
        SDL_RenderPresent(r);
        presents++;
    }

    struct video_stats stats;
    video_get_stats(v, &stats);
    printf("renderer=%s chroma=%s decoded=%ld presented=%ld presents=%ld\n",
           info.name, rgb ? "RV32" : "I420", stats.frames_decoded,
           stats.frames_presented, presents);
    video_close(v);
    video_player_destroy(p);
    rc = 0;

out:
    if (r)
        SDL_DestroyRenderer(r);
    if (win)
        SDL_DestroyWindow(win);
    SDL_Quit();
    return rc;
}
