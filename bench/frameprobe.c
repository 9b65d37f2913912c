/* frameprobe.c - bench helper: starts a program and finds when its first
 * complete frame reaches the X screen, by sampling the root window. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>

/*
 * DESIGN
 * The probe forks the program (in its own process group, so the caller
 * can stop the whole tree), then grabs the root window every interval
 * until the settle time has passed. Each grab is reduced to a signature:
 * the pixel at the centre of every cell of a GRID_W x GRID_H grid.
 *
 * The last SETTLED_MS of grabs define the finished picture. Cells that
 * change inside that window (running seconds, a clock) are left out; the
 * others are the stable cells. The first frame is the earliest grab in
 * which at least MATCH_PER_MILLE of the stable cells already show their
 * final colour. The same rule applies to every program measured, so a
 * browser that paints its background before its text is not counted as
 * done until the text is there too.
 *
 * Output on stdout, one `key value` per line: pid (as soon as it is
 * known), first_frame_ms (or -1), stable_cells, pre_match (how much of
 * the picture before launch already matched: a sanity check).
 */

#define GRID_W 96
#define GRID_H 54
#define CELLS (GRID_W * GRID_H)
#define TOLERANCE 16          /* per channel, out of 255 */
#define MATCH_PER_MILLE 995
#define SETTLED_MS 1500
#define SAMPLES_MAX 2000

struct sample {
    int64_t at_ms;
    uint32_t px[CELLS];
};

struct grabber {
    Display *dpy;
    Window root;
    int w, h;
    XImage *img;
    XShmSegmentInfo shm;
    bool use_shm;
};

static int64_t mono_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void grabber_close(struct grabber *g)
{
    if (g->use_shm) {
        XShmDetach(g->dpy, &g->shm);
        shmdt(g->shm.shmaddr);
        shmctl(g->shm.shmid, IPC_RMID, NULL);
    }
    if (g->img)
        XDestroyImage(g->img);
    if (g->dpy)
        XCloseDisplay(g->dpy);
}

static int grabber_open(struct grabber *g)
{
    memset(g, 0, sizeof *g);
    g->dpy = XOpenDisplay(NULL);
    if (!g->dpy) {
        fprintf(stderr, "frameprobe: cannot open display %s\n",
                getenv("DISPLAY") ? getenv("DISPLAY") : "(unset)");
        return -1;
    }
    g->root = DefaultRootWindow(g->dpy);
    g->w = DisplayWidth(g->dpy, DefaultScreen(g->dpy));
    g->h = DisplayHeight(g->dpy, DefaultScreen(g->dpy));

    if (!XShmQueryExtension(g->dpy))
        return 0;

    Visual *vis = DefaultVisual(g->dpy, DefaultScreen(g->dpy));
    int depth = DefaultDepth(g->dpy, DefaultScreen(g->dpy));
    g->img = XShmCreateImage(g->dpy, vis, depth, ZPixmap, NULL, &g->shm, g->w, g->h);
    if (!g->img)
        return 0;

    g->shm.shmid = shmget(IPC_PRIVATE, (size_t)g->img->bytes_per_line * g->h,
                          IPC_CREAT | 0600);
    if (g->shm.shmid < 0) {
        XDestroyImage(g->img);
        g->img = NULL;
        return 0;
    }
    g->shm.shmaddr = shmat(g->shm.shmid, NULL, 0);
    g->img->data = g->shm.shmaddr;
    g->shm.readOnly = False;
    XShmAttach(g->dpy, &g->shm);
    XSync(g->dpy, False);
    g->use_shm = true;
    return 0;
}

/* Fills s->px from one grab of the root window; 0 or -1. */
static int grab(struct grabber *g, struct sample *s)
{
    XImage *img = g->img;

    if (g->use_shm) {
        if (!XShmGetImage(g->dpy, g->root, img, 0, 0, AllPlanes))
            return -1;
    } else {
        img = XGetImage(g->dpy, g->root, 0, 0, g->w, g->h, AllPlanes, ZPixmap);
        if (!img)
            return -1;
    }

    for (int gy = 0; gy < GRID_H; gy++) {
        int y = (2 * gy + 1) * g->h / (2 * GRID_H);
        for (int gx = 0; gx < GRID_W; gx++) {
            int x = (2 * gx + 1) * g->w / (2 * GRID_W);
            s->px[gy * GRID_W + gx] = (uint32_t)XGetPixel(img, x, y) & 0xFFFFFF;
        }
    }

    if (!g->use_shm)
        XDestroyImage(img);
    return 0;
}

static bool close_colour(uint32_t a, uint32_t b)
{
    for (int shift = 0; shift < 24; shift += 8) {
        int ca = (int)((a >> shift) & 0xFF);
        int cb = (int)((b >> shift) & 0xFF);
        if (abs(ca - cb) > TOLERANCE)
            return false;
    }
    return true;
}

