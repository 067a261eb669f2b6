import Markdown
import Testing

/// Exact HTML for each option of `MarkdownRenderer`, its safe defaults, and its limits.
///
/// The expected strings are what cmark-gfm 0.29.0.gfm.6 writes (checked against Debian's
/// `cmark-gfm` command with the matching flags).
@Suite("MarkdownRenderer")
struct MarkdownRendererTests {
    private let standard = MarkdownRenderer()
    private let plain = MarkdownRenderer(options: [])

    // MARK: - Extensions

    @Test func tableWithAlignment() {
        let markdown = """
            | Name | Votes |
            |:-----|------:|
            | Ann  | 3     |
            """
        #expect(MarkdownRenderer(options: .table).html(markdown) == """
            <table>
            <thead>
            <tr>
            <th align="left">Name</th>
            <th align="right">Votes</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">Ann</td>
            <td align="right">3</td>
            </tr>
            </tbody>
            </table>

            """)
        #expect(plain.html("| a |\n|---|\n| b |") == "<p>| a |\n|---|\n| b |</p>\n")
    }

    @Test func strikethrough() {
        #expect(MarkdownRenderer(options: .strikethrough).html("~~gone~~ and ~one~")
            == "<p><del>gone</del> and <del>one</del></p>\n")
        #expect(plain.html("~~kept~~") == "<p>~~kept~~</p>\n")
    }

    @Test func autolink() {
        let markdown = "Visit www.example.com, https://example.org/a?b=1 or me@example.com."
        #expect(MarkdownRenderer(options: .autolink).html(markdown) == """
            <p>Visit <a href="http://www.example.com">www.example.com</a>, \
            <a href="https://example.org/a?b=1">https://example.org/a?b=1</a> or \
            <a href="mailto:me@example.com">me@example.com</a>.</p>

            """)
        #expect(plain.html("www.example.com") == "<p>www.example.com</p>\n")
    }

    @Test func tagFilterEscapesDangerousTagsThatUnsafeLetsThrough() {
        let markdown = "<script>alert(1)</script>\n\n<em>ok</em> <iframe src=\"x\"></iframe>"
        #expect(MarkdownRenderer(options: [.unsafe, .tagFilter]).html(markdown) == """
            &lt;script>alert(1)&lt;/script>
            <p><em>ok</em> &lt;iframe src="x">&lt;/iframe></p>

            """)
        #expect(MarkdownRenderer(options: .unsafe).html(markdown) == """
            <script>alert(1)</script>
            <p><em>ok</em> <iframe src="x"></iframe></p>

            """)
    }

    @Test func taskList() {
        #expect(MarkdownRenderer(options: .taskList).html("- [ ] todo\n- [x] done") == """
            <ul>
            <li><input type="checkbox" disabled="" /> todo</li>
            <li><input type="checkbox" checked="" disabled="" /> done</li>
            </ul>

            """)
        #expect(plain.html("- [ ] todo") == "<ul>\n<li>[ ] todo</li>\n</ul>\n")
    }

    @Test func footnotes() {
        let markdown = "Claim.[^1]\n\n[^1]: Source."
        #expect(MarkdownRenderer(options: .footnotes).html(markdown) == """
            <p>Claim.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>Source. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
        // Without the option `[^1]: Source.` is an ordinary link reference definition.
        #expect(plain.html(markdown) == "<p>Claim.<a href=\"Source.\">^1</a></p>\n")
    }

    // MARK: - Rendering options

