/// The third stage, first half: a paragraph → its sentences.
///
/// A sentence ends at `.`, `?`, `!` or an ellipsis, after any closing quotes and brackets,
/// when whitespace and then a capital, a digit or an opening quote follow. It does not end
/// after a title or honorific (Mr., Dr., Gen.), an initial (J. K. Rowling), a month
/// abbreviation before a day (Dec. 12), or inside a number (1.93, $2.4 million); a question
/// mark inside a quotation followed by lowercase ("Why?" she asked) does not end one either.
struct SentenceSplitter: Sendable {
    let words: WordLists

    /// Abbreviations that never end a sentence (titles and "No.").
    private static let neverFinal: Set<String> = [
        "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "gen.", "gov.", "sen.", "rep.", "lt.", "col.", "capt.",
        "sgt.", "rev.", "no.", "nos.", "vs.", "e.g.", "i.e.", "approx.",
    ]

    /// Words that start a new sentence after an abbreviation that may end one ("... in the U.S. The ...").
    private static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "this", "that", "these", "those",
        "there", "in", "on", "at", "after", "before", "his", "her", "its", "their", "our", "some", "many", "most",
    ]

    func split(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard ".?!…".contains(character) else {
                index += 1
                continue
            }
            // The terminal run: more terminals, closing quotes and brackets.
            var end = index + 1
            while end < characters.count, ".?!…\"”’')]".contains(characters[end]) { end += 1 }
            if end >= characters.count {
                index = end
                break
            }
            guard characters[end].isWhitespace else {
                index = end
                continue
            }
            var next = end
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            guard next < characters.count else {
                index = next
                break
            }
            if isBoundary(characters, terminal: index, runEnd: end, next: next) {
                let sentence = String(characters[start..<end]).trimmingCharactersInSet()
                if !sentence.isEmpty { sentences.append(sentence) }
                start = next
            }
            index = next
        }
        if start < characters.count {
            let sentence = String(characters[start...]).trimmingCharactersInSet()
            if !sentence.isEmpty { sentences.append(sentence) }
        }
        return sentences
    }

    private func isBoundary(_ characters: [Character], terminal: Int, runEnd: Int, next: Int) -> Bool {
        let following = characters[next]
        let isEllipsis = characters[terminal] == "…" || (terminal + 2 < runEnd && characters[terminal + 1] == "." )
        if following.isLowercase { return false }
        if isEllipsis { return following.isUppercase || "\"“‘".contains(following) }
        guard characters[terminal] == "." else { return true }
        // The word before the full stop.
        var wordStart = terminal
        while wordStart > 0, !characters[wordStart - 1].isWhitespace { wordStart -= 1 }
        var word = String(characters[wordStart...terminal]).lowercased()
        while let first = word.first, "\"“‘'([".contains(first) { word.removeFirst() }
        if Self.neverFinal.contains(word) { return false }
        // An initial: "J." (but not a closing quote or bracket run).
        if word.count == 2, word.first?.isLetter == true, runEnd == terminal + 1,
           characters[terminal - 1].isUppercase {
            return false
        }
        if words.months.contains(word) {
            return !following.isNumber
        }
        if words.abbreviations.contains(word) || (word.count <= 5 && word.dropLast().contains(".")) {
            // "U.S." or "Inc." may end a sentence: only when a typical sentence opener follows.
            var wordEnd = next
            while wordEnd < characters.count, characters[wordEnd].isLetter { wordEnd += 1 }
            let nextWord = String(characters[next..<wordEnd]).lowercased()
            return Self.sentenceStarters.contains(nextWord) || "\"“‘".contains(following)
        }
        return true
    }
}

extension String {
    /// The string without leading and trailing whitespace (no Foundation needed).
    func trimmingCharactersInSet() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
