#ifndef PODREAD_CNCURSESW_SHIM_H
#define PODREAD_CNCURSESW_SHIM_H

// The wide-character API (get_wch, mvaddnwstr, setcchar) is only declared
// when these are set before curses.h is included.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift 6 refuses to read C globals such as stdscr, LINES and COLS; these
// accessors hand them over as function results instead.
static inline WINDOW *podread_stdscr(void) { return stdscr; }
static inline int podread_lines(void) { return LINES; }
static inline int podread_cols(void) { return COLS; }

#endif
