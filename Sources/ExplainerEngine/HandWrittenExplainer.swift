import Foundation

/// Reads an explainer an editor wrote by hand: Markdown made of `## Question?` sections.
///
/// Works on the body's bytes (it runs on every Markdown article of every build): lines are
/// found by their newlines and each answer is one slice of the body, not lines joined again.
enum HandWrittenExplainer {
    /// The sections, or nil when the body is not (only) `## ...?` sections.
    static func parse(_ body: String) -> [QuestionAnswer]? {
        let utf8 = body.utf8
        var items: [QuestionAnswer] = []
        var question: String?
        var answerStart = utf8.startIndex
        var inFence = false
        func flush(upTo end: String.Index) {
            if let question {
                items.append(QuestionAnswer(question: question, answer: trimmed(body[answerStart..<end])))
            }
        }
        var lineStart = utf8.startIndex
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = utf8[lineStart..<lineEnd]
            if line.starts(with: "```".utf8) || line.starts(with: "~~~".utf8) { inFence.toggle() }
            if !inFence, line.starts(with: "## ".utf8) {
                let heading = trimmedSpaces(body[utf8.index(lineStart, offsetBy: 3)..<lineEnd])
                guard heading.utf8.last == UInt8(ascii: "?") else { return nil }
                flush(upTo: lineStart)
                question = String(heading)
                answerStart = lineEnd
            } else if question == nil, !isBlank(body[lineStart..<lineEnd]) {
                return nil
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
        }
        flush(upTo: utf8.endIndex)
        return items.isEmpty ? nil : items
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy(isASCIIWhitespace) || line.allSatisfy(\.isWhitespace)
    }

    /// Without spaces and tabs (or other Unicode spaces) at either end.
    private static func trimmedSpaces(_ text: Substring) -> Substring {
        var result = text
        while let first = result.utf8.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.utf8.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        if let first = result.first, let last = result.last, first.isWhitespace || last.isWhitespace {
            return Substring(result.trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    /// Without whitespace or newlines at either end.
    private static func trimmed(_ text: Substring) -> String {
        var result = text
        while let first = result.utf8.first, isASCIIWhitespace(first) { result = result.dropFirst() }
        while let last = result.utf8.last, isASCIIWhitespace(last) { result = result.dropLast() }
        if let first = result.first, let last = result.last, first.isWhitespace || last.isWhitespace {
            return result.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return String(result)
    }
}
