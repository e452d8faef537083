import ReaderUI
import TOMLKit

/// `[keys]`: an action (`lineDown` or `line_down`) and the key or keys for
/// it. The keys given replace that action's default keys.
enum KeyBindings {
    static func apply(_ table: TOMLTable, to keymap: Keymap, problem: (String, String) -> Void) -> Keymap {
        var keymap = keymap
        for name in table.keys.sorted() {
            guard let action = action(named: name) else {
                problem(name, "unknown action (known: \(Action.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            guard let value = table[name] else { continue }
            var keyNames: [String] = []
            if let single = value.string {
                keyNames = [single]
            } else if let list = value.array {
                keyNames = list.compactMap { $0.string }
                if keyNames.count != list.count {
                    problem(name, "keys must be strings such as \"j\", \"C-d\" or \"PgDn\"")
                    continue
                }
            } else {
                problem(name, "expected a key such as \"j\" or a list of keys")
                continue
            }
            var keys: [Key] = []
            var valid = true
            for keyName in keyNames {
                guard let key = Key(name: keyName) else {
                    problem(name, "\"\(keyName)\" is not a key (write \"j\", \"G\", \"C-d\", \"Enter\", \"PgDn\", \"F1\"…)")
                    valid = false
                    break
                }
                keys.append(key)
            }
            guard valid, !keys.isEmpty else { continue }
            keymap.rebind(action, to: keys)
        }
        return keymap
    }

    /// `lineDown`, `line_down` or `line-down`.
    static func action(named name: String) -> Action? {
        if let action = Action(rawValue: name) { return action }
        var camel = ""
        var upper = false
        for character in name {
            if character == "_" || character == "-" {
                upper = true
            } else {
                camel.append(upper ? Character(character.uppercased()) : character)
                upper = false
            }
        }
        return Action(rawValue: camel)
    }
}

/// `[colors]`: `enabled`, and a colour name for `accent`, `marker`, `link`, `chapter`, `warning`.
enum ColorSettings {
    static func apply(_ table: TOMLTable, to appearance: Appearance, problem: (String, String) -> Void) -> Appearance {
        var appearance = appearance
        let names = Style.Color.allCases.map { "\($0)" }
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            if key == "enabled" {
                if let enabled = value.bool { appearance.colors = enabled } else { problem(key, "expected true or false") }
                continue
            }
            let slots: [String: WritableKeyPath<Appearance, Style.Color>] = [
                "accent": \.accent, "marker": \.marker, "link": \.link, "chapter": \.chapter, "warning": \.warning,
            ]
            guard let slot = slots[key] else {
                problem(key, "unknown colour setting (known: enabled, accent, marker, link, chapter, warning)")
                continue
            }
            guard let name = value.string, let color = Style.Color.allCases.first(where: { "\($0)" == name.lowercased() }) else {
                problem(key, "expected a colour name: \(names.joined(separator: ", "))")
                continue
            }
            appearance[keyPath: slot] = color
        }
        return appearance
    }
}
