/* main.c - the bangtin command: reads the configuration and flags, checks
 * or imports content, then hands over to the player's loop. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "bundle.h"
#include "collate.h"
#include "config.h"
#include "diag.h"
#include "log.h"
#include "mempolicy.h"
#include "sanitizer_dlclose.h"
#include "store.h"
#include "timeutil.h"

#define SCREENSHOTS_MAX 256

#define DEFAULT_ZONE "Asia/Ho_Chi_Minh"

static const char usage[] =
    "Usage: bangtin [OPTION]...\n"
    "Plays the election commission's notice board.\n"
    "\n"
    "Content:\n"
    "  --content DIR          import the bundle in DIR, then play it\n"
    "  --import DIR           import the bundle in DIR and exit (0: imported)\n"
    "  --check-content DIR    validate the bundle in DIR and exit (0: valid)\n"
    "  --data-dir DIR         where imported content and state are kept\n"
    "\n"
    "Configuration:\n"
    "  --config FILE          settings file (default: $BANGTIN_CONFIG,\n"
    "                         ./config/bangtin.conf, /etc/bangtin/bangtin.conf)\n"
    "  --check-config         validate the settings and exit (0: valid)\n"
    "  --set KEY=VALUE        override one setting (repeatable)\n"
    "  --windowed             a window instead of fullscreen\n"
    "  --rotation DEGREES     0, 90, 180 or 270\n"
    "  --log-level LEVEL      error, warn, info, debug or trace\n"
    "\n"
    "Headless mode (tests, benchmarks, staff previews):\n"
    "  --headless             draw off-screen, no display needed\n"
    "  --size WxH             panel size in pixels\n"
    "  --clock TIME           virtual start, e.g. 2026-03-14T06:59:50+07:00\n"
    "  --speed N              virtual seconds per real second; 0: no waiting\n"
    "  --run-for SECONDS      stop after this many virtual seconds\n"
    "  --screenshot S:FILE    save a PNG at virtual second S (repeatable)\n"
    "  --events FILE          scripted input: 'T tap X Y', 'T swipe X1 Y1 X2 Y2',\n"
    "                         'T key NAME' at virtual second T\n"
    "  --start-item ID        start the loop at this playlist item\n"
    "\n"
    "  --help                 this text\n"
    "\n"
    "Settings (config file keys, also accepted by --set):\n";

struct args {
    const char *config_path;
    bool check_config;
    const char *check_content;
    const char *content;
    bool import_only;
    struct app_options app;
    struct screenshot_at shots[SCREENSHOTS_MAX];
};

static void print_diag(const struct diag *d, FILE *out)
{
    for (int i = 0; i < d->count; i++) {
        char line[1024];
        diag_format(&d->entries[i], line, sizeof line);
        fprintf(out, "%s\n", line);
    }
}

static int parse_size(const char *s, int *w, int *h)
{
    char *end;
    long x = strtol(s, &end, 10);
    if (end == s || *end != 'x')
        return -1;

    const char *rest = end + 1;
    long y = strtol(rest, &end, 10);
    if (end == rest || *end != '\0' || x < 64 || y < 64 || x > 7680 || y > 7680)
        return -1;
    *w = (int)x;
    *h = (int)y;
    return 0;
}

static int parse_number(const char *s, double lo, double hi, double *out)
{
    char *end;

    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_screenshot(struct args *a, const char *s)
{
    const char *colon = strchr(s, ':');
    if (!colon || colon == s || colon[1] == '\0')
        return -1;

    char seconds[32];
    size_t n = (size_t)(colon - s);
    if (n >= sizeof seconds)
        return -1;
    memcpy(seconds, s, n);
    seconds[n] = '\0';

    double v;
    if (parse_number(seconds, 0, 1e9, &v) < 0)
        return -1;
    if (a->app.screenshot_count == SCREENSHOTS_MAX)
        return -1;

    struct screenshot_at *shot = &a->shots[a->app.screenshot_count++];
    shot->at_ms = (int64_t)(v * 1000.0 + 0.5);
    shot->path = colon + 1;
    return 0;
}

static const char *find_config(void)
{
    const char *env = getenv("BANGTIN_CONFIG");

    if (env && *env)
        return env;
    if (access("config/bangtin.conf", R_OK) == 0)
        return "config/bangtin.conf";
    if (access("/etc/bangtin/bangtin.conf", R_OK) == 0)
        return "/etc/bangtin/bangtin.conf";
    return NULL;
}

/* The folder above the executable's (the source tree or the install
 * prefix), where fonts/ is found when the working folder is elsewhere. */
