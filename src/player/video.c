/* video.c - video clips through libvlc: copied into a frame buffer in
 * memory, uploaded to an SDL texture on the main thread.
 *
 * DESIGN
 * - One libvlc instance (struct video_player) lives for the process; each
 *   clip (struct video) has its own libvlc media player, so the next clip
 *   can be opened while the current one still shows.
 * - libvlc's video output thread calls lock/unlock/display (vmem). lock
 *   takes the clip's mutex and hands out the frame buffer, libvlc copies
 *   its picture in, unlock releases the mutex and display bumps a
 *   counter. The thread never calls SDL or libvlc and never waits for
 *   anything but the mutex.
 * - The main thread, in video_draw, takes the mutex, uploads the frame
 *   buffer when the counter moved, and releases it: a picture is never
 *   read half-written. One buffer, not two: libvlc's output thread works
 *   ahead of the picture it shows and loses nothing by waiting the few
 *   milliseconds of an upload, and 1080p costs 3 MB less. The main
 *   thread never holds the mutex while calling libvlc, so
 *   libvlc_media_player_stop (which joins the output thread) cannot
 *   deadlock against lock.
 * - Upload is the one conversion a picture needs: a GPU renderer takes
 *   the YUV planes as they are; in software the planes are converted
 *   once, straight into an opaque texture in the panel's own pixel
 *   format, so drawing it is a single scaled copy (measured: the default
 *   YUV texture cost SDL two scratch surfaces and a blend per picture).
 * - Memory is mostly libvlc's decoded pictures: one decoder thread per
 *   clip unless it falls behind, and a short read-ahead (see
 *   video_player_create; figures in bench/RESULTS.md).
 * - libvlc events only set atomic flags; video_poll reads them on the main
 *   thread and makes every decision (end, failure, time limits). Nothing
 *   calls libvlc from inside a libvlc callback.
 * - A clip's texture is handed to the player when the clip closes and
 *   drawn by the next clip until its own first picture arrives, so a
 *   change of clip shows no black. The player also keeps the bad-file
 *   list and a small cache of still frames.
 * - Shutdown: video_close stops the libvlc player (joining its threads)
 *   before freeing the buffer; video_player_destroy closes what is left,
 *   frees the textures, and releases libvlc.
 */
#include "video.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <vlc/vlc.h>

#include "log.h"

#define VIDEO_BAD_MAX 64
#define VIDEO_STILLS_MAX 24
#define VIDEO_HOLD_MS 1500
#define VIDEO_STILL_AT_MS 1000

/* Decoded pictures are most of a clip's memory, and libvlc decodes as far
 * ahead as the file has been read. Its own MP4 reader reads 250 ms at a
 * time, libavformat's one packet at a time: measured on a looping 1080p
 * clip, 5 pictures fewer in flight and 5 MB less in all, once
 * libavformat's own buffers are counted, with the same pictures shown on
 * a busy CPU (bench/RESULTS.md). libavformat's seeks land on the key
 * picture before the offset, though, where libvlc's own readers seek to
 * the picture itself: a clip with a start offset keeps them. Formats
 * libavformat cannot read fall back to libvlc's own readers. */
#define VIDEO_READER_FROM_START ":demux=avformat"

#define VIDEO_KEY_SIZE 65
#define VIDEO_PLANES 3
#define VIDEO_HINTS_MAX 32
#define VIDEO_LATE_MIN_PICTURES 30
#define VIDEO_EARLY_SLACK_MS 200
#define VIDEO_EARLY_MAX_MS 1000
#define VIDEO_THREADS_MAX 4

struct bad_entry {
    char key[VIDEO_KEY_SIZE];
    int fails;
    int empty_ends;        /* ended before any picture, in a row */
    int64_t retry_at_ms;   /* monotonic; 0: not blocked */
};

/* How many decoder threads a clip gets. Each thread keeps pictures of
 * its own (about 10 MB at 1080p), so a clip starts with one and gets
 * another next time only if libvlc had to drop late pictures. */
struct decode_hint {
    char key[VIDEO_KEY_SIZE];
    int threads;
};

/* A decoded picture on the renderer's side. The texture has the size of
 * libvlc's buffers; the picture is its top-left w x h. */
struct picture {
    SDL_Texture *texture;
    Uint32 format;
    int tex_w, tex_h;
    int w, h;
};

struct still {
    char key[VIDEO_KEY_SIZE];
    struct picture pic;    /* no texture with failed set: no still possible */
    bool failed;
    int64_t used_ms;
};

struct video_player {
    libvlc_instance_t *vlc;
    struct video_player_options options;

    /* libvlc's last error message, quoted when a clip is given up. Written
     * by libvlc's threads, so under its own lock. */
    pthread_mutex_t error_lock;
    char last_error[256];

    /* The last closed clip's picture, shown until the next one has its own. */
    struct picture held;
    int64_t held_since_ms;

    struct video *prepared;

    struct bad_entry bad[VIDEO_BAD_MAX];
    int bad_count;

    struct decode_hint hints[VIDEO_HINTS_MAX];
    int hint_next;              /* the slot a new hint replaces */
    int threads_max;

    struct still stills[VIDEO_STILLS_MAX];
    struct video *still_job;
    char still_job_key[VIDEO_KEY_SIZE];
    bool still_job_from_start;
};

struct video {
    struct video_player *player;
    libvlc_media_t *media;      /* held until the player is made */
    libvlc_media_player_t *mp;  /* NULL while the file is being parsed */
    char key[VIDEO_KEY_SIZE];
    char *path;
    struct video_request req;   /* numbers only; path and key are copies */

    /* Shared with the output thread, under lock. */
    pthread_mutex_t lock;
    unsigned char *buffer;      /* the newest picture */
    size_t buffer_size;
    unsigned want_w, want_h;    /* the track's size; set before play */
    int frame_ms;               /* the track's frame duration, 0 unknown */
    unsigned width, height;     /* of the buffer */
    unsigned pitches[VIDEO_PLANES];
    unsigned lines[VIDEO_PLANES];
    long frames;                /* pictures displayed by libvlc */
    int64_t displayed_ms;       /* when the newest one came (monotonic) */

