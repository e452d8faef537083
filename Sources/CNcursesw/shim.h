#ifndef PODREAD_CNCURSESW_SHIM_H
#define PODREAD_CNCURSESW_SHIM_H

// The wide-character API (get_wch, mvaddnwstr, setcchar) is only declared
// when these are set before curses.h is included.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift 6 refuses to read C globals such as stdscr, LINES and COLS; these
// accessors hand them over as function results instead.
static inline WINDOW *podread_stdscr(void) { return stdscr; }
static inline int podread_lines(void) { return LINES; }
static inline int podread_cols(void) { return COLS; }
static inline FILE *podread_stdout(void) { return stdout; }
static inline FILE *podread_stdin(void) { return stdin; }


// Attribute and mouse masks are function-like macros, which Swift cannot
// import; these hand over their values.
static inline attr_t podread_a_bold(void) { return A_BOLD; }
static inline attr_t podread_a_dim(void) { return A_DIM; }
static inline attr_t podread_a_reverse(void) { return A_REVERSE; }
static inline attr_t podread_a_underline(void) { return A_UNDERLINE; }
static inline attr_t podread_a_normal(void) { return A_NORMAL; }
static inline mmask_t podread_mouse_all(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t podread_button1_press(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED; }
static inline mmask_t podread_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t podread_wheel_down(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
// A terminfo string capability with up to two number parameters filled in
// (tiparm is variadic, which Swift cannot call), or NULL when the terminal
// has no such capability: "cup" with (row, column), "setaf" with (colour).
static inline const char *podread_terminfo_with(const char *name, int first, int second) {
    const char *capability = tigetstr(name);
    if (capability == NULL || capability == (char *)-1) return NULL;
    return tiparm(capability, first, second);
}

static inline WINDOW *podread_curscr(void) { return curscr; }

// The C library's idea of a character's width (what curses goes by).
static inline int podread_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

#endif
}
static inline int podread_key_f(int n) { return KEY_F(n); }

// A terminfo string capability, or NULL when the terminal has none
// (tigetstr answers (char *)-1 for a name that is not a string capability).
static inline const char *podread_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

// A terminfo string capability with up to two number parameters filled in
// (tiparm is variadic, which Swift cannot call), or NULL when the terminal
// has no such capability: "cup" with (row, column), "setaf" with (colour).
static inline const char *podread_terminfo_with(const char *name, int first, int second) {
    const char *capability = tigetstr(name);
    if (capability == NULL || capability == (char *)-1) return NULL;
    return tiparm(capability, first, second);
}

static inline WINDOW *podread_curscr(void) { return curscr; }

// The C library's idea of a character's width (what curses goes by).
static inline int podread_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

#endif
