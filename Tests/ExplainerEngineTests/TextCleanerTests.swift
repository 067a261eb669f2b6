import Testing

@testable import ExplainerEngine

@Suite("TextCleaner")
struct TextCleanerTests {
    let cleaner = TextCleaner(words: EngineTestSupport.words)

    @Test("Windows and old Mac line endings become \\n")
    func lineEndings() {
        #expect(cleaner.clean("One line.\r\nTwo line.\rThree.").text == "One line.\nTwo line.\nThree.")
    }

    @Test("HTML character references are decoded, named and numeric")
    func entities() {
        let text = cleaner.clean("Salt &amp; Pepper said &quot;hi&quot; &#39;twice&#39; at &#x2018;noon&#x2019;.").text
        #expect(text == "Salt & Pepper said \"hi\" 'twice' at ‘noon’.")
    }

    @Test("an unknown or unterminated reference stays as typed")
    func unknownEntity() {
        #expect(cleaner.clean("Fish &chips; and R&D &amp").text == "Fish &chips; and R&D &amp")
    }

    @Test("non-breaking spaces become spaces and zero-width characters go")
    func invisibleCharacters() {
        #expect(cleaner.clean("Ten\u{00A0}kilometres at\u{200B} noon\u{FEFF}.").text == "Ten kilometres at noon.")
    }

    @Test("curly quotes, dashes, accents and emoji are typography and stay")
    func typographyStays() {
        let text = "“Ça va,” said Zoë — twice 🎉."
        #expect(cleaner.clean(text).text == text)
    }

    @Test("advertisement, share and read-more lines are dropped")
    func noiseLines() {
        let input = "First paragraph here.\n\nAdvertisement\n\nShare this article\n\nRead more: Ten things about ferries\n\nLast paragraph here."
        let result = cleaner.clean(input)
        #expect(result.text == "First paragraph here.\n\nLast paragraph here.")
        #expect(result.removedLines == ["Advertisement", "Share this article", "Read more: Ten things about ferries"])
    }

    @Test("a row of social buttons and a repeated byline are dropped")
    func socialButtonsAndByline() {
        let input = "Facebook Twitter Email\n\nBy Anna Berg\n\nThe ferry left at noon."
        #expect(cleaner.clean(input).text == "The ferry left at noon.")
    }

    @Test("a wire credit in parentheses is dropped")
    func wireCredit() {
        let input = "Shares fell 3 percent.\n\n(Reporting by Jan Olsen; Editing by Mia Dahl)"
        #expect(cleaner.clean(input).text == "Shares fell 3 percent.")
    }

    @Test("a caption ending in a one-letter credit goes with the names line above it")
    func captionWithNamesLine() {
        let input = "The port reopened.\n\nAnna Berg Lars Holm\nHarbour master Anna Berg and skipper Lars Holm stand on the new pier X\n\nBoats returned."
        let result = cleaner.clean(input)
        #expect(result.text == "The port reopened.\n\nBoats returned.")
        #expect(result.removedLines.count == 2)
    }

    @Test("a caption ending in a publication credit after its full stop is dropped")
    func captionWithPublicationCredit() {
        let input = "Lars Holm ties up his boat at the new pier on a windy morning. Coast Weekly\n\nBoats returned."
        #expect(cleaner.clean(input).text == "Boats returned.")
    }

    @Test("a caption credited to agency staff or Getty Images is dropped")
    func agencyCredits() {
        #expect(cleaner.isCaption("Firefighters stand beside the burned warehouse on Tuesday morning Getty Images"))
        #expect(cleaner.isCaption("Volunteers carry sandbags to the river bank before the storm. Gazette staff"))
        #expect(!cleaner.isCaption("The council approved the plan on Tuesday."))
        #expect(!cleaner.isCaption("What Happens Next"))
    }

    @Test("a paragraph repeated verbatim is kept once")
    func repeatedParagraph() {
        let paragraph = "The new bridge will carry four lanes of traffic over the river."
        let result = cleaner.clean("\(paragraph)\n\nSomething else happened too.\n\n\(paragraph)")
        #expect(result.text == "\(paragraph)\n\nSomething else happened too.")
        #expect(result.removedRepeats == [paragraph])
    }
}
