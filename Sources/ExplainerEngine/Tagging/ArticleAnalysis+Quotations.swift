/// Quotations and their speakers.
extension ArticleAnalysis {
    mutating func findQuotations() {
        var previousBlockSpeaker: (entity: Int?, text: String?)?
        for (blockIndex, indices) in blockSentences.enumerated() {
            guard let first = indices.first, sentences[first].blockKind != .subhead else {
                previousBlockSpeaker = nil
                continue
            }
            // Spans of quoted tokens, across sentences.
            var spans: [[Quotation.Piece]] = []
            var current: [Quotation.Piece] = []
            var openAcross = false
            for sentenceIndex in indices {
                let tokens = sentences[sentenceIndex].tokens
                var start: Int?
                for tokenIndex in tokens.indices {
                    if tokens[tokenIndex].quoted {
                        if start == nil { start = tokenIndex }
                        if !openAcross && tokenIndex == start && !current.isEmpty {
                            spans.append(current)
                            current = []
                        }
                        openAcross = true
                    } else if let begin = start {
                        current.append(Quotation.Piece(sentence: sentenceIndex, range: begin..<tokenIndex))
                        spans.append(current)
                        current = []
                        start = nil
                        openAcross = false
                    } else {
                        openAcross = false
                    }
                }
                if let begin = start {
                    current.append(Quotation.Piece(sentence: sentenceIndex, range: begin..<tokens.count))
                }
            }
            if !current.isEmpty { spans.append(current) }
            var blockQuotations: [Quotation] = []
            for pieces in spans {
                let wordCount = pieces.reduce(0) { total, piece in
                    total + sentences[piece.sentence].tokens[piece.range].filter { $0.kind == .word || $0.kind == .number }.count
                }
                guard wordCount >= 6, let firstPiece = pieces.first else { continue }
                // A quotation of its own: at the start of a sentence or after a colon or comma.
                let before = firstPiece.range.lowerBound
                let tokens = sentences[firstPiece.sentence].tokens
                guard before == 0 || tokens[before - 1].text == ":" || tokens[before - 1].text == "," else { continue }
                var quotation = Quotation(pieces: pieces, block: blockIndex)
                if let (entity, text, present) = speakerAfter(pieces.last!) ?? speakerBefore(firstPiece) {
                    quotation.speaker = entity
                    quotation.speakerText = text
                    quotation.present = present
                }
                blockQuotations.append(quotation)
            }
            // Unattributed quotations take the block's speaker, or the previous block's.
            let known = blockQuotations.first { $0.speaker != nil || $0.speakerText != nil }
            for index in blockQuotations.indices where blockQuotations[index].speaker == nil && blockQuotations[index].speakerText == nil {
                if let known {
                    blockQuotations[index].speaker = known.speaker
                    blockQuotations[index].speakerText = known.speakerText
                    blockQuotations[index].present = known.present
                } else if let previousBlockSpeaker, isWhollyQuoted(indices) {
                    blockQuotations[index].speaker = previousBlockSpeaker.entity
                    blockQuotations[index].speakerText = previousBlockSpeaker.text
                }
            }
            quotations.append(contentsOf: blockQuotations)
            if let attributed = blockQuotations.last(where: { $0.speaker != nil || $0.speakerText != nil }) {
                previousBlockSpeaker = (attributed.speaker, attributed.speakerText)
            } else {
                previousBlockSpeaker = nil
            }
        }
    }

    private func isWhollyQuoted(_ indices: [Int]) -> Bool {
        indices.allSatisfy { index in
            sentences[index].tokens.allSatisfy { $0.quoted || $0.kind == .punctuation }
        }
    }

    /// `"...," NAME said`, `"...," said NAME`, `"...," she said in a statement`.
    private func speakerAfter(_ piece: Quotation.Piece) -> (Int?, String?, Bool)? {
        let sentence = sentences[piece.sentence]
        let tokens = sentence.tokens
        var index = piece.range.upperBound
        while index < tokens.count, tokens[index].text == "," { index += 1 }
        guard index < tokens.count else { return nil }
        let finder = NounGroupFinder(words: words)
        // said NAME
        if tokens[index].tag == .verb, words.speechVerbs.contains(tokens[index].lemma) || words.reportingVerbs.contains(tokens[index].lemma),
           let group = finder.group(in: tokens, at: index + 1) {
            return speaker(group, sentence: piece.sentence, verb: tokens[index])
        }
        // NAME said / she said
        if let group = finder.group(in: tokens, at: index) {
            var verbIndex = group.range.upperBound
            while verbIndex < tokens.count, tokens[verbIndex].tag == .adverb { verbIndex += 1 }
            if verbIndex < tokens.count, tokens[verbIndex].tag == .verb,
               words.speechVerbs.contains(tokens[verbIndex].lemma) || words.reportingVerbs.contains(tokens[verbIndex].lemma) {
                return speaker(group, sentence: piece.sentence, verb: tokens[verbIndex])
            }
        }
        return nil
    }

    /// `NAME was blunt: "..."`, `NAME said: "..."`: the subject of the clause before the quotation.
    private func speakerBefore(_ piece: Quotation.Piece) -> (Int?, String?, Bool)? {
        let tokens = sentences[piece.sentence].tokens
        guard piece.range.lowerBound > 0, tokens[piece.range.lowerBound - 1].text == ":",
              let clause = mainClause(piece.sentence), clause.subject.range.upperBound < piece.range.lowerBound
        else { return nil }
        return speaker(clause.subject, sentence: piece.sentence, verb: tokens[clause.verb.main])
    }

    private func speaker(_ group: NounGroup, sentence: Int, verb: Token) -> (Int?, String?, Bool)? {
        let present = verb.form == .thirdPerson || verb.form == .base
        let tokens = sentences[sentence].tokens
        if tokens[group.head].tag == .pronoun {
            guard let referent = referents[sentence]?[group.head] else { return nil }
            return (referent.entity, referent.entity == nil ? referent.text : nil, present)
        }
        if let entity = entity(of: group, in: sentence) ?? entities.entity(sentence: sentence, token: group.head) {
            return (entity, nil, present)
        }
        return (nil, sentences[sentence].text(group.range), present)
    }
}
