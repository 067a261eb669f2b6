import Testing

/// The conformance-file reader, on a small file written like cmark-gfm's.
@Suite("SpecExample")
struct SpecExampleTests {
    private static let fence = String(repeating: "`", count: 32)
    private static let sample = """
        # Tables

        Prose with a `.` line:
        .

        \(fence) example table strikethrough
        a→b
        .
        <p>a→b</p>
        \(fence)

        ## Disabled one

        \(fence) example disabled
        x
        .
        <p>y</p>
        \(fence)

        """

    @Test func readsExamplesInOrder() throws {
        let examples = SpecExample.examples(in: Self.sample)
        try #require(examples.count == 2)
        let first = examples[0]
        #expect(first.number == 1)
        #expect(first.line == 6)
        #expect(first.section == "Tables")
        #expect(first.extensionNames == ["table", "strikethrough"])
        #expect(first.markdown == "a\tb\n")
        #expect(first.expectedHTML == "<p>a\tb</p>\n")
        #expect(!first.isDisabled)

        let second = examples[1]
        #expect(second.number == 2)
        #expect(second.section == "Disabled one")
        #expect(second.isDisabled)
        #expect(second.markdown == "x\n")
    }
}
