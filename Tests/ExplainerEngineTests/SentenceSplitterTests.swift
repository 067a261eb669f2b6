import Testing

@testable import ExplainerEngine

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    let splitter = SentenceSplitter(words: EngineTestSupport.words)

    @Test("sentences end at stops followed by a capital")
    func plain() {
        #expect(splitter.split("The boat left. It rained! Did it sink? No.") == ["The boat left.", "It rained!", "Did it sink?", "No."])
    }

    @Test("titles, initials and month abbreviations before a day do not end a sentence")
    func abbreviations() {
        #expect(splitter.split("Dr. Lena Moss met Mr. J. K. Barr on Dec. 12 in Oslo. They talked.")
            == ["Dr. Lena Moss met Mr. J. K. Barr on Dec. 12 in Oslo.", "They talked."])
    }

    @Test("U.S. ends a sentence only before a typical opener")
    func countryAbbreviation() {
        #expect(splitter.split("The firm sells in the U.S. and Canada. The U.S. market grew.")
            == ["The firm sells in the U.S. and Canada.", "The U.S. market grew."])
        #expect(splitter.split("It moved to the U.S. The move took a year.") == ["It moved to the U.S.", "The move took a year."])
    }

    @Test("decimals and money stay inside their sentence")
    func numbers() {
        #expect(splitter.split("Sales rose 4.5 percent to $1.2 billion. Costs fell.") == ["Sales rose 4.5 percent to $1.2 billion.", "Costs fell."])
    }

    @Test("a quotation that ends a sentence ends it after the closing mark")
    func quotations() {
        #expect(splitter.split("“We won.” The crowd cheered. He said: \"Go home.\" Then he left.")
            == ["“We won.”", "The crowd cheered.", "He said: \"Go home.\"", "Then he left."])
    }

    @Test("a question mark in a quotation followed by lowercase does not end the sentence")
    func questionInQuotation() {
        #expect(splitter.split("“Why now?” she asked. Nobody knew.") == ["“Why now?” she asked.", "Nobody knew."])
    }

    @Test("an ellipsis ends a sentence only before a capital")
    func ellipsis() {
        #expect(splitter.split("We waited... and waited… Then it came.") == ["We waited... and waited…", "Then it came."])
    }
}