    /* Set by libvlc event callbacks, read by video_poll. */
    atomic_bool ev_error;
    atomic_bool ev_end;
    atomic_bool ev_paused;
    atomic_bool ev_parsed;

    /* Main thread only. */
    enum video_state state;
    bool paused;
    bool waiting_first;         /* started paused: step to one picture */
    bool stepped;
    bool resume_on_pause;       /* opened before start-paused took hold */
    int volume_applied;         /* -1: not applied yet */
    int plays_done;             /* of req.loops, the current one not counted */
    long decoded_earlier;       /* libvlc's counts over the plays done */
    long late_earlier;
    long frames_seen;
    long frames_uploaded;
    long presented;
    long early;                 /* pictures from before the start offset */
    bool at_start;              /* playing from the start offset */
    bool upload_failed;         /* logged once per clip */
    int64_t opened_ms;
    int64_t first_frame_ms;
    int64_t play_first_frame_ms; /* of the current play; 0 before it */
    int64_t last_frame_ms;
    struct picture pic;
    int visible_w, visible_h;   /* the picture inside the buffer */
};

static int64_t mono_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void copy_key(char *dst, const char *key, const char *path)
{
    const char *src = key && key[0] ? key : path;

    snprintf(dst, VIDEO_KEY_SIZE, "%s", src ? src : "");
}

/* ---- libvlc log ------------------------------------------------------ */

/* libvlc reports many errors it recovers from (probing formats, hardware
 * it does not find), so its messages are details: debug, and trace for
 * its own debug. The last error is kept for the warning we write when we
 * give a clip up. */
static void on_vlc_log(void *data, int level, const libvlc_log_t *ctx,
                       const char *fmt, va_list args)
    __attribute__((format(printf, 4, 0)));

static void on_vlc_log(void *data, int level, const libvlc_log_t *ctx,
                       const char *fmt, va_list args)
{
    struct video_player *p = data;
    enum log_level ours = level >= LIBVLC_WARNING ? LOG_DEBUG : LOG_TRACE;

    if (!log_enabled(ours) && level < LIBVLC_ERROR)
        return;

    const char *module = NULL;
    const char *file = NULL;
    unsigned line = 0;
    libvlc_log_get_context(ctx, &module, &file, &line);

    char message[200];
    vsnprintf(message, sizeof message, fmt, args);
    if (level >= LIBVLC_ERROR) {
        pthread_mutex_lock(&p->error_lock);
        snprintf(p->last_error, sizeof p->last_error, "%s: %s",
                 module ? module : "core", message);
        pthread_mutex_unlock(&p->error_lock);
    }
    log_write(ours, "vlc", "%s: %s", module ? module : "core", message);
}

/* ---- player ---------------------------------------------------------- */

struct video_player *video_player_create(const struct video_player_options *options)
{
    struct video_player *p = calloc(1, sizeof *p);
    if (!p) {
        log_error("video", "out of memory creating the player");
        return NULL;
    }
    p->options.audio_output = true;
    p->options.chroma = VIDEO_CHROMA_I420;
    if (options)
        p->options = *options;
    pthread_mutex_init(&p->error_lock, NULL);

    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    p->threads_max = cores < 1 ? 1 : cores > VIDEO_THREADS_MAX ? VIDEO_THREADS_MAX
                                                               : (int)cores;

    /* Clips are local files: a short read-ahead is enough, and every
     * 30 ms of it holds about one more decoded picture (3 MB at 1080p).
     * Without libvlc's plugin cache (plugins.dat, made by vlc-cache-gen
     * from libvlc-bin) every plugin is loaded at start: 370 of them,
     * 25 MB. */
    const char *args[16];
    int n = 0;
    args[n++] = "--no-xlib";
    args[n++] = "--quiet";
    args[n++] = "--no-video-title-show";
    args[n++] = "--no-osd";
    args[n++] = "--no-spu";
    args[n++] = "--no-snapshot-preview";
    args[n++] = "--no-lua";
    args[n++] = "--avcodec-hw=none";
    args[n++] = "--file-caching=30";
    if (!p->options.audio_output)
        args[n++] = "--aout=adummy";

    p->vlc = libvlc_new(n, args);
    if (!p->vlc) {
        const char *why = libvlc_errmsg();
        log_error("video", "libvlc did not start (%s); playing without video",
                  why ? why : "no reason given");
        pthread_mutex_destroy(&p->error_lock);
        free(p);
        return NULL;
    }
    libvlc_log_set(p->vlc, on_vlc_log, p);
    log_info("video", "libvlc %s ready", libvlc_get_version());
    return p;
}

static void picture_clear(struct picture *pic)
{
    if (pic->texture)
        SDL_DestroyTexture(pic->texture);
    memset(pic, 0, sizeof *pic);
}

/* Draws the picture as large as fits inside box, centred, keeping its
 * shape. The texture is opaque and drawn without blending, so on a
 * software renderer this is one scaled copy. */
static void picture_draw(SDL_Renderer *r, const struct picture *pic,
                         const SDL_Rect *box)
{
    SDL_Rect src = {0, 0, pic->w, pic->h};
    SDL_Rect out = *box;

    if (pic->w <= 0 || pic->h <= 0)
        return;
    if ((int64_t)pic->w * box->h > (int64_t)pic->h * box->w) {
        out.h = (int)((int64_t)box->w * pic->h / pic->w);
        out.y = box->y + (box->h - out.h) / 2;
    } else {
        out.w = (int)((int64_t)box->h * pic->w / pic->h);
        out.x = box->x + (box->w - out.w) / 2;
    }
    SDL_RenderCopy(r, pic->texture, &src, &out);
}

static void still_clear(struct still *s)
{
    picture_clear(&s->pic);
    memset(s, 0, sizeof *s);
}

