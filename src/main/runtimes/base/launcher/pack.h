/* The compile stage's artefacts, sent back for the compile cache. */
#ifndef PACK_H
#define PACK_H

/* Sends every regular file under the sandbox owned by the builder as 'F' frames, then 'D'. */
void pack(void);
/* 'o': the files a run wrote that match the request's patterns, within its caps ('F' frames, 'D'). */
void outputs_command(void);

#endif
