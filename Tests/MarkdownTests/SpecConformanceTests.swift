import Foundation
import Markdown
import Testing

/// Runs cmark-gfm's conformance files from `../shared/spec` through `MarkdownRenderer`.
///
/// Each file's examples render with the options `SpecSuite` chooses for them and pass when
/// the normalised HTML matches (see `HTMLNormalizer`). The test prints every file's pass
/// count, how many were byte-identical too, and the numbers of the examples that fail, then
/// requires at least as many passes as Debian's `cmark-gfm` command gets with the same rules
/// (which is at least the reference in issue 2). Without the shared folder it says so and
/// passes without checking anything.
@Suite("cmark-gfm conformance files")
struct SpecConformanceTests {
    @Test("every example of the file", arguments: SpecSuite.allCases)
    func conformance(of suite: SpecSuite) throws {
        guard let directory = SharedSpecDirectory.locate() else {
            print("\(suite.fileName): skipped, no spec folder at \(SharedSpecDirectory.describeSearch())")
            return
        }
        let file = directory.appendingPathComponent(suite.fileName)
        let examples = SpecExample.examples(in: try String(contentsOf: file, encoding: .utf8))
        #expect(examples.count == suite.exampleCount, "\(file.path): example count")

        var passes = 0
        var identical = 0
        var failures: [String] = []
        var differences: [String] = []
        for example in examples {
            if example.isDisabled {
                failures.append("\(example.number) (disabled)")
                continue
            }
            let options: MarkdownOptions
            switch suite.options(for: example) {
            case .success(let chosen):
                options = chosen
            case .failure(let unknown):
                Issue.record("\(file.path):\(example.line): \(unknown)")
                failures.append("\(example.number) (\(unknown))")
                continue
            }
            let html = MarkdownRenderer(options: options).html(example.markdown)
            if html == example.expectedHTML { identical += 1 }
            if example.ignoresOutput
                || HTMLNormalizer.normalize(html) == HTMLNormalizer.normalize(example.expectedHTML) {
                passes += 1
            } else {
                failures.append("\(example.number) (line \(example.line), \(example.section))")
                differences.append(Self.firstDifference(in: example, actual: html))
            }
        }

        print("""
            \(suite.fileName): \(passes) of \(examples.count) pass \
            (\(identical) byte-identical; Debian's cmark-gfm command: \(suite.debianCommandPasses), \
            issue 2 reference: \(suite.referencePasses))
            \(suite.fileName) failing: \(failures.isEmpty ? "none" : failures.joined(separator: ", "))
            """)
        for difference in differences {
            print(difference)
        }
        #expect(passes >= suite.referencePasses, "\(suite.fileName): fewer passes than the reference")
        #expect(passes >= suite.debianCommandPasses, "\(suite.fileName): fewer passes than Debian's cmark-gfm command")
    }

    /// The first line where `actual` and the expected HTML part, for the failure report.
    private static func firstDifference(in example: SpecExample, actual: String) -> String {
        let expectedLines = example.expectedHTML.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        func line(_ lines: [Substring]) -> String {
            index < lines.count ? String(lines[index].prefix(160)) : "(end)"
        }
        return """
              example \(example.number), output line \(index + 1):
                expected: \(line(expectedLines))
                actual:   \(line(actualLines))
            """
    }
}
