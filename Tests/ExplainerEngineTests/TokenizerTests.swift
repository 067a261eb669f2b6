import Testing

@testable import ExplainerEngine

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer(words: EngineTestSupport.words)

    func texts(_ text: String) -> [String] { tokenizer.tokenize(text).map(\.text) }

    @Test("possessives and contractions are tokens of their own")
    func clitics() {
        #expect(texts("Anna's boat can't sail.") == ["Anna", "'s", "boat", "ca", "n't", "sail", "."])
        #expect(texts("I’m sure it’s fine.") == ["I", "’m", "sure", "it", "’s", "fine", "."])
    }

    @Test("numbers keep separators, scores and ordinal suffixes; number compounds are words")
    func numbers() {
        #expect(texts("6,214 fans saw 3-1 in the 71st minute of a 90-minute game worth $1.5 million.")
            == ["6,214", "fans", "saw", "3-1", "in", "the", "71st", "minute", "of", "a", "90-minute", "game", "worth", "$", "1.5", "million", "."])
    }

    @Test("hyphenated names and abbreviations stay whole")
    func words() {
        #expect(texts("Dr. Kim Jong-un met U.S. envoys.") == ["Dr.", "Kim", "Jong-un", "met", "U.S.", "envoys", "."])
    }

    @Test("quotation marks know whether they open or close")
    func quotes() {
        let tokens = tokenizer.tokenize("He said \"go\" and “stay”.")
        let marks = tokens.filter { $0.kind == .quote }.map(\.tag)
        #expect(marks == [.openQuote, .closeQuote, .openQuote, .closeQuote])
    }
}
