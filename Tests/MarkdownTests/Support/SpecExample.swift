import Testing

/// One example from a cmark-gfm conformance file: Markdown in, expected HTML out.
///
/// The files fence each example with a line of 32 backticks followed by ` example` and
/// optionally the names of the extensions it needs (or `disabled`), then the Markdown, a line
/// holding only `.`, the expected HTML and a closing line of 32 backticks. Tabs are written
/// as `→`. Numbering counts every example in the file, disabled ones included, the way
/// cmark-gfm's `test/spec_tests.py` numbers them.
struct SpecExample: Sendable, CustomTestStringConvertible {
    /// The 1-based position of the example in its file.
    let number: Int
    /// The line of the opening fence.
    let line: Int
    /// The nearest heading above the example.
    let section: String
    /// The words after `example` on the opening fence: extension names, or `disabled`.
    let extensionNames: [String]
    let markdown: String
    let expectedHTML: String

    /// Marked `disabled` upstream: cmark-gfm's runner skips these.
    var isDisabled: Bool { extensionNames.contains("disabled") }

    /// Expected HTML of `<IGNORE>`: the example only checks that rendering finishes.
    var ignoresOutput: Bool { expectedHTML.trimmingWhitespace() == "<IGNORE>" }

    var testDescription: String { "example \(number) (line \(line), \(section))" }

    /// Every example in the text of a conformance file.
    static func examples(in text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        let opening = fence + " example"
        enum State { case prose, markdown, html }

        var examples: [SpecExample] = []
        var state = State.prose
        var section = ""
        var names: [String] = []
        var startLine = 0
        var markdown = ""
        var html = ""
        var lineNumber = 0

        // Keep the line terminators: the expected HTML ends with "\n" like cmark's output.
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false).map({ $0 + "\n" }) {
            lineNumber += 1
            let line = String(rawLine)
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix(opening) {
                state = .markdown
                names = trimmed.dropFirst(opening.count).split(separator: " ").map(String.init)
                startLine = lineNumber
            } else if trimmed == fence {
                examples.append(SpecExample(
                    number: examples.count + 1,
                    line: startLine,
                    section: section,
                    extensionNames: names,
                    markdown: markdown.replacingArrows(),
                    expectedHTML: html.replacingArrows()
                ))
                state = .prose
                markdown = ""
                html = ""
            } else if trimmed == "." && state != .prose {
                state = .html
            } else if state == .markdown {
                markdown += line
            } else if state == .html {
                html += line
            } else if line.hasPrefix("#") {
                let heading = line.drop(while: { $0 == "#" })
                if heading.first == " " { section = String(heading).trimmingWhitespace() }
            }
        }
        return examples
    }
}

extension String {
    /// The string without leading and trailing whitespace (including newlines).
    func trimmingWhitespace() -> String {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map(index(after:)) ?? start
        return String(self[start..<end])
    }

    /// The spec files write tabs as `→`.
    fileprivate func replacingArrows() -> String {
        String(map { $0 == "→" ? "\t" : $0 })
    }
}
