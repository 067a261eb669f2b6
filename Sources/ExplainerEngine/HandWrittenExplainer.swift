import Foundation

/// Reads an explainer an editor wrote by hand: Markdown made of `## Question?` sections.
enum HandWrittenExplainer {
    /// The sections, or nil when the body is not (only) `## ...?` sections.
    static func parse(_ body: String) -> [QuestionAnswer]? {
        var items: [QuestionAnswer] = []
        var question: String?
        var answerLines: [Substring] = []
        var inFence = false
        func flush() {
            if let question {
                let answer = answerLines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                items.append(QuestionAnswer(question: question, answer: answer))
            }
            answerLines = []
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, line.hasPrefix("## ") {
                let heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                guard heading.hasSuffix("?") else { return nil }
                flush()
                question = heading
            } else if question == nil {
                if !line.allSatisfy(\.isWhitespace) { return nil }
            } else {
                answerLines.append(line)
            }
        }
        flush()
        return items.isEmpty ? nil : items
    }
}
