import Foundation
import Mustache

/// A page rendered once with placeholders instead of its text, so that every page of the same
/// shape is made by filling the placeholders in, without running the template again.
///
/// swift-mustache spends about a microsecond on each tag (name lookups through `Any`, protocol
/// casts, context copies), a millisecond per explainer page, which was most of a large site's
/// build. But two explainer pages whose contexts differ only in their text — same number of
/// questions, same optional fields present, same flags — go through the template exactly the
/// same way. So the context is split into its *shape* (the structure, flags, which strings are
/// empty, dictionaries) and its *leaves* (every other string and number). The first page of
/// a shape is rendered with each leaf replaced by a placeholder `U+F8F0 & n U+F8F1`; the
/// output, cut at the placeholders, is the skeleton. Any page of that shape is the skeleton
/// with each placeholder replaced by its leaf, HTML-escaped where the placeholder came out
/// escaped (`&amp;` instead of `&`), raw where it came from `{{{ }}}`.
///
/// That is the same output because the template can only see a leaf's value in ways the
/// shape records or the placeholder reproduces:
/// - a string or number in a section is always truthy, whatever its value;
/// - indentation of partials depends on whether a token's output is empty and whether the
///   output so far ends in a newline: empty strings and the string `"\n"` are part of the
///   shape, and a placeholder for a value ending in a newline ends in one too;
/// - transforms that look at values are not used (see `PageSkeleton.isApplicable(to:)`:
///   only `empty` in sections and `first`, `last`, `count`, none of which a string or number
///   answers), nor are dynamic partials, pragmas or other delimiters.
/// As a safety net, the first skeletons of each build are checked against a direct rendering;
/// on any difference `PageSkeletons.failed` is set and the caller renders every page directly.
struct PageSkeleton: Sendable {
    enum Segment: Sendable {
        case text(Range<Int>)
        case leaf(Int, escaped: Bool)
    }

    /// The skeleton's own bytes (template text), which `segments` point into.
    var bytes: [UInt8]
    var segments: [Segment]

    static let placeholderStart: [UInt8] = Array("\u{F8F0}".utf8)
    static let placeholderEnd: [UInt8] = Array("\u{F8F1}".utf8)

    /// The placeholder of leaf `index`; it ends in a newline when the leaf does.
    static func placeholder(_ index: Int, endsWithNewline: Bool) -> String {
        "\u{F8F0}&\(index)\u{F8F1}" + (endsWithNewline ? "\n" : "")
    }

