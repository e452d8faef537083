// swift-tools-version: 6.0
import PackageDescription

// podread is built and tested on Linux (Debian 12, Swift 6): it uses Glibc,
// ncursesw and the Synchronization module's Mutex. macOS is not supported.
let package = Package(
    name: "podread",
    products: [
        .executable(name: "podread", targets: ["podread"]),
        .library(name: "EpisodeKit", targets: ["EpisodeKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Domain library: Foundation only (and a prefetch hint for the index
        // build, which Swift cannot express). Episodes, times, format readers.
        .target(name: "CPrefetch", path: "Sources/CPrefetch"),
        .target(name: "EpisodeKit", dependencies: ["CPrefetch"], path: "Sources/EpisodeKit"),

        // The bundled sample episode(s), shipped as resources.
        .target(
            name: "PodreadAssets",
            path: "Assets",
            resources: [.copy("swp-north-korea-security-threat.txt")]
        ),

        // Loading and storage: files in, journal and state out.
        .target(name: "EpisodeIO", dependencies: ["EpisodeKit", "PodreadAssets"]),

        // Playback clocks: mpv over its IPC socket, and a read-along clock.
        .target(name: "Playback", dependencies: ["EpisodeKit"]),

        // The ncursesw system library; imported by CursesTerminal alone.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Async-signal-safe terminal restore on a crash.
        .target(name: "CCrashRestore", path: "Sources/CCrashRestore"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "CCrashRestore", "ReaderUI"]),

        // The reader's state, keys, layout and rendering: pure, no curses.
        .target(name: "ReaderUI", dependencies: ["EpisodeKit"]),

        // config.toml: key bindings, colours and layout for the reader.
        .target(name: "ReaderConfig", dependencies: ["ReaderUI", "EpisodeKit", .product(name: "TOMLKit", package: "TOMLKit")]),

        // The library: followed podcasts and their episodes in SQLite (GRDB),
        // fetched files in the XDG cache, refreshes with conditional requests.
        .target(name: "PodcastLibrary", dependencies: ["EpisodeKit", "EpisodeIO", .product(name: "GRDB", package: "GRDB.swift")]),

        // The app: its screens as a stack, the run loop between a Terminal and
        // the services (player, clipboard and journal, opener). No curses.
        .target(name: "PodreadApp", dependencies: ["ReaderUI", "EpisodeKit", "EpisodeIO", "Playback", "PodcastLibrary"]),

        .executableTarget(
            name: "podread",
            dependencies: [
                "EpisodeKit", "EpisodeIO", "CursesTerminal", "ReaderUI", "ReaderConfig", "PodreadApp", "PodcastLibrary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // `swift run -c release podread-bench`: speed and memory figures.
        .executableTarget(name: "podread-bench", dependencies: ["EpisodeKit", "EpisodeIO", "PodreadAssets", "ReaderUI", "PodcastLibrary", "PodreadApp"]),

        .testTarget(name: "EpisodeKitTests", dependencies: ["EpisodeKit", "PodreadAssets"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "EpisodeKit", "PodreadAssets"]),
        .testTarget(name: "ReaderConfigTests", dependencies: ["ReaderConfig", "ReaderUI"]),
        .testTarget(name: "PodreadAppTests", dependencies: ["PodreadApp", "ReaderUI", "ReaderConfig", "EpisodeKit", "PodreadAssets", "PodcastLibrary", "TestSupport"]),
        .testTarget(name: "PlaybackTests", dependencies: ["Playback", "EpisodeKit"]),
        // Helpers the test targets share: a local HTTP server.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EpisodeIOTests", dependencies: ["EpisodeIO", "EpisodeKit", "TestSupport"]),
        .testTarget(name: "PodcastLibraryTests", dependencies: ["PodcastLibrary", "EpisodeIO", "EpisodeKit", "TestSupport"]),
        .testTarget(
            name: "PodreadCLITests",
            dependencies: ["podread", "EpisodeKit", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
