/* vlc-decode.c - bench helper: the decode-only baseline. libvlc plays a
 * clip in a loop with no picture output at all, for SECONDS, decoding as
 * bangtin has it decode a clip played from its start: one decoder
 * thread, libavformat reading the file with a 30 ms read-ahead (see
 * src/player/video.c), the player's malloc settings (mempolicy.c), and
 * each loop a fresh play of the media (play_again in video.c). */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <vlc/vlc.h>

#define POLL_US 20000

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s CLIP SECONDS\n", argv[0]);
        return 2;
    }
    mallopt(M_MMAP_THRESHOLD, 512 * 1024);
    mallopt(M_ARENA_MAX, 2);

    const char *args[] = {
        "--quiet", "--no-xlib", "--vout=dummy", "--no-audio",
        "--avcodec-hw=none", "--avcodec-threads=1", "--demux=avformat",
        "--file-caching=30",
    };
    libvlc_instance_t *vlc = libvlc_new(sizeof args / sizeof args[0], args);
    if (!vlc) {
        fprintf(stderr, "libvlc did not start\n");
        return 1;
    }
    libvlc_media_t *media = libvlc_media_new_path(vlc, argv[1]);
    libvlc_media_player_t *mp = media ? libvlc_media_player_new_from_media(media)
                                      : NULL;
    if (!mp || libvlc_media_player_play(mp) != 0) {
        fprintf(stderr, "cannot play %s\n", argv[1]);
        return 1;
    }

    /* Each loop a fresh play, as the player does it. */
    double end = now_s() + strtod(argv[2], NULL);
    while (now_s() < end) {
        usleep(POLL_US);
        if (libvlc_media_player_get_state(mp) != libvlc_Ended)
            continue;
        libvlc_media_player_stop(mp);
        libvlc_media_player_play(mp);
    }

    libvlc_media_player_stop(mp);
    libvlc_media_player_release(mp);
    libvlc_media_release(media);
    libvlc_release(vlc);
    return 0;
}
