/* One step: its process (or the preloaded loader), its input, its output frames, its limits, its report. */
#ifndef STEP_H
#define STEP_H

#include "process.h"

/* Runs the step and answers its 'O'/'E' frames and the 'R' report. */
void run_step(struct step *s);

#endif
