/// The third stage, second half: a sentence → tokens.
///
/// Words keep their inner hyphens and apostrophes (Jong-un, season-ticket, player-of-the-match);
/// the possessive `'s` and contractions (`n't`, `'m`, `'re`, `'ve`, `'ll`, `'d`) are tokens of
/// their own. Numbers keep their separators (6,214; 1.93; 7-2) and ordinal or decade
/// suffixes (17th, 1950s); a number joined to a word by a hyphen is one word (54-year-old).
/// Abbreviations and initials keep their full stop (Dr., U.S., J.). Quotation marks are
/// tokens that know whether they open or close a quotation.
struct Tokenizer: Sendable {
    let words: WordLists

    func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 4 + 4)
        // The scalars, decoded once in one pass, and each one's UTF-8 offset: scanning uses plain integers.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        let utf8 = text.utf8
        var index = 0
        var spaceBefore = false
        var openSingle = false
        // A token's text is decoded from the sentence's bytes at its offsets, with no substring in between.
        var source = text
        source.withUTF8 { bytes in
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar.isASCII ? (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r") : scalar.properties.isWhitespace {
                    spaceBefore = true
                    index += 1
                    continue
                }
                let start = index
                var kind = Token.Kind.punctuation
                if Self.isWordScalar(scalar) && !Self.isDigit(scalar) {
                    index = scanWord(scalars, from: index)
                    kind = .word
                } else if Self.isDigit(scalar) {
                    (index, kind) = scanNumber(scalars, from: index)
                } else if scalar == "\"" || scalar == "“" || scalar == "”" {
                    index += 1
                    kind = .quote
                } else if scalar == "'" || scalar == "‘" || scalar == "’" {
                    index += 1
                    kind = .quote
                } else if scalar == "." {
                    index += 1
                    var dots = 1
                    while index < scalars.count, scalars[index] == ".", dots < 3 {
                        index += 1
                        dots += 1
                    }
                } else {
                    index += 1
                    kind = Self.isPunctuation(scalar) ? .punctuation : .symbol
                    if scalar == "%" || scalar == "$" || scalar == "€" || scalar == "£" || scalar == "¥" { kind = .symbol }
                }
                let range = utf8.index(utf8.startIndex, offsetBy: offsets[start])..<utf8.index(utf8.startIndex, offsetBy: offsets[index])
                let tokenText = String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets[start]..<offsets[index]]), as: UTF8.self)
                var token = Token(text: tokenText, range: range, kind: kind, spaceBefore: spaceBefore)
                spaceBefore = false
                if kind == .quote {
                    let double = token.text == "\"" || token.text == "“" || token.text == "”"
                    let opens: Bool
                    switch token.text {
                    case "“", "‘": opens = true
                    case "”": opens = false
                    case "’": opens = false
                    default:
                        // A straight quote opens after a space or at the start, closes otherwise.
                        let previous = tokens.last
                        opens = previous == nil || token.spaceBefore || previous?.text == "(" || previous?.text == "—"
                            || previous?.text == "–" || (previous?.kind == .quote && previous?.tag == .openQuote)
                    }
                    if double {
                        token.tag = opens ? .openQuote : .closeQuote
                    } else {
                        if !opens && !openSingle {
                            // A lone closing single quote after a plural: a possessive (the players’ bench).
                            token.kind = .word
                            token.tag = .possessive
                        } else {
                            token.tag = opens ? .openQuote : .closeQuote
                            openSingle = opens
                        }
                    }
                }
                appendSplitting(token, text: text, into: &tokens)
            }
        }
        return tokens
    }

    /// Appends `token`, split into a word and its clitic when it ends in 's, n't, 'm, 're, 've, 'll or 'd.
    private func appendSplitting(_ token: consuming Token, text: String, into tokens: inout [Token]) {
        // The apostrophe first: it is one byte test, and most words have none.
        let lower = token.lower
        guard token.kind == .word, lower.utf8.contains(0x27), token.text.count > 2 else {
            tokens.append(token)
            return
        }
        for clitic in words.clitics where lower.hasSuffix(clitic) && lower.count > clitic.count {
            let cliticLength = clitic.count
            let splitIndex = text.index(token.range.upperBound, offsetBy: -cliticLength)
            var word = Token(text: String(text[token.range.lowerBound..<splitIndex]), range: token.range.lowerBound..<splitIndex,
                             kind: .word, spaceBefore: token.spaceBefore)
            let rest = Token(text: String(text[splitIndex..<token.range.upperBound]), range: splitIndex..<token.range.upperBound,
                             kind: .word, spaceBefore: false)
            if clitic == "n't" {
                // can't → can + n't, won't → will + n't.
                switch word.lower {
                case "ca": word.lower = "can"
                case "wo": word.lower = "will"
                case "sha": word.lower = "shall"
                default: break
                }
                word.lemma = word.lower
            }
            tokens.append(word)
            tokens.append(rest)
            return
        }
        tokens.append(token)
    }

    private func scanWord(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                index += 1
                continue
            }
            // Inner hyphen or apostrophe: keep when a letter or digit follows.
            if scalar == "-" || scalar == "'" || scalar == "’" || scalar == "‑" {
                let next = index + 1
                if next < scalars.count, Self.isWordScalar(scalars[next]) {
                    index = next
                    continue
                }
            }
            // A full stop inside or after an abbreviation or initial: U.S., Dr., J.
            if scalar == "." {
                let next = index + 1
                let letterFollows = next + 1 < scalars.count && scalars[next + 1] == "." && scalars[next].properties.isAlphabetic
                if letterFollows || isAbbreviationOrInitial(scalars[start..<index]) {
                    index = next
                    // U.S.: keep taking letter-dot pairs.
                    while index < scalars.count, scalars[index].properties.isAlphabetic {
                        let after = index + 1
                        guard after < scalars.count, scalars[after] == "." else { break }
                        index = after + 1
                    }
                    return index
                }
            }
            break
        }
        return index
    }

    /// Whether `word` and a full stop after it are an abbreviation ("Dr.") or an initial ("J.").
    private func isAbbreviationOrInitial(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.allSatisfy(\.isASCII) else {
            let lower = String(String.UnicodeScalarView(word)).lowercased() + "."
            return words.abbreviations.contains(lower) || (lower.count == 2 && word.first!.properties.isUppercase)
        }
        // ASCII: lowercase byte by byte, into a small string with no allocation for most words.
        let lower = String(unsafeUninitializedCapacity: word.count + 1) { buffer in
            var count = 0
            for scalar in word {
                let byte = UInt8(scalar.value)
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                count += 1
            }
            buffer[count] = 0x2E
            return count + 1
        }
        return words.abbreviations.contains(lower) || (word.count == 1 && word.first!.value >= 0x41 && word.first!.value <= 0x5A)
    }

    private func scanNumber(_ scalars: [Unicode.Scalar], from start: Int) -> (Int, Token.Kind) {
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isDigit(scalar) {
                index += 1
                continue
            }
            if scalar == "," || scalar == "." || scalar == ":" {
                let next = index + 1
                if next < scalars.count, Self.isDigit(scalars[next]) {
                    index = next
                    continue
                }
            }
            break
        }
        guard index < scalars.count else { return (index, .number) }
        let scalar = scalars[index]
        // Ordinals and decades: 17th, 21st, 1950s.
        if scalar.properties.isAlphabetic {
            var end = index
            while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            let suffix = String(String.UnicodeScalarView(scalars[index..<end])).lowercased()
            if words.numberSuffixes.contains(suffix) { return (end, .number) }
            return (index, .number)
        }
        // 7-2 (a score or range), 54-year-old (a compound word).
        if scalar == "-" || scalar == "–" {
            let next = index + 1
            if next < scalars.count, Self.isDigit(scalars[next]), scalar == "-" {
                var end = next
                while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
                return (end, .number)
            }
            if next < scalars.count, scalars[next].properties.isAlphabetic, scalar == "-" {
                return (scanWord(scalars, from: next), .word)
            }
        }
        return (index, .number)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return "!\"#%&'()*,-./:;?@[\\]_{}".unicodeScalars.contains(scalar) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