void video_player_destroy(struct video_player *p)
{
    if (!p)
        return;

    video_close(p->prepared);
    p->prepared = NULL;
    video_close(p->still_job);
    p->still_job = NULL;

    for (int i = 0; i < VIDEO_STILLS_MAX; i++)
        still_clear(&p->stills[i]);
    picture_clear(&p->held);

    libvlc_log_unset(p->vlc);
    libvlc_release(p->vlc);
    pthread_mutex_destroy(&p->error_lock);
    free(p);
}

static struct bad_entry *bad_find(struct video_player *p, const char *key)
{
    for (int i = 0; i < p->bad_count; i++) {
        if (strcmp(p->bad[i].key, key) == 0)
            return &p->bad[i];
    }
    return NULL;
}

bool video_player_is_bad(struct video_player *p, const char *key)
{
    char k[VIDEO_KEY_SIZE];

    copy_key(k, key, NULL);
    const struct bad_entry *e = bad_find(p, k);
    return e && mono_ms() < e->retry_at_ms;
}

static struct bad_entry *bad_entry_for(struct video_player *p, const char *key)
{
    struct bad_entry *e = bad_find(p, key);

    if (!e) {
        if (p->bad_count < VIDEO_BAD_MAX) {
            e = &p->bad[p->bad_count++];
        } else {
            /* Full: forget the entry that would be retried soonest. */
            e = &p->bad[0];
            for (int i = 1; i < p->bad_count; i++) {
                if (p->bad[i].retry_at_ms < e->retry_at_ms)
                    e = &p->bad[i];
            }
        }
        memset(e, 0, sizeof *e);
        snprintf(e->key, sizeof e->key, "%s", key);
    }
    return e;
}

/* Remembers a failure; the retry waits twice as long as the last one. */
static int mark_bad(struct video_player *p, const char *key)
{
    struct bad_entry *e = bad_entry_for(p, key);
    int delay_s = VIDEO_RETRY_MIN_S;
    for (int i = 0; i < e->fails && delay_s < VIDEO_RETRY_MAX_S; i++)
        delay_s *= 2;
    if (delay_s > VIDEO_RETRY_MAX_S)
        delay_s = VIDEO_RETRY_MAX_S;
    e->fails++;
    e->retry_at_ms = mono_ms() + (int64_t)delay_s * 1000;
    return delay_s;
}

static void clear_bad(struct video_player *p, const char *key)
{
    struct bad_entry *e = bad_find(p, key);

    if (e)
        *e = p->bad[--p->bad_count];
}

/* ---- output thread callbacks ----------------------------------------- */

/* Frame buffers are mapped directly: megabytes each, made and dropped
 * with every clip, they would otherwise fragment malloc's heaps and make
 * the process grow over thousands of clips. */
