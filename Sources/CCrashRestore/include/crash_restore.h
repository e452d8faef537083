#ifndef PODREAD_CRASH_RESTORE_H
#define PODREAD_CRASH_RESTORE_H

#include <stddef.h>

// Gives the terminal back if podread crashes while the reader has it.
//
// A crash (a Swift runtime trap, a bad memory access, abort) ends the process
// without running any Swift cleanup, and would leave the terminal in raw
// mode on the alternate screen with the cursor hidden. These handlers write
// the terminal's own "leave" sequences and the saved terminal mode, with
// nothing but async-signal-safe calls, then pass the signal on to whatever
// handled it before (the Swift runtime's crash report, or the default).

/// Remembers the terminal mode to go back to; call before curses changes it.
void podread_crash_restore_save_mode(int terminal_fd);

/// Installs the handlers, with the bytes that leave full-screen mode.
void podread_crash_restore_install(const char *leave_sequence, size_t length, int terminal_fd);

/// Takes the handlers away again (the reader gave the terminal back itself).
void podread_crash_restore_remove(void);

#endif