static void find_home(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    out[0] = '\0';
    if (n <= 0)
        return;
    exe[n] = '\0';

    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash)
            return;
        *slash = '\0';
    }
    snprintf(out, size, "%s", exe[0] ? exe : "/");

    char probe[PATH_MAX + 32];
    snprintf(probe, sizeof probe, "%s/fonts", out);
    struct stat st;
    if (stat(probe, &st) != 0 && access("/usr/local/share/bangtin/fonts", R_OK) == 0)
        snprintf(out, size, "/usr/local/share/bangtin");
}

/* Flags that change settings are applied after the file, in order. */
static int apply_setting_flags(int argc, char **argv, struct config *cfg)
{
    char err[256];

    for (int i = 1; i < argc; i++) {
        const char *key = NULL;
        const char *value = NULL;
        char pair[CONFIG_PATH_MAX + 64];

        if (strcmp(argv[i], "--set") == 0 && i + 1 < argc) {
            snprintf(pair, sizeof pair, "%s", argv[++i]);
            char *eq = strchr(pair, '=');
            if (!eq) {
                fprintf(stderr, "bangtin: --set %s: expected KEY=VALUE\n", pair);
                return -1;
            }
            *eq = '\0';
            key = pair;
            value = eq + 1;
        } else if (strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc) {
            key = "data_dir";
            value = argv[++i];
        } else if (strcmp(argv[i], "--rotation") == 0 && i + 1 < argc) {
            key = "rotation";
            value = argv[++i];
        } else if (strcmp(argv[i], "--log-level") == 0 && i + 1 < argc) {
            key = "log_level";
            value = argv[++i];
        } else if (strcmp(argv[i], "--windowed") == 0) {
            key = "fullscreen";
            value = "no";
        } else {
            continue;
        }

        if (config_set(cfg, key, value, err, sizeof err) < 0) {
            fprintf(stderr, "bangtin: %s: %s\n", key, err);
            return -1;
        }
    }
    return 0;
}

static int parse_args(int argc, char **argv, struct args *a)
{
    const char *clock = NULL;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes_value = true;
        double v;

        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(usage, stdout);
            config_print_keys(stdout);
            exit(0);
        } else if (strcmp(arg, "--check-config") == 0) {
            a->check_config = true;
            takes_value = false;
        } else if (strcmp(arg, "--headless") == 0) {
            a->app.headless = true;
            takes_value = false;
        } else if (strcmp(arg, "--windowed") == 0) {
            takes_value = false;
        } else if (!val) {
            fprintf(stderr, "bangtin: %s needs a value (see --help)\n", arg);
            return -1;
        } else if (strcmp(arg, "--config") == 0) {
            a->config_path = val;
        } else if (strcmp(arg, "--check-content") == 0) {
            a->check_content = val;
        } else if (strcmp(arg, "--content") == 0) {
            a->content = val;
        } else if (strcmp(arg, "--import") == 0) {
            a->content = val;
            a->import_only = true;
        } else if (strcmp(arg, "--size") == 0) {
            if (parse_size(val, &a->app.width, &a->app.height) < 0) {
                fprintf(stderr, "bangtin: --size %s: expected WxH, e.g. 1920x1080\n", val);
                return -1;
            }
        } else if (strcmp(arg, "--clock") == 0) {
            clock = val;
        } else if (strcmp(arg, "--speed") == 0) {
            if (parse_number(val, 0, 1e6, &v) < 0) {
                fprintf(stderr, "bangtin: --speed %s: expected a number >= 0\n", val);
                return -1;
            }
            a->app.speed = v;
            a->app.speed_given = true;
        } else if (strcmp(arg, "--run-for") == 0) {
            if (parse_number(val, 0.001, 1e9, &v) < 0) {
                fprintf(stderr, "bangtin: --run-for %s: expected seconds > 0\n", val);
                return -1;
            }
            a->app.run_for_ms = (int64_t)(v * 1000.0 + 0.5);
        } else if (strcmp(arg, "--screenshot") == 0) {
            if (parse_screenshot(a, val) < 0) {
                fprintf(stderr, "bangtin: --screenshot %s: expected SECONDS:FILE.png "
                        "(at most %d)\n", val, SCREENSHOTS_MAX);
                return -1;
            }
        } else if (strcmp(arg, "--events") == 0) {
            a->app.events_path = val;
        } else if (strcmp(arg, "--start-item") == 0) {
            a->app.start_item = val;
        } else if (strcmp(arg, "--set") == 0 || strcmp(arg, "--data-dir") == 0 ||
                   strcmp(arg, "--rotation") == 0 || strcmp(arg, "--log-level") == 0) {
            /* Settings: applied over the config file later. */
        } else {
            fprintf(stderr, "bangtin: unknown option %s (see --help)\n", arg);
            return -1;
        }
        if (takes_value)
            i++;
    }

    if (!a->app.speed_given)
        a->app.speed = 1.0;
    if (clock) {
        struct tzone *tz = tzone_load(DEFAULT_ZONE);
        int parsed = timeutil_parse_instant(clock, tz, &a->app.clock_ms);
        tzone_free(tz);
        if (parsed < 0) {
            fprintf(stderr, "bangtin: --clock %s: expected a time like "
                    "2026-03-14T06:59:50+07:00\n", clock);
            return -1;
        }
        a->app.clock_given = true;
    }
    if (!a->app.headless && (a->app.run_for_ms || a->app.screenshot_count || a->app.events_path))
        fprintf(stderr, "bangtin: note: --run-for, --screenshot and --events work on a "
                "real screen too, but are meant for --headless\n");
    a->app.screenshots = a->shots;
    return 0;
}