    @Test func smartPunctuation() {
        let markdown = #""Hello," she said -- it's 1990--2000... --- done"#
        #expect(MarkdownRenderer(options: .smartPunctuation).html(markdown)
            == "<p>\u{201C}Hello,\u{201D} she said \u{2013} it\u{2019}s 1990\u{2013}2000\u{2026} \u{2014} done</p>\n")
        #expect(plain.html(markdown) == "<p>&quot;Hello,&quot; she said -- it's 1990--2000... --- done</p>\n")
    }

    @Test func hardBreaks() {
        #expect(MarkdownRenderer(options: .hardBreaks).html("a\nb") == "<p>a<br />\nb</p>\n")
        #expect(plain.html("a\nb") == "<p>a\nb</p>\n")
    }

    @Test func githubPreLang() {
        let markdown = "```swift\nlet x = 1\n```"
        #expect(MarkdownRenderer(options: .githubPreLang).html(markdown) == "<pre lang=\"swift\"><code>let x = 1\n</code></pre>\n")
        #expect(plain.html(markdown) == "<pre><code class=\"language-swift\">let x = 1\n</code></pre>\n")
    }

    // MARK: - Safe by default

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let markdown = "<div class=\"x\">block</div>\n\nInline <b>bold</b>."
        #expect(standard.html(markdown) == """
            <!-- raw HTML omitted -->
            <p>Inline <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->.</p>

            """)
        #expect(MarkdownRenderer(options: [.standard, .unsafe]).html(markdown) == """
            <div class="x">block</div>
            <p>Inline <b>bold</b>.</p>

            """)
    }

    @Test func unsafeLinkDestinationsAreEmptiedUnlessUnsafe() {
        let markdown = "[x](javascript:alert(1)) [f](file:///etc/passwd) ![i](data:image/png;base64,AA)"
        // Image data URLs are considered safe; script and file links are not.
        #expect(standard.html(markdown)
            == "<p><a href=\"\">x</a> <a href=\"\">f</a> <img src=\"data:image/png;base64,AA\" alt=\"i\" /></p>\n")
        #expect(MarkdownRenderer(options: .unsafe).html("[x](javascript:alert(1))")
            == "<p><a href=\"javascript:alert(1)\">x</a></p>\n")
    }

    @Test func standardOptionsAreSafeGFMWithFootnotes() {
        #expect(MarkdownOptions.standard == [.table, .strikethrough, .autolink, .tagFilter, .taskList, .footnotes])
        #expect(!MarkdownOptions.standard.contains(.unsafe))
        #expect(!MarkdownOptions.standard.contains(.smartPunctuation))
        #expect(MarkdownRenderer().options == .standard)
    }

    // MARK: - Awkward input

    @Test func emptyAndBlankInput() {
        #expect(standard.html("") == "")
        #expect(standard.html("   \n\n\t\n") == "")
    }

    @Test func nonASCIIPassesThroughUnchanged() {
        #expect(standard.html("Café — 日本語 😀 «x» ~~Ünïcode~~")
            == "<p>Café — 日本語 😀 «x» <del>Ünïcode</del></p>\n")
        #expect(standard.html("# Ελληνικά\n\n- ü\n- 🇺🇦") == "<h1>Ελληνικά</h1>\n<ul>\n<li>ü</li>\n<li>🇺🇦</li>\n</ul>\n")
    }

    @Test func nulCharactersBecomeReplacementCharacters() {
        #expect(standard.html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func entitiesAndEscapes() {
        #expect(standard.html("AT&T <3 &copy; \\*not em\\*") == "<p>AT&amp;T &lt;3 © *not em*</p>\n")
    }

    @Test("deeply nested input finishes with sane output")
    func deepNesting() {
        let depth = 100_000

        let brackets = String(repeating: "[", count: depth)
        #expect(standard.html(brackets) == "<p>" + brackets + "</p>\n")

        let quotes = standard.html(String(repeating: ">", count: depth))
        #expect(quotes == String(repeating: "<blockquote>\n", count: depth) + String(repeating: "</blockquote>\n", count: depth))

        let lists = standard.html(String(repeating: "- ", count: depth) + "x")
        #expect(lists == String(repeating: "<ul>\n<li>\n", count: depth - 1)
            + "<ul>\n<li>x</li>\n</ul>\n"
            + String(repeating: "</li>\n</ul>\n", count: depth - 1))

        let emphasis = standard.html(String(repeating: "*a ", count: depth))
        #expect(emphasis.hasPrefix("<p>*a *a"))
        #expect(emphasis.hasSuffix("*a</p>\n"))
    }

    // MARK: - Concurrency

    @Test("concurrent renders match sequential ones")
    func concurrentRendering() async {
        // Options differ between tasks on purpose: cmark-gfm switches each extension's
        // trigger characters in a process-wide table while it parses.
        let renderers = [standard, plain, MarkdownRenderer(options: [.strikethrough, .table]), MarkdownRenderer(options: [.standard, .smartPunctuation, .unsafe])]
        let document = (1...40).map { number in
            """
            ## Part \(number)

            ~~Struck \(number)~~ text with *emphasis*, "quotes" -- www.example.com/\(number) and a table:

            | a | b |
            |---|---|
            | ~~\(number)~~ | [link](https://example.org/\(number)) |

            - [x] done \(number)[^n\(number)]

            [^n\(number)]: Note \(number).
            """
        }.joined(separator: "\n\n")
        let expected = renderers.map { $0.html(document) }
        #expect(Set(expected).count == renderers.count, "each option set renders differently")

        let rounds = 100
        let results = await withTaskGroup(of: (Int, String).self, returning: [(Int, String)].self) { group in
            for _ in 0..<rounds {
                for (index, renderer) in renderers.enumerated() {
                    group.addTask { (index, renderer.html(document)) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == rounds * renderers.count)
        let mismatches = results.filter { expected[$0.0] != $0.1 }.count
        #expect(mismatches == 0, "\(mismatches) of \(results.count) concurrent renders differ from the sequential result")
    }
}
