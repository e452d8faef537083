#include "crash_restore.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// The signals a crash arrives as (the ones the Swift runtime reports too).
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT };
#define CRASH_SIGNAL_COUNT (sizeof crash_signals / sizeof crash_signals[0])

static struct sigaction previous_actions[CRASH_SIGNAL_COUNT];
static char leave_bytes[512];
static size_t leave_length;
static struct termios saved_mode;
static int have_saved_mode;
static int terminal = -1;
static volatile sig_atomic_t armed;

// A stack of its own, so a crash by stack overflow can still be handled.
static char alternate_stack[64 * 1024];

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

static void put_back_previous_handlers(void) {
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        sigaction(crash_signals[i], &previous_actions[i], NULL);
    }
}

static void on_crash(int number, siginfo_t *info, void *context) {
    (void)context;
    int saved_errno = errno;
    if (armed) {
        armed = 0;
        write_all(terminal, leave_bytes, leave_length);
        if (have_saved_mode) tcsetattr(terminal, TCSADRAIN, &saved_mode);
        static const char message[] =
            "podread: crashed; the terminal has been restored. Please report this, with what you were doing.\n";
        write_all(STDERR_FILENO, message, sizeof message - 1);
    }
    put_back_previous_handlers();
    if (info == NULL || (info->si_code <= 0 && info->si_pid != getpid())) {
        // Sent by another process (`kill -SEGV`): there is nothing to report
        // but the signal, so it ends podread the default way. It is blocked
        // while this handler runs and arrives as soon as it returns.
        struct sigaction default_action;
        memset(&default_action, 0, sizeof default_action);
        default_action.sa_handler = SIG_DFL;
        sigemptyset(&default_action.sa_mask);
        sigaction(number, &default_action, NULL);
        raise(number);
    } else if (info->si_code <= 0) {
        // Raised by podread itself (abort): raised again for the previous
        // handler, which reports where; abort ends the process after it.
        raise(number);
    }
    // A fault (a runtime trap, a bad access) happens again on return and
    // reaches the previous handler with its real context.
    errno = saved_errno;
}

void podread_crash_restore_save_mode(int terminal_fd) {
    have_saved_mode = tcgetattr(terminal_fd, &saved_mode) == 0;
}

void podread_crash_restore_install(const char *leave_sequence, size_t length, int terminal_fd) {
    if (length > sizeof leave_bytes) length = sizeof leave_bytes;
    memcpy(leave_bytes, leave_sequence, length);
    leave_length = length;
    terminal = terminal_fd;

    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        stack_t ours = { .ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0 };
        sigaltstack(&ours, NULL);
    }

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_crash;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < CRASH_SIGNAL_COUNT; i++) {
        sigaction(crash_signals[i], &action, &previous_actions[i]);
    }
    armed = 1;
}

void podread_crash_restore_remove(void) {
    if (!armed) return;
    armed = 0;
    put_back_previous_handlers();
}
