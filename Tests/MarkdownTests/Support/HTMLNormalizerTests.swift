import Testing

/// The normaliser behind the conformance test, checked on the cases `normalize.py` documents.
@Suite("HTMLNormalizer")
struct HTMLNormalizerTests {
    @Test("collapses whitespace outside <pre>", arguments: [
        ("<p>a  \t b</p>", "<p>a b</p>"),
        ("<p>a  \t\nb</p>", "<p>a b</p>"),
        ("<pre>a  \t b</pre>", "<pre>a  \t b</pre>"),
    ])
    func whitespace(_ html: String, _ expected: String) {
        #expect(HTMLNormalizer.normalize(html) == expected)
    }

    @Test("removes whitespace around block tags, keeps it after inline ones", arguments: [
        (" <p>a  b</p>", "<p>a b</p>"),
        ("<p>a  b</p> ", "<p>a b</p>"),
        ("\n\t<p>\n\t\ta  b\t\t</p>\n\t", "<p>a b</p>"),
        ("<i>a  b</i> ", "<i>a b</i> "),
    ])
    func blockWhitespace(_ html: String, _ expected: String) {
        #expect(HTMLNormalizer.normalize(html) == expected)
    }

    @Test func selfClosingTagsBecomeOpenTags() {
        #expect(HTMLNormalizer.normalize("<br />") == "<br>")
        #expect(HTMLNormalizer.normalize("<p>a<br />\nb</p>") == "<p>a<br>b</p>")
    }

    @Test func attributesAreLowercasedAndSorted() {
        #expect(HTMLNormalizer.normalize(#"<a title="bar" HREF="foo">x</a>"#) == #"<a href="foo" title="bar">x</a>"#)
        #expect(HTMLNormalizer.normalize(#"<input type="checkbox" disabled="" />"#) == #"<input disabled="" type="checkbox">"#)
        #expect(HTMLNormalizer.normalize("<td align=left nowrap>") == #"<td align="left" nowrap>"#)
    }

    @Test func referencesBecomeCharactersExceptMarkup() {
        #expect(HTMLNormalizer.normalize("&#8704;&amp;&gt;&lt;&quot;&#x41;") == "\u{2200}&amp;&gt;&lt;&quot;A")
        #expect(HTMLNormalizer.normalize("&forall; &amp") == "&forall; &amp")
    }

    @Test func commentsAndDeclarationsPassThrough() {
        #expect(HTMLNormalizer.normalize("<p><!-- raw  HTML --></p>") == "<p><!-- raw  HTML --></p>")
        #expect(HTMLNormalizer.normalize("<!DOCTYPE html>") == "<!DOCTYPE html>")
    }

    @Test func differentOutputStaysDifferent() {
        #expect(HTMLNormalizer.normalize(##"<a href="#fn1">1</a>"##) != HTMLNormalizer.normalize(##"<a href="#fn-1">1</a>"##))
        #expect(HTMLNormalizer.normalize("<p>a b</p>") != HTMLNormalizer.normalize("<p>ab</p>"))
        #expect(HTMLNormalizer.normalize("a < b") == "a < b")
    }
}
