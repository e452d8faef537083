/// A small element tree built from `MarkupTokenizer` tokens, for feeds.
///
/// Forgiving like the tokenizer: an end tag closes the nearest open element
/// of its name, unknown end tags are ignored, and elements nested deeper than
/// `maximumDepth` are dropped, so a hostile feed cannot exhaust the stack.
final class MarkupElement {
    let name: String
    let attributes: [String: String]
    private(set) var children: [MarkupElement] = []
    /// Text and CDATA directly inside this element, in order.
    private(set) var text = ""

    init(name: String, attributes: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
    }

    static let maximumDepth = 64

    static func parse(_ source: String) -> MarkupElement {
        var tokenizer = MarkupTokenizer(source)
        tokenizer.rawTextElements = []
        let root = MarkupElement(name: "#document")
        var stack = [root]
        var droppedDepth = 0
        while let token = tokenizer.next() {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if stack.count > maximumDepth || droppedDepth > 0 {
                    if !selfClosing { droppedDepth += 1 }
                    continue
                }
                let element = MarkupElement(name: name, attributes: attributes)
                stack[stack.count - 1].children.append(element)
                if !selfClosing { stack.append(element) }
            case .end(let name):
                if droppedDepth > 0 { droppedDepth -= 1; continue }
                if let open = stack.lastIndex(where: { $0.name == name }), open > 0 {
                    stack.removeSubrange(open...)
                }
            case .text(let text), .cdata(let text):
                if droppedDepth == 0 { stack[stack.count - 1].text += text }
            }
        }
        return root
    }

    /// The first child element with this name.
    func child(_ name: String) -> MarkupElement? {
        children.first { $0.name == name }
    }

    func children(_ name: String) -> [MarkupElement] {
        children.filter { $0.name == name }
    }

    /// The first element with this name anywhere below, depth first.
    func descendant(_ name: String) -> MarkupElement? {
        for child in children {
            if child.name == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }

    /// The trimmed text of a child, or nil when it is missing or empty.
    func value(_ name: String) -> String? {
        child(name)?.text.trimmingWhitespace().nonEmpty
    }
}
