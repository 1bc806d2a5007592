#define _GNU_SOURCE
#include "commands.h"
#include "places.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "launcher.h"
#include "paths.h"
#include "process.h"
#include "protocol.h"
#include "step.h"

static const char *BASE_ENV[] = {
    "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/sandbox", "HOSTNAME=sandbox", "LANG=C.UTF-8", "TMPDIR=/tmp",
};
#define BASE_ENV_COUNT ((int) (sizeof BASE_ENV / sizeof BASE_ENV[0]))
#define MAX_STRINGS 65536

void preload_from_args(int argc, char **argv) {
    int nenv = atoi(argv[1]);
    if (nenv < 0 || 2 + nenv >= argc) die("bad --preload arguments");
    char **env = calloc((size_t) (BASE_ENV_COUNT + nenv + 1), sizeof *env);
    if (env == NULL) die("out of memory");
    int n = 0;
    for (int i = 0; i < BASE_ENV_COUNT; i++) env[n++] = (char *) BASE_ENV[i];
    for (int i = 0; i < nenv; i++) env[n++] = argv[2 + i];
    preload(argv + 2 + nenv, env);
}

static void refuse(const char *why) {
    frame('X', why, strlen(why));
}

/* 'f': the whole command is read (or skipped) before any answer, so the stream stays in step. */
void file_command(void) {
    uint32_t mode = read_u32(), path_len = read_u32(), size = read_u32();
    if (path_len > MAX_PATH_BYTES) {
        skip_bytes((uint64_t) path_len + size);
        refuse("path longer than 4096 bytes");
        return;
    }
    char *path = read_string(path_len);
    const char *why = path_problem(path, path_len);
    if (why == NULL && size > MAX_PAYLOAD) why = "file larger than 64 MiB";
    if (why != NULL) {
        skip_bytes(size);
        refuse(why);
    } else {
        char *data = read_string(size);
        why = write_file(path, (int) mode, data, size);
        free(data);
        if (why == NULL) frame('A', "", 0);
        else refuse(why);
    }
    free(path);
}

/* Reads count length-prefixed strings (after prefix) into a NULL-terminated vector; sets *why when
 * one holds a NUL or they pass the budget (then the rest is only skipped). */
static char **read_strings(uint32_t count, const char **prefix, int nprefix, uint64_t *budget, const char **why) {
    char **v = calloc((size_t) nprefix + (count <= MAX_STRINGS ? count : 0) + 1, sizeof *v);
    if (v == NULL) die("out of memory");
    for (int i = 0; i < nprefix; i++) v[i] = (char *) prefix[i];
    if (count > MAX_STRINGS && *why == NULL) *why = "too many arguments or variables";
    for (uint32_t i = 0; i < count; i++) {
        uint32_t len = read_u32();
        if (*why != NULL || len > *budget) {
            if (*why == NULL) *why = "step larger than 64 MiB";
            skip_bytes(len);
            continue;
        }
        *budget -= len;
        char *s = read_string(len);
        if (strlen(s) != len) *why = "NUL inside an argument or variable";
        v[nprefix + i] = s;
    }
    return v;
}

static void free_strings(char **v, int from) {
    for (char **p = v + from; *p != NULL; p++) free(*p);
    free(v);
}

void step_command(void) {
    struct step s = {0};
    const char *why = NULL;
    uint8_t kind = read_u8();
    uint32_t timeout_ms = read_u32(), cpu_ms = read_u32(), output_cap = read_u32();
    uint32_t argc = read_u32(), envc = read_u32(), input_len = read_u32();
    if (kind > 15 || (kind & 5) == 5 || (kind & 9) == 8) why = "unknown step kind";
    else if (timeout_ms == 0 || timeout_ms > 24u * 3600 * 1000 || cpu_ms > 24u * 3600 * 1000) why = "step limits out of range";
    else if (argc == 0) why = "empty command";
    uint64_t budget = MAX_PAYLOAD;
    char **argv = read_strings(argc, NULL, 0, &budget, &why);
    char **env = read_strings(envc, BASE_ENV, BASE_ENV_COUNT, &budget, &why);
    char *input = NULL;
    if (why == NULL && input_len > budget) why = "step larger than 64 MiB";
    if (why != NULL) skip_bytes(input_len);
    else input = read_string(input_len);
    if (why != NULL) {
        refuse(why);
    } else {
        s.run = kind & 1;
        s.live = (kind & 2) != 0;
        s.in_place = (kind & 4) != 0;
        s.keep = (kind & 8) != 0;
        s.uid = s.run ? runner_uid : builder_uid;
        s.timeout_ms = timeout_ms;
        s.cpu_ms = cpu_ms;
        s.output_cap = output_cap;
        s.argv = argv;
        s.env = env;
        s.input = input;
        s.input_len = input_len;
        run_step(&s);
    }
    free_strings(argv, 0);
    free_strings(env, BASE_ENV_COUNT);
    free(input);
}

void reset_command(void) {
    if (!namespaces) {
        frame('X', "reset needs --namespaces", 24);
        return;
    }
    kill_all();
    drop_kept_work();
    framef('K', remove_leftovers() ? "clean" : "dirty");
}