static unsigned char *frame_alloc(size_t size)
{
    void *m = mmap(NULL, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    return m == MAP_FAILED ? NULL : m;
}

static void frame_free(unsigned char *buffer, size_t size)
{
    if (buffer)
        munmap(buffer, size);
}

static unsigned align_up(unsigned n, unsigned to)
{
    return (n + to - 1) / to * to;
}

static unsigned video_setup(void **opaque, char *chroma, unsigned *width,
                            unsigned *height, unsigned *pitches, unsigned *lines)
{
    struct video *v = *opaque;
    unsigned w = *width;
    unsigned h = *height;
    unsigned pitch[VIDEO_PLANES] = {0};
    unsigned line[VIDEO_PLANES] = {0};
    int planes;

    if (w == 0 || h == 0 || w > 8192 || h > 8192)
        return 0;

    /* libvlc offers the decoder's padded size (720 lines come as 738) and
     * would scale the picture to fill it; asking for the track's own size
     * makes it copy the picture unscaled. */
    if (v->want_w > 0 && v->want_w <= w && v->want_h <= h &&
        v->want_h + 64 > h && v->want_w + 64 > w) {
        w = v->want_w;
        h = v->want_h;
        *width = w;
        *height = h;
    }

    /* The planes follow each other the way SDL_ConvertPixels reads
     * IYUV: chroma rows half the luma pitch, no rows in between. Pitches
     * stay multiples of 32 bytes for libvlc's SIMD copies, and a slack
     * after the last plane absorbs a decoder that writes whole blocks. */
    if (v->player->options.chroma == VIDEO_CHROMA_RV32) {
        memcpy(chroma, "RV32", 4);
        pitch[0] = align_up(w * 4, 32);
        line[0] = h;
        planes = 1;
    } else {
        memcpy(chroma, "I420", 4);
        pitch[0] = align_up(w, 64);
        line[0] = h;
        pitch[1] = pitch[2] = pitch[0] / 2;
        line[1] = line[2] = (h + 1) / 2;
        planes = 3;
    }

    size_t size = (size_t)pitch[0] * 32;
    for (int i = 0; i < planes; i++)
        size += (size_t)pitch[i] * line[i];

    unsigned char *buffer = frame_alloc(size);
    if (!buffer)
        return 0;

    pthread_mutex_lock(&v->lock);
    frame_free(v->buffer, v->buffer_size);
    v->buffer = buffer;
    v->buffer_size = size;
    v->width = w;
    v->height = h;
    memcpy(v->pitches, pitch, sizeof pitch);
    memcpy(v->lines, line, sizeof line);
    pthread_mutex_unlock(&v->lock);

    memcpy(pitches, pitch, sizeof pitch);
    memcpy(lines, line, sizeof line);
    return 1;
}

static void video_cleanup(void *opaque)
{
    (void)opaque;
}

/* The mutex is held from here until video_unlock, while libvlc copies
 * the picture in. */
static void *video_lock(void *opaque, void **planes)
{
    struct video *v = opaque;
    size_t offset = 0;

    pthread_mutex_lock(&v->lock);
    for (int i = 0; i < VIDEO_PLANES; i++) {
        planes[i] = v->buffer + offset;
        offset += (size_t)v->pitches[i] * v->lines[i];
    }
    return NULL;
}

static void video_unlock(void *opaque, void *picture, void *const *planes)
{
    struct video *v = opaque;

    (void)picture;
    (void)planes;
    pthread_mutex_unlock(&v->lock);
}

static void video_display(void *opaque, void *picture)
{
    struct video *v = opaque;

    (void)picture;
    int64_t now = mono_ms();

    pthread_mutex_lock(&v->lock);
    v->frames++;
    v->displayed_ms = now;
    pthread_mutex_unlock(&v->lock);
}

static void on_vlc_event(const struct libvlc_event_t *event, void *data)
{
    struct video *v = data;

    if (event->type == libvlc_MediaPlayerEncounteredError)
        atomic_store(&v->ev_error, true);
    else if (event->type == libvlc_MediaPlayerEndReached)
        atomic_store(&v->ev_end, true);
    else if (event->type == libvlc_MediaPlayerPaused)
        atomic_store(&v->ev_paused, true);
    else if (event->type == libvlc_MediaParsedChanged)
        atomic_store(&v->ev_parsed, true);
}

/* ---- clips ------------------------------------------------------------ */

static bool same_request(const struct video *v, const struct video_request *req)
{
    char key[VIDEO_KEY_SIZE];

    copy_key(key, req->key, req->path);
    return strcmp(v->key, key) == 0 && strcmp(v->path, req->path) == 0 &&
           v->req.audio == req->audio && v->req.start_ms == req->start_ms &&
           v->req.max_ms == req->max_ms && v->req.loops == req->loops;
}

/* Adds ":name=seconds" with millisecond precision. */
static void add_time_option(libvlc_media_t *media, const char *name, int ms)
{
    char option[64];

    snprintf(option, sizeof option, ":%s=%d.%03d", name, ms / 1000, ms % 1000);
    libvlc_media_add_option(media, option);
}

static void abandon(struct video *v, const char *why)
{
    struct video_player *p = v->player;
    int delay_s = mark_bad(p, v->key);
    char said[256];

    pthread_mutex_lock(&p->error_lock);
    snprintf(said, sizeof said, "%s", p->last_error);
    p->last_error[0] = '\0';
    pthread_mutex_unlock(&p->error_lock);

    v->state = VIDEO_FAILED;
    log_warn("video", "%s: %s%s%s%s; skipping it, next try in %d s", v->path,
             why, said[0] ? " (libvlc: " : "", said, said[0] ? ")" : "",
             delay_s);
}

static void apply_volume(struct video *v)
{
    if (!v->req.audio || v->volume_applied == v->req.volume || !v->mp)
        return;
    if (libvlc_audio_set_volume(v->mp, v->req.volume) == 0)
        v->volume_applied = v->req.volume;
}

static int player_start(struct video *v);

static struct decode_hint *hint_find(struct video_player *p, const char *key)
{
    for (int i = 0; i < VIDEO_HINTS_MAX; i++) {
        if (p->hints[i].key[0] && strcmp(p->hints[i].key, key) == 0)
            return &p->hints[i];
    }
    return NULL;
}

static int decode_threads_for(struct video_player *p, const char *key)
{
    const struct decode_hint *h = hint_find(p, key);

    return h ? h->threads : 1;
}

static struct decode_hint *hint_make(struct video_player *p, const char *key)
{
    struct decode_hint *h = &p->hints[p->hint_next];

    p->hint_next = (p->hint_next + 1) % VIDEO_HINTS_MAX;
    snprintf(h->key, sizeof h->key, "%s", key);
    return h;
}

int video_decode_threads_next(int threads, long decoded, long late,
                              int max_threads)
{
    if (decoded < VIDEO_LATE_MIN_PICTURES || late * 50 <= decoded ||
        threads >= max_threads)
        return threads;
    return threads + 1;
}

/* libvlc counts each play's pictures from 0: the clip's counts add up
 * the plays done and the current one. */
static void count_pictures(struct video *v, long *decoded, long *late)
{
    libvlc_media_stats_t stats;

    *decoded = v->decoded_earlier;
    *late = v->late_earlier;
    if (v->media && libvlc_media_get_stats(v->media, &stats)) {
        *decoded += stats.i_decoded_video;
        *late += stats.i_lost_pictures;
    }
}

/* After a clip: remembers how many threads it gets the next time. */
static void learn_decode_threads(struct video *v)
{
    struct video_player *p = v->player;
    long decoded;
    long late;

    count_pictures(v, &decoded, &late);
    struct decode_hint *h = hint_find(p, v->key);
    int threads = h ? h->threads : 1;
    int next = video_decode_threads_next(threads, decoded, late, p->threads_max);
    if (next == threads)
        return;

    if (!h)
        h = hint_make(p, v->key);
    h->threads = next;
    log_info("video", "%s: %ld of %ld pictures were late; decoding it with %d "
             "threads from now on", v->path, late, decoded, next);
}

/* Creates the clip and starts libvlc on it (paused: stopped on its
 * first picture, for a prepared clip or a still). */
static struct video *clip_start(struct video_player *p,
                                const struct video_request *req, bool paused)
{
    struct video *v = calloc(1, sizeof *v);
    if (!v) {
        log_error("video", "out of memory opening %s", req->path);
        return NULL;
    }
    v->player = p;
    v->req = *req;
    v->req.path = NULL;
    v->req.key = NULL;
    if (v->req.loops < 1)
        v->req.loops = 1;
    copy_key(v->key, req->key, req->path);
    v->volume_applied = -1;
    v->waiting_first = paused;
    v->opened_ms = mono_ms();
    v->state = VIDEO_OPENING;
    pthread_mutex_init(&v->lock, NULL);
    atomic_init(&v->ev_error, false);
    atomic_init(&v->ev_end, false);
    atomic_init(&v->ev_paused, false);
    atomic_init(&v->ev_parsed, false);

    v->path = strdup(req->path);
    if (!v->path) {
        log_error("video", "out of memory opening %s", req->path);
        goto fail;
    }

    /* Missing and empty files need no decoder to be found out. */
    struct stat st;
    if (stat(req->path, &st) != 0) {
        char why[128];
        snprintf(why, sizeof why, "cannot open (%s)", strerror(errno));
        abandon(v, why);
        return v;
    }
    if (!S_ISREG(st.st_mode) || st.st_size == 0) {
        abandon(v, "empty or not a regular file");
        return v;
    }

    libvlc_media_t *media = libvlc_media_new_path(p->vlc, req->path);
    v->media = media;
    if (!media) {
        log_error("video", "%s: libvlc refused the file (%s)", req->path,
                  libvlc_errmsg() ? libvlc_errmsg() : "no reason given");
        goto fail;
    }
    if (!req->audio)
        libvlc_media_add_option(media, ":no-audio");
    if (paused)
        libvlc_media_add_option(media, ":start-paused");
    if (req->start_ms > 0)
        add_time_option(media, "start-time", req->start_ms);
    else
        libvlc_media_add_option(media, VIDEO_READER_FROM_START);
    if (req->max_ms > 0)
        add_time_option(media, "stop-time", req->start_ms + req->max_ms);

    /* The player starts once the file is parsed (video_poll): the
     * picture's size is needed before the first frame. */
    libvlc_event_attach(libvlc_media_event_manager(media),
                        libvlc_MediaParsedChanged, on_vlc_event, v);
    if (libvlc_media_parse_with_options(media, libvlc_media_parse_local,
                                        VIDEO_FIRST_FRAME_MS / 2) != 0) {
        if (player_start(v) != 0)
            goto fail;
    }
    return v;

fail:
    video_close(v);
    return NULL;
}

/* Reads the video track's size, then makes the libvlc player and plays. */
static int player_start(struct video *v)
{
    libvlc_media_track_t **tracks = NULL;
    unsigned count = libvlc_media_tracks_get(v->media, &tracks);
    bool has_video = false;

    for (unsigned i = 0; i < count; i++) {
        if (tracks[i]->i_type == libvlc_track_video && tracks[i]->video) {
            has_video = true;
            v->want_w = tracks[i]->video->i_width;
            v->want_h = tracks[i]->video->i_height;
            unsigned num = tracks[i]->video->i_frame_rate_num;
            unsigned den = tracks[i]->video->i_frame_rate_den;
            if (num > 0 && den > 0 && den * 1000u / num >= 5)
                v->frame_ms = (int)(den * 1000u / num);
            break;
        }
    }
    if (tracks)
        libvlc_media_tracks_release(tracks, count);
    if (!has_video &&
        libvlc_media_get_parsed_status(v->media) == libvlc_media_parsed_status_done) {
        abandon(v, "it has no video track libvlc can read");
        return 0;
    }

    char threads[32];
    snprintf(threads, sizeof threads, ":avcodec-threads=%d",
             decode_threads_for(v->player, v->key));
    libvlc_media_add_option(v->media, threads);

    v->mp = libvlc_media_player_new_from_media(v->media);
    if (!v->mp) {
        log_error("video", "%s: no libvlc player (%s)", v->path,
                  libvlc_errmsg() ? libvlc_errmsg() : "no reason given");
        return -1;
    }
    libvlc_video_set_callbacks(v->mp, video_lock, video_unlock, video_display, v);
    libvlc_video_set_format_callbacks(v->mp, video_setup, video_cleanup);

    libvlc_event_manager_t *em = libvlc_media_player_event_manager(v->mp);
    libvlc_event_attach(em, libvlc_MediaPlayerEncounteredError, on_vlc_event, v);
    libvlc_event_attach(em, libvlc_MediaPlayerEndReached, on_vlc_event, v);
    libvlc_event_attach(em, libvlc_MediaPlayerPaused, on_vlc_event, v);
    apply_volume(v);

    if (libvlc_media_player_play(v->mp) != 0)
        abandon(v, "libvlc could not start it");
    return 0;
}

struct video *video_open(struct video_player *p, const struct video_request *req)
{
    if (!p || !req || !req->path)
        return NULL;

    struct video *pre = p->prepared;
    if (pre && same_request(pre, req)) {
        p->prepared = NULL;
        if (pre->state == VIDEO_FAILED) {
            video_close(pre);
            return NULL;
        }
        pre->req.volume = req->volume;
        apply_volume(pre);
        pre->waiting_first = false;
        pre->paused = false;
        if (pre->state == VIDEO_PAUSED)
            pre->state = VIDEO_PLAYING;
        if (atomic_load(&pre->ev_paused))
            libvlc_media_player_set_pause(pre->mp, 0);
        else
            pre->resume_on_pause = true;
        return pre;
    }

    if (video_player_is_bad(p, req->key && req->key[0] ? req->key : req->path)) {
        log_debug("video", "%s: marked bad, skipped", req->path);
        return NULL;
    }

    struct video *v = clip_start(p, req, false);
    if (v && v->state == VIDEO_FAILED) {
        video_close(v);
        return NULL;
    }
    return v;
}

int video_player_prepare(struct video_player *p, const struct video_request *req)
{
    if (!p || !req || !req->path)
        return -1;
    if (p->prepared && same_request(p->prepared, req))
        return 0;

    video_close(p->prepared);
    p->prepared = NULL;
    if (video_player_is_bad(p, req->key && req->key[0] ? req->key : req->path))
        return -1;

    struct video *v = clip_start(p, req, true);
    if (!v)
        return -1;
    if (v->state == VIDEO_FAILED) {
        video_close(v);
        return -1;
    }
    p->prepared = v;
    return 0;
}

void video_close(struct video *v)
{
    if (!v)
        return;

    struct video_player *p = v->player;
    if (p && p->prepared == v)
        p->prepared = NULL;

    /* Joins libvlc's threads: no callback runs after this. */
    if (v->mp) {
        if (v->frames_seen > 0 && !v->waiting_first)
            log_info("video", "%s: %ld pictures decoded, %ld shown", v->path,
                     v->frames_seen - v->early, v->presented);
        learn_decode_threads(v);
        libvlc_media_player_stop(v->mp);
        libvlc_media_player_release(v->mp);
    }
    if (v->media) {
        if (!atomic_load(&v->ev_parsed))
            libvlc_media_parse_stop(v->media);
        libvlc_event_detach(libvlc_media_event_manager(v->media),
                            libvlc_MediaParsedChanged, on_vlc_event, v);
        libvlc_media_release(v->media);
    }

    /* The picture stays up until the next clip has its own. */
    if (v->pic.texture && v->presented > 0 && p) {
        picture_clear(&p->held);
        p->held = v->pic;
        p->held_since_ms = mono_ms();
    } else {
        picture_clear(&v->pic);
    }

    frame_free(v->buffer, v->buffer_size);
    pthread_mutex_destroy(&v->lock);
    free(v->path);
    free(v);
}

/* A clip with a readable video track that ends before libvlc shows a
 * picture (it can happen to a clip of a frame or two) is forgiven once;
 * twice in a row marks it bad. */
static bool empty_end_forgiven(struct video *v)
{
    if (v->want_w == 0)
        return false;

    struct bad_entry *e = bad_entry_for(v->player, v->key);
    e->empty_ends++;
    if (e->empty_ends >= 2)
        return false;
    log_debug("video", "%s: ended before its picture was shown", v->path);
    return true;
}

/* The next loop of a clip: a fresh play of the same media, from the start
 * offset, while its last picture stays on the screen. libvlc's own repeat
 * seeks back in the same input instead, and each seek fills another
 * 4 MB track of libvlc's read cache: in the video bench at 1080p, PSS
 * climbed from 110 to 124 MB over the first 25 s, where a fresh play per
 * loop stays flat. Main thread; stop joins libvlc's threads. */
static void play_again(struct video *v)
{
    count_pictures(v, &v->decoded_earlier, &v->late_earlier);
    libvlc_media_player_stop(v->mp);
    atomic_store(&v->ev_end, false);
    v->plays_done++;
    v->at_start = false;
    v->play_first_frame_ms = 0;
    if (libvlc_media_player_play(v->mp) != 0)
        abandon(v, "libvlc could not play it again");
}

static enum video_state poll_one(struct video *v)
{
    if (v->state == VIDEO_ENDED || v->state == VIDEO_FAILED)
        return v->state;

    int64_t now = mono_ms();
    if (!v->mp) {
        if (atomic_load(&v->ev_parsed)) {
            if (player_start(v) != 0)
                abandon(v, "libvlc could not start it");
        } else if (now - v->opened_ms > VIDEO_FIRST_FRAME_MS) {
            abandon(v, "it could not be read in time");
        }
        return v->state;
    }

    pthread_mutex_lock(&v->lock);
    long frames = v->frames;
    pthread_mutex_unlock(&v->lock);

    if (frames != v->frames_seen) {
        v->frames_seen = frames;
        v->last_frame_ms = now;
        if (v->play_first_frame_ms == 0)
            v->play_first_frame_ms = now;
        if (v->first_frame_ms == 0) {
            v->first_frame_ms = now;
            struct bad_entry *e = bad_find(v->player, v->key);
            if (e)
                e->empty_ends = 0;
        }
    }

    /* Started paused: once libvlc has paused, decode one picture. The
     * clip then waits on it, silent, until it is opened or resumed. */
    if (v->waiting_first && !v->stepped && atomic_load(&v->ev_paused)) {
        libvlc_media_player_next_frame(v->mp);
        v->stepped = true;
    }
    if (v->resume_on_pause && atomic_load(&v->ev_paused)) {
        libvlc_media_player_set_pause(v->mp, 0);
        v->resume_on_pause = false;
    }

    if (atomic_load(&v->ev_error)) {
        abandon(v, "libvlc could not play it");
        return v->state;
    }
    if (atomic_load(&v->ev_end)) {
        /* A very short clip can end before libvlc shows its only picture;
         * that is no fault of the file if the decoder produced it. */
        if (frames == 0 && !empty_end_forgiven(v)) {
            abandon(v, "it ended without a picture");
        } else if (v->plays_done + 1 < v->req.loops) {
            play_again(v);
        } else {
            v->state = VIDEO_ENDED;
            if (frames > 0)
                clear_bad(v->player, v->key);
        }
        return v->state;
    }

    if (v->paused || (v->waiting_first && frames > 0)) {
        v->last_frame_ms = now;
        if (frames > 0)
            v->state = VIDEO_PAUSED;
        return v->state;
    }
    if (frames == 0) {
        if (now - v->opened_ms > VIDEO_FIRST_FRAME_MS)
            abandon(v, "no picture came");
        return v->state;
    }
    if (now - v->last_frame_ms > VIDEO_STALL_MS) {
        abandon(v, "pictures stopped coming");
        return v->state;
    }

    v->state = VIDEO_PLAYING;
    apply_volume(v);
    return v->state;
}

enum video_state video_poll(struct video *v)
{
    if (!v)
        return VIDEO_FAILED;

    struct video_player *p = v->player;
    if (p->prepared && p->prepared != v)
        poll_one(p->prepared);
    return poll_one(v);
}

int video_frame_due_ms(struct video *v)
{
    if (!v)
        return VIDEO_POLL_MS;

    pthread_mutex_lock(&v->lock);
    bool fresh = v->frames != v->frames_uploaded;
    int64_t last = v->displayed_ms;
    pthread_mutex_unlock(&v->lock);

    if (fresh)
        return 0;
    if (v->state != VIDEO_PLAYING || last == 0)
        return VIDEO_POLL_MS;

    /* libvlc shows each picture at its time; wake just after the next. */
    int period = v->frame_ms > 0 ? v->frame_ms : 40;
    int64_t due = last + period + 2 - mono_ms();
    if (due < 2)
        return 2;
    return due > period + 2 ? period + 2 : (int)due;
}

bool video_has_new_frame(struct video *v)
{
    if (!v)
        return false;

    pthread_mutex_lock(&v->lock);
    bool fresh = v->frames != v->frames_uploaded;
    pthread_mutex_unlock(&v->lock);
    return fresh;
}

/* True when the renderer draws YUV textures itself (GPU renderers). */
static bool renderer_takes_yuv(SDL_Renderer *r)
{
    SDL_RendererInfo info;

    if (SDL_GetRendererInfo(r, &info) != 0)
        return false;
    for (Uint32 i = 0; i < info.num_texture_formats; i++) {
        if (info.texture_formats[i] == SDL_PIXELFORMAT_IYUV)
            return true;
    }
    return false;
}

/* The texture format for the clip's pictures on r. A renderer without
 * YUV textures would convert into a texture of its own choosing (ARGB),
 * and drawing that onto a panel of another format costs two scratch
 * surfaces per picture; converting into the panel's format avoids it. */
static Uint32 texture_format_for(const struct video_player *p, SDL_Renderer *r)
{
    if (p->options.chroma == VIDEO_CHROMA_I420 && renderer_takes_yuv(r))
        return SDL_PIXELFORMAT_IYUV;
    return p->options.texture_format ? p->options.texture_format
                                     : SDL_PIXELFORMAT_ARGB8888;
}

/* Gives the clip a texture of its buffer's size, adopting the held one
 * when it fits. Called with v->lock held. */
static int make_texture(struct video *v, SDL_Renderer *r, int tex_w, int tex_h)
{
    struct video_player *p = v->player;
    struct picture *pic = &v->pic;
    Uint32 format = texture_format_for(p, r);

    picture_clear(pic);
    if (p->held.texture && p->held.format == format &&
        p->held.tex_w == tex_w && p->held.tex_h == tex_h) {
        *pic = p->held;
        memset(&p->held, 0, sizeof p->held);
        return 0;
    }

    pic->texture = SDL_CreateTexture(r, format, SDL_TEXTUREACCESS_STREAMING,
                                     tex_w, tex_h);
    if (!pic->texture) {
        log_error("video", "%s: no %dx%d texture (%s)", v->path, tex_w, tex_h,
                  SDL_GetError());
        return -1;
    }
    SDL_SetTextureBlendMode(pic->texture, SDL_BLENDMODE_NONE);
    pic->format = format;
    pic->tex_w = tex_w;
    pic->tex_h = tex_h;
    return 0;
}

/* Per picture: a new texture only when the buffer changed size (the
 * format cannot change on the same renderer). Called with v->lock held. */
static int ensure_texture(struct video *v, SDL_Renderer *r)
{
    struct picture *pic = &v->pic;
    int tex_w = (int)v->width;
    int tex_h = (int)v->height;

    if ((!pic->texture || pic->tex_w != tex_w || pic->tex_h != tex_h) &&
        make_texture(v, r, tex_w, tex_h) != 0)
        return -1;

    pic->w = v->visible_w < tex_w ? v->visible_w : tex_w;
    pic->h = v->visible_h < tex_h ? v->visible_h : tex_h;
    return 0;
}

/* libvlc's buffers can carry the decoder's padding (1080 lines come as
 * 1090); the picture's own size is asked for once it plays. Never under
 * v->lock: libvlc takes its own locks. */
static void find_visible_size(struct video *v)
{
    unsigned w = 0;
    unsigned h = 0;

    if (v->visible_w > 0 || !v->mp)
        return;
    if (libvlc_video_get_size(v->mp, 0, &w, &h) == 0 && w > 0 && h > 0) {
        v->visible_w = (int)w;
        v->visible_h = (int)h;
    }
}

/* Copies the frame buffer into the texture: the planes as they are for a
 * YUV texture, else converted to RGB in the same pass. */
static int fill_texture(struct video *v)
{
    const unsigned char *base = v->buffer;
    struct picture *pic = &v->pic;

    if (pic->format == SDL_PIXELFORMAT_IYUV) {
        const unsigned char *y = base;
        const unsigned char *u = y + (size_t)v->pitches[0] * v->lines[0];
        const unsigned char *vv = u + (size_t)v->pitches[1] * v->lines[1];
        return SDL_UpdateYUVTexture(pic->texture, NULL, y, (int)v->pitches[0], u,
                                    (int)v->pitches[1], vv, (int)v->pitches[2]);
    }

    void *pixels = NULL;
    int pitch = 0;
    if (SDL_LockTexture(pic->texture, NULL, &pixels, &pitch) != 0)
        return -1;
    Uint32 from = v->player->options.chroma == VIDEO_CHROMA_RV32
                      ? SDL_PIXELFORMAT_RGB888
                      : SDL_PIXELFORMAT_IYUV;
    int rc = SDL_ConvertPixels((int)v->width, (int)v->height, from, base,
                               (int)v->pitches[0], pic->format, pixels, pitch);
    SDL_UnlockTexture(pic->texture);
    return rc;
}

/* A clip with a start offset can show a picture or two from the file's
 * beginning, on every play: libvlc decodes them before it handles the
 * seek to the offset (the shorter the read-ahead, the likelier). They
 * come while libvlc's clock still reads 0 (or nothing yet), so the clock
 * tells them apart. Never under v->lock. */
static bool before_start(struct video *v)
{
    if (v->at_start || v->req.start_ms <= VIDEO_EARLY_SLACK_MS || !v->mp)
        return false;

    /* A clock that never gets there must not hide the clip for good. */
    if (v->play_first_frame_ms > 0 &&
        mono_ms() - v->play_first_frame_ms > VIDEO_EARLY_MAX_MS) {
        v->at_start = true;
        return false;
    }

    int64_t t = libvlc_media_player_get_time(v->mp);
    if (t < 0 || t + VIDEO_EARLY_SLACK_MS < v->req.start_ms)
        return true;
    v->at_start = true;
    return false;
}

/* Uploads the frame buffer when it is newer than the texture. */
static int upload(struct video *v, SDL_Renderer *r)
{
    int rc = 0;

    find_visible_size(v);
    if (v->visible_w == 0)
        return 0;
    bool early = before_start(v);

    pthread_mutex_lock(&v->lock);
    if (v->frames == v->frames_uploaded || !v->buffer)
        goto out;
    if (early) {
        v->early += v->frames - v->frames_uploaded;
        v->frames_uploaded = v->frames;
        goto out;
    }
    if (ensure_texture(v, r) != 0) {
        rc = -1;
        goto out;
    }

    rc = fill_texture(v);
    v->frames_uploaded = v->frames;
    if (rc == 0) {
        v->presented++;
    } else if (!v->upload_failed) {
        log_error("video", "%s: texture upload failed (%s)", v->path,
                  SDL_GetError());
        v->upload_failed = true;
    }

out:
    pthread_mutex_unlock(&v->lock);
    return rc;
}

bool video_draw(struct video *v, SDL_Renderer *r, const SDL_Rect *dst)
{
    if (!v || !r || !dst)
        return false;

    upload(v, r);
    if (v->pic.texture && v->presented > 0) {
        picture_draw(r, &v->pic, dst);
        return true;
    }

    struct video_player *p = v->player;
    if (p->held.texture && mono_ms() - p->held_since_ms < VIDEO_HOLD_MS) {
        picture_draw(r, &p->held, dst);
        return true;
    }
    return false;
}

int video_set_pause(struct video *v, bool pause)
{
    if (!v || !v->mp)
        return -1;
    if (v->paused == pause)
        return 0;

    libvlc_media_player_set_pause(v->mp, pause ? 1 : 0);
    v->paused = pause;
    if (!pause && v->state == VIDEO_PAUSED)
        v->state = VIDEO_PLAYING;
    return 0;
}

bool video_paused(const struct video *v)
{
    return v && v->paused;
}

int video_set_volume(struct video *v, int volume)
{
    if (!v)
        return -1;

    v->req.volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
    if (v->state == VIDEO_PLAYING)
        apply_volume(v);
    return 0;
}

int64_t video_time_ms(struct video *v)
{
    if (!v || !v->mp)
        return -1;
    return libvlc_media_player_get_time(v->mp);
}

void video_get_stats(const struct video *v, struct video_stats *out)
{
    memset(out, 0, sizeof *out);
    out->open_to_first_ms = -1;
    if (!v)
        return;

    struct video *mv = (struct video *)v;
    pthread_mutex_lock(&mv->lock);
    out->frames_decoded = v->frames - v->early;
    pthread_mutex_unlock(&mv->lock);
    out->frames_presented = v->presented;
    out->plays = v->mp ? v->plays_done + 1 : 0;
    if (v->first_frame_ms)
        out->open_to_first_ms = v->first_frame_ms - v->opened_ms;
}

/* ---- still frames ------------------------------------------------------ */

static struct still *still_find(struct video_player *p, const char *key)
{
    for (int i = 0; i < VIDEO_STILLS_MAX; i++) {
        if (p->stills[i].key[0] && strcmp(p->stills[i].key, key) == 0)
            return &p->stills[i];
    }
    return NULL;
}

static struct still *still_slot(struct video_player *p)
{
    struct still *oldest = &p->stills[0];

    for (int i = 0; i < VIDEO_STILLS_MAX; i++) {
        if (!p->stills[i].key[0])
            return &p->stills[i];
        if (p->stills[i].used_ms < oldest->used_ms)
            oldest = &p->stills[i];
    }
    still_clear(oldest);
    return oldest;
}

static void still_job_start(struct video_player *p, const char *path,
                            const char *key, bool from_start)
{
    struct video_request req = {
        .path = path,
        .key = key,
        .audio = false,
        .start_ms = from_start ? 0 : VIDEO_STILL_AT_MS,
        .loops = 1,
    };

    p->still_job = clip_start(p, &req, true);
    snprintf(p->still_job_key, sizeof p->still_job_key, "%s", key);
    p->still_job_from_start = from_start;
}

/* Advances the background still job; stores its result when done. */
static void still_job_step(struct video_player *p, SDL_Renderer *r)
{
    struct video *job = p->still_job;
    enum video_state state = video_poll(job);

    if (state == VIDEO_OPENING)
        return;

    bool got = false;
    if (state != VIDEO_FAILED && upload(job, r) == 0 && job->pic.texture &&
        job->presented > 0)
        got = true;

    /* A clip shorter than the still's time: take its first picture. */
    if (!got && state == VIDEO_ENDED && !p->still_job_from_start) {
        char path[1024];
        char key[VIDEO_KEY_SIZE];
        snprintf(path, sizeof path, "%s", job->path);
        snprintf(key, sizeof key, "%s", p->still_job_key);
        p->still_job = NULL;
        video_close(job);
        still_job_start(p, path, key, true);
        return;
    }

    struct still *s = still_slot(p);
    snprintf(s->key, sizeof s->key, "%s", p->still_job_key);
    s->used_ms = mono_ms();
    if (got) {
        s->pic = job->pic;
        memset(&job->pic, 0, sizeof job->pic);
    } else {
        s->failed = true;
    }
    p->still_job = NULL;
    video_close(job);
}

bool video_player_still_busy(const struct video_player *p)
{
    return p && p->still_job;
}

bool video_player_draw_still(struct video_player *p, SDL_Renderer *r,
                             const char *path, const char *key,
                             const SDL_Rect *box)
{
    if (!p || !r || !path || !box)
        return false;

    char k[VIDEO_KEY_SIZE];
    copy_key(k, key, path);

    if (p->still_job)
        still_job_step(p, r);

    struct still *s = still_find(p, k);
    if (s) {
        s->used_ms = mono_ms();
        if (!s->pic.texture)
            return false;
        picture_draw(r, &s->pic, box);
        return true;
    }

    if (!p->still_job && !video_player_is_bad(p, k))
        still_job_start(p, path, k, false);
    return false;
}
