import Foundation

/// Writes an explainer as Markdown (YAML front matter plus `## Question?` sections) or JSON.
///
/// The Markdown form is a draft an editor can save into `content/` and edit: it builds as written.
public enum ExplainerWriter {
    public static func markdown(_ explainer: Explainer) -> String {
        var lines = ["---"]
        lines.append("title: \(yamlQuoted(explainer.title))")
        lines.append("summary: \(yamlQuoted(explainer.summary))")
        if let date = explainer.date { lines.append("date: \(isoDate(date))") }
        if let author = explainer.author { lines.append("author: \(yamlQuoted(author))") }
        if !explainer.tags.isEmpty { lines.append("tags: [\(explainer.tags.map(yamlQuoted).joined(separator: ", "))]") }
        lines.append("source: \(yamlQuoted(explainer.sourcePath))")
        if explainer.draft { lines.append("draft: true") }
        lines.append("---")
        var text = lines.joined(separator: "\n") + "\n"
        for item in explainer.questions {
            text += "\n## \(item.question.replacingOccurrences(of: "\n", with: " "))\n\n\(item.answer)\n"
        }
        return text
    }

    /// The JSON shape `qa-eval` and apps read: title, slug, summary, questions (and metadata).
    public static func json(_ explainer: Explainer) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(explainer), as: UTF8.self)
    }

    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// A YAML double-quoted scalar: always safe, whatever the text holds.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