    /// Cuts `rendered` at its placeholders; nil if one is malformed or names an unknown leaf.
    init?(rendered: String, newlines: [Bool]) {
        bytes = Array(rendered.utf8)
        segments = []
        let start = Self.placeholderStart, end = Self.placeholderEnd
        var textStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == start[0], index + 2 < bytes.count, bytes[index + 1] == start[1], bytes[index + 2] == start[2] else {
                index += 1
                continue
            }
            var cursor = index + 3
            var escaped = false
            if bytes[cursor...].starts(with: "&amp;".utf8) {
                escaped = true
                cursor += 5
            } else if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "&") {
                cursor += 1
            } else {
                return nil
            }
            var number = 0
            let digitsStart = cursor
            while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9"), cursor - digitsStart < 9 {
                number = number * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            guard cursor > digitsStart, number < newlines.count, bytes[cursor...].starts(with: end) else { return nil }
            cursor += end.count
            if newlines[number] {
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\n") else { return nil }
                cursor += 1
            }
            if textStart < index { segments.append(.text(textStart..<index)) }
            segments.append(.leaf(number, escaped: escaped))
            index = cursor
            textStart = cursor
        }
        if textStart < bytes.count { segments.append(.text(textStart..<bytes.count)) }
    }

    /// The page: the skeleton with every placeholder replaced by its leaf.
    func fill(_ leaves: [String]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + leaves.reduce(0) { $0 + $1.utf8.count } + 256)
        for segment in segments {
            switch segment {
            case .text(let range):
                output.append(contentsOf: bytes[range])
            case .leaf(let index, let escaped):
                if escaped {
                    HTMLEscaping.append(leaves[index], to: &output)
                } else {
                    output.append(contentsOf: leaves[index].utf8)
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether skeletons give the same pages as the templates `sources` (name → text): no
    /// placeholder characters, pragmas, other delimiters or dynamic partials, and only the
    /// transforms described above.
    static func isApplicable(to sources: some Sequence<String>) -> Bool {
        for text in sources {
            if text.contains("\u{F8F0}") || text.contains("\u{F8F1}") { return false }
            for tag in TemplateReferences.tagBodies(in: text) {
                let sigil = tag.first
                if sigil == "%" || sigil == "=" { return false }
                if (sigil == ">" || sigil == "<"), tag.dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("*") { return false }
                guard tag.contains("(") else { continue }
                for (name, argument) in transforms(in: tag) {
                    if argument.isEmpty, ["first", "last", "index", "even", "odd"].contains(name) { continue }
                    if ["first", "last", "count"].contains(name) { continue }
                    if name == "empty", sigil == "#" || sigil == "^" || sigil == "/" { continue }
                    return false
                }
            }
        }
        return true
    }

    /// The transforms in a tag's text: `first(tags)` → ("first", "tags"); nested ones each.
    static func transforms(in tag: String) -> [(name: String, argument: String)] {
        var result: [(String, String)] = []
        var body = Substring(tag)
        if let first = body.first, "#^/{&".contains(first) { body = body.dropFirst() }
        body = body.trimmingCharacters(in: .whitespaces)[...]
        while let open = body.firstIndex(of: "(") {
            let name = body[..<open].trimmingCharacters(in: .whitespaces)
            let rest = body[body.index(after: open)...]
            let close = rest.lastIndex(of: ")") ?? rest.endIndex
            let inner = rest[..<close]
            let argument = inner.contains("(") ? String(inner) : inner.trimmingCharacters(in: .whitespaces)
            result.append((String(name), argument))
            body = inner
        }
        return result
    }
}

/// The skeletons of one build, shared by the tasks rendering its pages.
///
/// `@unchecked Sendable`: every stored property is read and written only while `lock` is held,
/// and a skeleton, once stored, is never changed.
final class PageSkeletons: @unchecked Sendable {
    private let lock = NSLock()
    /// Template name → shape fingerprint → skeleton.
    private var skeletons: [String: [StableHasher.Digest: PageSkeleton]] = [:]
    /// Template name → how many skeletons were checked against a direct rendering.
    private var checked: [String: Int] = [:]
    private var failedCheck = false

    /// How many new skeletons per template are compared with a direct rendering.
    static let checksPerTemplate = 4

    /// How many skeletons were made and how many pages were filled in, for `BuildTrace`.
    private var made = 0
    private var filled = 0
    var statistics: String { lock.withLock { "\(made) skeletons made, \(filled) pages filled in" } }

    /// Whether a skeleton gave a page different from the template's own; the caller must then
    /// render every page again without skeletons.
    var failed: Bool { lock.withLock { failedCheck } }

    /// The page `template` makes with `context`: from the skeleton of the context's shape,
    /// made now if there is none yet. Nil when the theme has no such template.
    func render(_ template: String, context: PageContext, theme: ResolvedTheme) -> String? {
        var reader = ShapeReader()
        reader.hasher.combine(template)
        context.visitFields(&reader)
        let shape = reader.hasher.finalize()
        if let skeleton = lock.withLock({ () -> PageSkeleton? in
            let found = skeletons[template]?[shape]
            if found != nil { filled += 1 }
            return found
        }) {
            return skeleton.fill(reader.leaves)
        }
        var builder = SymbolBuilder()
        context.visitFields(&builder)
        guard let marked = theme.render(template, context: SymbolicView(fields: builder.fields)),
              let skeleton = PageSkeleton(rendered: marked, newlines: reader.newlines) else {
            return theme.render(template, context: context)
        }
        let page = skeleton.fill(reader.leaves)
        let check = lock.withLock {
            checked[template, default: 0] += 1
            return checked[template]! <= Self.checksPerTemplate
        }
        if check {
            let direct = theme.render(template, context: context)
            if direct != page {
                lock.withLock { failedCheck = true }
                return direct
            }
        }
        lock.withLock {
            skeletons[template, default: [:]][shape] = skeleton
            made += 1
        }
        return page
    }
}

/// Walks a context for its shape (into `hasher`) and its leaves, in visiting order.
struct ShapeReader: TemplateFieldVisitor {
    var hasher = StableHasher()
    var leaves: [String] = []
    /// For each leaf, whether it ends in a newline (its placeholder then does too).
    var newlines: [Bool] = []

    mutating func text(_ name: String, _ value: String?) {
        guard let value else { return hasher.combine(UInt64(0)) }
        if value.isEmpty { return hasher.combine(UInt64(1)) }
        if value == "\n" { return hasher.combine(UInt64(2)) }
        let newline = value.last == "\n"
        hasher.combine(UInt64(newline ? 4 : 3))
        leaves.append(value)
        newlines.append(newline)
    }

    mutating func number(_ name: String, _ value: Int) {
        hasher.combine(UInt64(5))
        leaves.append(String(value))
        newlines.append(false)
    }

    mutating func flag(_ name: String, _ value: Bool) {
        hasher.combine(value)
    }

    mutating func flags(_ name: String, _ value: [String: Bool]) {
        hasher.combine(value.count)
        for (key, flag) in value.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            hasher.combine(flag)
        }
    }

    mutating func textTable(_ name: String, _ value: [String: String]) {
        hasher.combine(value.count)
        for (key, text) in value.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            hasher.combine(text)
        }
    }

    mutating func view<View: TemplateFields>(_ name: String, _ value: View?) {
        guard let value else { return hasher.combine(UInt64(6)) }
        hasher.combine(UInt64(7))
        value.visitFields(&self)
    }

    mutating func views<View: TemplateFields>(_ name: String, _ values: [View]) {
        hasher.combine(UInt64(8))
        hasher.combine(values.count)
        for value in values { value.visitFields(&self) }
    }
}

