import Testing
@testable import Playback
import EpisodeKit

/// The read-along clock, driven by a time the test controls.
@Suite("The read-along clock")
struct ClockTests {
    let second: UInt64 = 1_000_000_000

    @Test("advances in real time × speed while playing, holds while paused")
    func interpolation() {
        let clock = VirtualClock(start: TimeCode(milliseconds: 10_000), duration: TimeCode(milliseconds: 60_000), now: 0)
        #expect(clock.state(now: 5 * second).position.milliseconds == 10_000)
        clock.perform(.play(from: nil), now: 5 * second)
        #expect(clock.state(now: 7 * second).position.milliseconds == 12_000)
        #expect(clock.state(now: 7 * second).playing)
        clock.perform(.speed(1.5), now: 7 * second)
        #expect(clock.state(now: 9 * second).position.milliseconds == 15_000)
        clock.perform(.pause, now: 9 * second)
        #expect(clock.state(now: 20 * second).position.milliseconds == 15_000)
        #expect(!clock.state(now: 20 * second).playing)
    }

    @Test("seeks, clamps speed to 0.5–3.0 and stops at the end")
    func limits() {
        let clock = VirtualClock(start: .zero, duration: TimeCode(milliseconds: 10_000), now: 0)
        clock.perform(.seek(TimeCode(milliseconds: 8_000)), now: 0)
        clock.perform(.speed(9), now: 0)
        clock.perform(.play(from: nil), now: 0)
        #expect(clock.state(now: second / 2).position.milliseconds == 9_500)
        #expect(clock.state(now: 5 * second).position.milliseconds == 10_000)
        #expect(!clock.state(now: 5 * second).playing)
        clock.perform(.speed(0.1), now: 5 * second)
        clock.perform(.play(from: .zero), now: 5 * second)
        #expect(clock.state(now: 7 * second).position.milliseconds == 1_000)
    }
}
