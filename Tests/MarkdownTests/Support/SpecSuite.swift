import Markdown
import Testing

/// One of cmark-gfm's conformance files and how its examples are run.
///
/// The options mirror cmark-gfm's own runner (`test/CMakeLists.txt` with `test/cmark.py`):
/// every file renders with `--unsafe`, because the CommonMark spec expects raw HTML to pass
/// through; `extensions.txt` turns on all six extensions for every example (its examples
/// name none); `smart_punct.txt` adds `--smart`; elsewhere an example gets exactly the
/// extensions named after `example` on its fence.
enum SpecSuite: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case spec = "spec.txt"
    case extensions = "extensions.txt"
    case regression = "regression.txt"
    case smartPunctuation = "smart_punct.txt"

    var fileName: String { rawValue }
    var testDescription: String { rawValue }

    /// Examples in the file, disabled ones included.
    var exampleCount: Int {
        switch self {
        case .spec: 673
        case .extensions: 28
        case .regression: 19
        case .smartPunctuation: 16
        }
    }

    /// The passes issue 2 names as the reference for this file.
    var referencePasses: Int {
        switch self {
        case .spec: 671
        case .extensions: 26
        case .regression: 17
        case .smartPunctuation: 16
        }
    }

    /// What Debian's `cmark-gfm` 0.29.0.gfm.6 command passes with these same rules.
    ///
    /// spec.txt fails only its two `disabled` examples (279, 280). extensions.txt and
    /// regression.txt each fail one footnote example (23 and 13): their expected HTML is
    /// the footnote markup of cmark-gfm before 0.29.0.gfm.2 (`#fn1`, no `data-footnote-*`
    /// attributes, one shared `fnref1` id), which the installed library no longer writes.
    /// extensions.txt example 20 expects `<IGNORE>` and counts as passed, as upstream.
    var debianCommandPasses: Int {
        switch self {
        case .spec: 671
        case .extensions: 27
        case .regression: 18
        case .smartPunctuation: 16
        }
    }

    /// Options every example of this file is rendered with.
    var baseOptions: MarkdownOptions {
        switch self {
        case .spec, .regression: [.unsafe]
        case .extensions: [.unsafe, .table, .strikethrough, .autolink, .tagFilter, .footnotes, .taskList]
        case .smartPunctuation: [.unsafe, .smartPunctuation]
        }
    }

    /// The options for `example`, or the first extension name this renderer does not know.
    func options(for example: SpecExample) -> Result<MarkdownOptions, UnknownExtension> {
        var options = baseOptions
        for name in example.extensionNames where name != "disabled" {
            guard let option = Self.optionsByExtensionName[name] else {
                return .failure(UnknownExtension(name: name))
            }
            options.insert(option)
        }
        return .success(options)
    }

    /// The names cmark-gfm's command accepts after `-e`.
    static let optionsByExtensionName: [String: MarkdownOptions] = [
        "table": .table,
        "strikethrough": .strikethrough,
        "autolink": .autolink,
        "tagfilter": .tagFilter,
        "tasklist": .taskList,
        "footnotes": .footnotes,
    ]

    /// An extension name on an example's fence that has no `MarkdownOptions` counterpart.
    struct UnknownExtension: Error, CustomStringConvertible {
        let name: String
        var description: String { "unknown extension \"\(name)\"" }
    }
}
