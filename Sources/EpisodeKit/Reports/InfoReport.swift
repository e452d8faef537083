/// What `podread info` prints.
public enum InfoReport {
    public static func json(_ episode: Episode) -> JSONValue {
        .object([
            ("title", .string(episode.title)),
            ("podcast", .optional(episode.podcast)),
            ("format", .string(episode.format.rawValue)),
            ("duration", episode.duration > .zero ? .seconds(episode.duration) : .null),
            ("segments", .int(episode.segments.count)),
            ("speakers", .array(episode.speakers.map(JSONValue.string))),
            ("people", .array(episode.people.map { person in
                .object([("name", .string(person.name)), ("role", .string(person.roleName ?? person.role.rawValue)), ("link", .optional(person.link)),
                         ("about", .optional(person.about))])
            })),
            ("reading", .int(episode.reading.count)),
            ("chapters", .int(episode.chapters.count)),
            ("audio", .optional(episode.audioURL)),
            ("timed", .bool(episode.hasTimes)),
            ("warnings", .array(episode.warnings.map { .string($0.description) })),
        ])
    }

    public static func text(_ episode: Episode) -> String {
        var lines: [String] = []
        func add(_ label: String, _ value: String) {
            lines.append(label.padding(to: 10) + InertText.clean(value))
        }
        add("Title", episode.title)
        if let podcast = episode.podcast { add("Podcast", podcast) }
        add("Format", episode.format.rawValue)
        add("Duration", episode.duration > .zero ? episode.duration.formatted : "unknown")
        add("Segments", String(episode.segments.count))
        if !episode.speakers.isEmpty { add("Speakers", episode.speakers.joined(separator: ", ")) }
        for person in episode.people {
            let about = person.about.map { " — \($0)" } ?? ""
            add(person.roleLabel, person.name + about + (person.link.map { " <\($0)>" } ?? ""))
        }
        add("Reading", "\(episode.reading.count) item\(episode.reading.count == 1 ? "" : "s")")
        add("Chapters", String(episode.chapters.count))
        if let audio = episode.audioURL { add("Audio", audio) }
        for warning in episode.warnings { add("Warning", warning.description) }
        if !episode.shownotes.isEmpty {
            lines.append("")
            lines.append(InertText.clean(episode.shownotes, keepingLineBreaks: true))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
