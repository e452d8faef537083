/// One value per pane, always there: a pane is never missing, so reading
/// one needs no unwrapping.
public struct PaneTable<Value: Sendable>: Sendable {
    private var values: [Value]

    init(_ make: (PaneKind) -> Value) {
        values = PaneKind.allCases.map(make)
    }

    public subscript(pane: PaneKind) -> Value {
        get { values[pane.rawValue] }
        set { values[pane.rawValue] = newValue }
    }
}

extension PaneTable: Equatable where Value: Equatable {}