/* Per mille of the stable cells of s that match the final picture. */
static int match(const struct sample *s, const struct sample *final, const bool *stable,
                 int stable_count)
{
    int hits = 0;

    if (stable_count == 0)
        return 0;
    for (int i = 0; i < CELLS; i++) {
        if (stable[i] && close_colour(s->px[i], final->px[i]))
            hits++;
    }
    return (int)((int64_t)hits * 1000 / stable_count);
}

static void usage(void)
{
    fprintf(stderr, "usage: frameprobe [-i INTERVAL_MS] [-s SETTLE_MS] -- CMD [ARG...]\n");
}

static long number(const char *s)
{
    char *end = NULL;

    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v <= 0 || v > 600000)
        return -1;
    return v;
}

int main(int argc, char **argv)
{
    long interval_ms = 10;
    long settle_ms = 7000;
    int i = 1;
    struct grabber g;
    struct sample *samples = NULL;
    int count = 0;
    int status = 1;

    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "-i") == 0 && i + 1 < argc) {
            interval_ms = number(argv[++i]);
        } else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
            settle_ms = number(argv[++i]);
        } else {
            usage();
            return 2;
        }
    }
    if (i + 1 >= argc || interval_ms < 0 || settle_ms < 0) {
        usage();
        return 2;
    }
    char **cmd = &argv[i + 1];

    if (grabber_open(&g) < 0)
        return 1;
    samples = calloc(SAMPLES_MAX, sizeof *samples);
    if (!samples) {
        fprintf(stderr, "frameprobe: out of memory\n");
        goto fail;
    }

    /* The picture before launch, to check it does not already match. */
    struct sample *pre = malloc(sizeof *pre);
    if (!pre || grab(&g, pre) < 0) {
        fprintf(stderr, "frameprobe: cannot grab the screen\n");
        free(pre);
        goto fail;
    }

    int64_t t0 = mono_ms();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "frameprobe: fork: %s\n", strerror(errno));
        free(pre);
        goto fail;
    }
    if (pid == 0) {
        /* The program's output goes to stderr: our stdout is the report,
         * and a reader waits for it to close. */
        setpgid(0, 0);
        dup2(STDERR_FILENO, STDOUT_FILENO);
        execvp(cmd[0], cmd);
        fprintf(stderr, "frameprobe: %s: %s\n", cmd[0], strerror(errno));
        _exit(127);
    }
    setpgid(pid, pid);
    printf("pid %d\n", (int)pid);
    fflush(stdout);

    /* Grab until the settle time; stop early if the program died. */
    bool died = false;
    while (count < SAMPLES_MAX) {
        int64_t now = mono_ms() - t0;
        if (now > settle_ms)
            break;
        samples[count].at_ms = now;
        if (grab(&g, &samples[count]) == 0)
            count++;
        if (waitpid(pid, NULL, WNOHANG) == pid) {
            died = true;
            break;
        }
        int64_t next = (now / interval_ms + 1) * interval_ms;
        int64_t wait = next - (mono_ms() - t0);
        if (wait > 0) {
            struct timespec ts = {wait / 1000, (wait % 1000) * 1000000};
            nanosleep(&ts, NULL);
        }
    }
    if (died || count == 0) {
        fprintf(stderr, "frameprobe: %s exited during the probe\n", cmd[0]);
        printf("first_frame_ms -1\n");
        free(pre);
        goto fail;
    }

    /* Stable cells: unchanged over the settled window. */
    const struct sample *final = &samples[count - 1];
    bool stable[CELLS];
    int stable_count = 0;
    int first_settled = count - 1;
    while (first_settled > 0 && samples[first_settled - 1].at_ms >= final->at_ms - SETTLED_MS)
        first_settled--;
    for (int c = 0; c < CELLS; c++) {
        stable[c] = true;
        for (int k = first_settled; k < count; k++) {
            if (!close_colour(samples[k].px[c], final->px[c])) {
                stable[c] = false;
                break;
            }
        }
        if (stable[c])
            stable_count++;
    }

    int64_t first_ms = -1;
    for (int k = 0; k < count; k++) {
        if (match(&samples[k], final, stable, stable_count) >= MATCH_PER_MILLE) {
            first_ms = samples[k].at_ms;
            break;
        }
    }
    printf("first_frame_ms %" PRId64 "\n", first_ms);
    printf("stable_cells %d/%d\n", stable_count, CELLS);
    printf("pre_match %d\n", match(pre, final, stable, stable_count));
    printf("grabs %d\n", count);
    free(pre);
    status = 0;

fail:
    free(samples);
    grabber_close(&g);
    return status;
}