/// Makes the placeholder version of a context: the same fields, leaves replaced by
/// placeholders numbered in the order `ShapeReader` lists the leaves.
struct SymbolBuilder: TemplateFieldVisitor {
    var fields: [String: Any] = [:]
    var next = 0

    mutating func text(_ name: String, _ value: String?) {
        guard let value else { return }
        if value.isEmpty || value == "\n" {
            fields[name] = value
            return
        }
        fields[name] = PageSkeleton.placeholder(next, endsWithNewline: value.last == "\n")
        next += 1
    }

    mutating func number(_ name: String, _ value: Int) {
        fields[name] = PageSkeleton.placeholder(next, endsWithNewline: false)
        next += 1
    }

    mutating func flag(_ name: String, _ value: Bool) {
        fields[name] = value
    }

    mutating func flags(_ name: String, _ value: [String: Bool]) {
        fields[name] = value
    }

    mutating func textTable(_ name: String, _ value: [String: String]) {
        fields[name] = value
    }

    mutating func view<View: TemplateFields>(_ name: String, _ value: View?) {
        guard let value else { return }
        fields[name] = symbolic(value)
    }

    mutating func views<View: TemplateFields>(_ name: String, _ values: [View]) {
        var views: [SymbolicView] = []
        views.reserveCapacity(values.count)
        for value in values { views.append(symbolic(value)) }
        fields[name] = views
    }

    private mutating func symbolic(_ value: some TemplateFields) -> SymbolicView {
        var child = SymbolBuilder(next: next)
        value.visitFields(&child)
        next = child.next
        return SymbolicView(fields: child.fields)
    }
}

/// A view made of placeholders, answering template lookups from a dictionary.
final class SymbolicView: MustacheParent {
    let fields: [String: Any]

    init(fields: [String: Any]) {
        self.fields = fields
    }

    func child(named name: String) -> Any? {
        fields[name]
    }
}
