/* vlc-decode.c - bench helper: the decode-only baseline. libvlc plays a
 * clip in a loop with no picture output at all, for SECONDS, decoding as
 * bangtin has it decode (one decoder thread, 50 ms read-ahead: see
 * video_player_create in src/player/video.c). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <vlc/vlc.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s CLIP SECONDS\n", argv[0]);
        return 2;
    }
    const char *args[] = {
        "--quiet", "--no-xlib", "--vout=dummy", "--no-audio",
        "--avcodec-hw=none", "--input-repeat=1000", "--avcodec-threads=1",
        "--file-caching=50",
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
    sleep((unsigned)strtoul(argv[2], NULL, 10));

    libvlc_media_stats_t stats = {0};
    libvlc_media_get_stats(media, &stats);
    printf("decoded=%d displayed=%d lost=%d\n", stats.i_decoded_video,
           stats.i_displayed_pictures, stats.i_lost_pictures);
    libvlc_media_player_stop(mp);
    libvlc_media_player_release(mp);
    libvlc_media_release(media);
    libvlc_release(vlc);
    return 0;
}
