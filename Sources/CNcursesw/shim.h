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
// The terminal's sequence to put the cursor at (row, column), or NULL
// (tiparm is variadic, which Swift cannot call).
static inline const char *podread_cursor_to(int row, int column) {
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) return NULL;
    return tiparm(cup, row, column);
}

// The terminal's sequence for a foreground colour, or NULL.
static inline const char *podread_foreground(int color) {
    const char *setaf = tigetstr("setaf");
    if (setaf == NULL || setaf == (char *)-1) return NULL;
    return tiparm(setaf, color);
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

// The terminal's sequence to put the cursor at (row, column), or NULL
// (tiparm is variadic, which Swift cannot call).
static inline const char *podread_cursor_to(int row, int column) {
    const char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) return NULL;
    return tiparm(cup, row, column);
}

// The terminal's sequence for a foreground colour, or NULL.
static inline const char *podread_foreground(int color) {
    const char *setaf = tigetstr("setaf");
    if (setaf == NULL || setaf == (char *)-1) return NULL;
    return tiparm(setaf, color);
}

static inline WINDOW *podread_curscr(void) { return curscr; }

// The C library's idea of a character's width (what curses goes by).
static inline int podread_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

#endif
