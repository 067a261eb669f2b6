/// A readable dump of the analysis, for developing rules.
extension ArticleAnalysis {
    func dump() -> String {
        var lines: [String] = []
        for sentence in sentences {
            lines.append("[\(sentence.index)] \(sentence.blockKind) " + sentence.tokens.map { "\($0.text)/\(Self.short($0.tag))\($0.tag == .verb ? "." + String(describing: $0.form).prefix(6) : "")\($0.tag == .noun && $0.lemma != $0.lower ? "<" + $0.lemma : "")\($0.quoted ? "q" : "")" }.joined(separator: " "))
            for clause in clauses[sentence.index] {
                let s = sentences[sentence.index]
                var line = "    clause \(clause.role): front=\(clause.front.map { s.text($0.range) }) subj=\(clause.subjectPieces.map { s.text($0) }) verb=\(s.text(clause.verb.range))"
                line += " inter=\(clause.interruptions.map { "\($0.kind):\(s.text($0.range))" })"
                line += " comps=\(clause.complements.map { "\($0.kind):\(s.text($0.range))" })"
                if let a = clause.attribution { line += " attr=\(s.text(a))" }
                lines.append(line)
            }
        }
        for (index, entity) in entities.entities.enumerated() { lines.append("entity \(index): \(entity.name) \(entity.kind) \(String(describing: entity.gender))") }
        for (sentence, map) in referents.sorted(by: { $0.key < $1.key }) {
            for (token, referent) in map.sorted(by: { $0.key < $1.key }) {
                lines.append("ref [\(sentence)] \(sentences[sentence].tokens[token].text) → \(referent.text)")
            }
        }
        for quotation in quotations {
            lines.append("quote speaker=\(quotation.speaker.map { entities[$0].name } ?? quotation.speakerText ?? "?"): \(quotation.pieces.map { sentences[$0.sentence].text($0.range) })")
        }
        return lines.joined(separator: "\n")
    }

    private static func short(_ tag: PartOfSpeech) -> String {
        switch tag {
        case .determiner: "DT"
        case .pronoun: "PRP"
        case .possessivePronoun: "PRP$"
        case .preposition: "IN"
        case .conjunction: "CC"
        case .subordinator: "SUB"
        case .complementizer: "COMP"
        case .relative: "REL"
        case .wh: "WH"
        case .auxiliary: "AUX"
        case .modal: "MD"
        case .negation: "NEG"
        case .verb: "V"
        case .noun: "N"
        case .properNoun: "NNP"
        case .adjective: "JJ"
        case .adverb: "RB"
        case .number: "CD"
        case .possessive: "POS"
        case .infinitive: "TO"
        case .existential: "EX"
        case .punctuation: "."
        case .openQuote: "``"
        case .closeQuote: "''"
        case .symbol: "SYM"
        }
    }
}