static int check_content(const char *dir)
{
    struct diag d;
    diag_init(&d);

    struct content *c = bundle_load(dir, BUNDLE_CHECK_HASHES, &d);
    if (c) {
        char manifest[PATH_MAX];
        snprintf(manifest, sizeof manifest, "%s/%s", dir, BUNDLE_MANIFEST);
        collate_check_units(c, &d, manifest);
    }
    print_diag(&d, stdout);

    int errors = diag_error_count(&d);
    int warnings = d.count - errors;
    if (c)
        printf("%s: valid bundle, version %lld, %d items, %d candidates, %d warning(s)\n",
               dir, (long long)c->version, c->item_count, c->candidate_count, warnings);
    else
        printf("%s: invalid bundle: %d error(s), %d warning(s)\n", dir, errors, warnings);

    content_free(c);
    diag_clear(&d);
    return c ? 0 : 1;
}

static void default_data_dir(struct config *cfg)
{
    const char *home = getenv("HOME");

    if (geteuid() == 0 || strcmp(cfg->data_dir, "/var/lib/bangtin") != 0 || !home)
        return;
    snprintf(cfg->data_dir, sizeof cfg->data_dir, "%s/.local/share/bangtin", home);
}

int main(int argc, char **argv)
{
    mempolicy_apply();

    struct args args;
    memset(&args, 0, sizeof args);
    if (parse_args(argc, argv, &args) < 0)
        return 2;

    if (args.check_content)
        return check_content(args.check_content);

    struct config cfg;
    config_defaults(&cfg);
    default_data_dir(&cfg);

    const char *config_path = args.config_path ? args.config_path : find_config();
    if (config_path) {
        struct diag d;
        diag_init(&d);
        int loaded = config_load(&cfg, config_path, &d);
        print_diag(&d, stderr);
        diag_clear(&d);
        if (loaded < 0)
            return 2;
    }
    if (apply_setting_flags(argc, argv, &cfg) < 0)
        return 2;

    enum log_level level;
    if (log_parse_level(cfg.log_level, &level) == 0)
        log_set_level(level);

    if (args.check_config) {
        printf("%s: valid\n", config_path ? config_path : "built-in defaults");
        return 0;
    }

    struct store *store = store_open(cfg.data_dir);
    if (!store)
        return 1;

    if (args.content) {
        struct diag d;
        diag_init(&d);
        int imported = store_import(store, args.content, &d);
        print_diag(&d, stderr);
        diag_clear(&d);
        if (args.import_only) {
            store_close(store);
            return imported < 0 ? 1 : 0;
        }
        if (imported < 0)
            log_error("main", "the bundle in %s was refused; playing the content "
                      "imported before, if any", args.content);
    }

    char home[PATH_MAX];
    find_home(home, sizeof home);
    args.app.fonts_dir = home[0] ? home : NULL;

    int status = app_run(&cfg, &args.app, store);
    store_close(store);
    return status;
}
