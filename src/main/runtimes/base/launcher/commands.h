/* The commands that carry client data: each reads its whole command before it answers. */
#ifndef COMMANDS_H
#define COMMANDS_H

/* 'f': answers 'A' or 'X'. */
void file_command(void);
/* 's': answers the step's frames and 'R', or 'X'. */
void step_command(void);
/* 'r': ends a request in a long-lived container (--namespaces only): every process killed, every
 * file and IPC object removed; answers 'K' ("clean" or "dirty"), or 'X' without --namespaces. */
void reset_command(void);
/* "--preload ENV-COUNT K=V... ARGV..." (argv from ENV-COUNT on). */
void preload_from_args(int argc, char **argv);

#endif
