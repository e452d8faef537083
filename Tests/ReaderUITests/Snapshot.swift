@testable import ReaderUI

/// Renders a state and returns its rows as text, trailing spaces trimmed,
/// for comparing screens row by row in review-friendly form.
func rows(_ state: ReaderState) -> [String] {
    render(state).lines
}
