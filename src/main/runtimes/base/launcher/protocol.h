/*
 * The wire: commands in on fd 0, frames out on fd 1. Every number is big-endian and of fixed
 * width; every name and payload is length-prefixed raw bytes (no delimiter is ever parsed).
 *
 * Commands (one command byte, then its fields):
 *   'f' u32 mode, u32 path-length, u32 size, path, content
 *       Writes a file under the sandbox as the builder. Answer: 'A' (written) or 'X' (refused).
 *   's' u8 kind (bit 0: a run, else a compile; bit 1: live; bit 2: in place, not with bit 0: a kept
 *       sandbox's step, as the builder in /sandbox itself like a compile, whose live stdin it takes;
 *       bit 3, only with bit 0: keep the run's copy of /sandbox for an 'o' command), u32 timeout-ms, u32 cpu-ms (0: none), u32 output-cap,
 *       u32 argc, u32 envc, u32 input-length, then argc and envc strings (each u32 length + bytes,
 *       no NUL inside), then the input
 *       Answer: 'O'/'E' frames, then 'R'; or 'X' (refused, nothing ran).
 *       A live step also reads these commands while it runs (live.h); between steps they are dropped
 *       (any other command stops a live step's reading: it waits for the step's report):
 *   'i' u32 length, bytes   more of a live run's stdin (after the step's input)
 *   'e'                     a live run's stdin ends once what came before is written
 *   'k' u8 signal           sent to every process of the step (its status reporter excepted)
 *   'p' Answer: one 'F' frame per file, then 'D'.
 *   'o' u32 count, count patterns (u32 length + bytes), u32 max-files, u32 max-bytes
 *       The files of the last run kept (kind bit 3; else of /sandbox) whose paths match a pattern
 *       (fnmatch, '*' stops at '/'), within the caps. Answer: 'F' frames, then 'D'; the kept copy goes.
 *   'r' (with --namespaces) Answer: 'K'.
 *   EOF: kills everything and exits 0.
 *
 * Frames: one type byte, a u32 length, the payload:
 *   'O' / 'E'  bytes the program wrote to stdout / stderr
 *   'R'        "exit=N signal=N reason=exited|timeout|output|cpu oom=N wall_us=N cpu_us=N maxrss_kb=N"
 *   'F'        u32 mode, u32 path-length, path, content
 *   'D'        "files=N skipped=N too_large=N unreadable=N"
 *   'A'        a file was written (empty)
 *   'X'        a command was refused (the reason, text); the launcher goes on serving
 *   'K'        "clean" or "dirty"
 *   '!'        the command stream itself is broken (unknown command, cut off): the launcher exits
 */
#ifndef PROTOCOL_H
#define PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

/* The largest file or step payload taken or sent (a frame stays far below 4 GiB). */
#define MAX_PAYLOAD (64L << 20)

void write_all(int fd, const void *data, size_t len);
void frame_header(char type, uint32_t len);
void frame(char type, const void *data, size_t len);
void framef(char type, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* What die() runs before the launcher exits: main sets it to kill_all, so the wire itself knows
 * nothing of processes. */
extern void (*at_death)(void);
/* Sends a '!' frame, runs at_death (every process killed) and exits. */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* The next command byte, or -1 at a clean EOF (between commands). */
int read_command(void);
/* True when bytes of the command stream were read ahead and wait here (poll on fd 0 cannot see them). */
int command_buffered(void);
/* Puts back the command byte just read (a live step leaves other commands to the main loop). */
void unread_command(void);
/* Fields of a command; a stream cut off inside one is a '!' and the end. */
uint8_t read_u8(void);
uint32_t read_u32(void);
void read_bytes(char *out, size_t len);
void skip_bytes(uint64_t len);
/* len bytes into a fresh NUL-terminated buffer (len <= MAX_PAYLOAD, checked by the caller). */
char *read_string(uint32_t len);

#endif
