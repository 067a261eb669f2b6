import Content

/// Everything the question stages need to know about one article, computed once.
///
/// Built by running the stages in order: clean → structure → sentences and tokens → quoted
/// tokens → tags → clauses → names → pronouns → quotations and their speakers.
struct ArticleAnalysis: Sendable {
    let lexicon: Lexicon
    var structure: ArticleStructure
    var sentences: [AnalyzedSentence] = []
    /// Clauses of each sentence (same indices as `sentences`); the first is the main clause.
    var clauses: [[Clause]] = []
    var entities = EntityIndex()
    /// Sentence → token → what the pronoun there refers to.
    var referents: [Int: [Int: Referent]] = [:]
    var quotations: [Quotation] = []
    /// The person an interview is with (the "I" of the answers, the "you" of the questions).
    var interviewee: Int?
    /// Sentence indices of each block.
    var blockSentences: [[Int]] = []
    /// Words in the article body.
    var wordCount = 0
    /// The steps the analysis took (see `EngineWork`).
    var work = EngineWork()

    var words: WordLists { lexicon.words }

    init(article: Article, lexicon: Lexicon) {
        self.lexicon = lexicon
        let words = lexicon.words
        let cleaned = TextCleaner(words: words).clean(article.body)
        work.bytes = article.body.utf8.count
        structure = StructureParser(words: words).parse(
            cleaned.text, headline: article.title, markdown: article.format == .markdown)
        let splitter = SentenceSplitter(words: words)
        let tokenizer = Tokenizer(words: words)
        for (blockIndex, block) in structure.blocks.enumerated() {
            var indices: [Int] = []
            let texts = block.kind == .subhead ? [block.text] : splitter.split(block.text)
            for (position, text) in texts.enumerated() {
                indices.append(sentences.count)
                let tokens = tokenizer.tokenize(text)
                sentences.append(AnalyzedSentence(
                    text: text, tokens: tokens, index: sentences.count, block: blockIndex,
                    blockKind: block.kind, positionInBlock: position, section: block.section))
            }
            blockSentences.append(indices)
            wordCount += Self.countWords(block.text)
        }
        QuotationFinder.markQuoted(&sentences)
        var tagger = Tagger(lexicon: lexicon)
        tagger.names = Self.names(in: sentences, words: words)
        for index in sentences.indices {
            tagger.tag(&sentences[index].tokens)
            work.tokens += sentences[index].tokens.count
        }
        let parser = ClauseParser(words: words)
        clauses = sentences.map { sentence in
            sentence.blockKind == .subhead ? [] : parser.parse(sentence)
        }
        work.clauses = clauses.reduce(0) { total, sentence in sentence.reduce(total) { $0 + 1 + $1.complements.count } }
        entities = EntityIndex(sentences: sentences, lexicon: lexicon)
        work.mentions = entities.mentions.count
        if structure.isInterview {
            interviewee = firstPerson()
        }
        resolvePronouns()
        work.pronouns = referents.values.reduce(0) { $0 + $1.count }
        findQuotations()
    }

    /// Runs of characters between spaces, counted on the contiguous bytes.
    static func countWords(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { countWords(bytes: $0) }
    }

    /// Runs of bytes between spaces.
    static func countWords(bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Capitalised words used inside sentences (not first, not after a quotation mark or colon).
    private static func names(in sentences: [AnalyzedSentence], words: WordLists) -> WordSet {
        var names = WordSet()
        for sentence in sentences where sentence.blockKind != .subhead {
            var afterBreak = true
            // Tokens read in place: copying each one would cost more than the tests. Only punctuation
            // tokens are compared with marks (a non-ASCII mark is a slow comparison).
            let tokens = sentence.tokens
            for index in tokens.indices {
                let text = tokens[index].text
                let kind = tokens[index].kind
                if kind == .quote || kind == .punctuation && (text == ":" || text == "(" || text == "—" || text == "–") {
                    afterBreak = true
                    continue
                }
                if kind == .word, tokens[index].capitalized, !afterBreak, tokens[index].lower != "i",
                   words.pronouns[tokens[index].lower] == nil, words.determiners.contains(tokens[index].lower) == false {
                    names.insert(text)
                }
                afterBreak = false
            }
        }
        return names
    }

    /// The first person named in the article's first paragraph.
    private func firstPerson() -> Int? {
        for sentence in sentences where sentence.blockKind == .paragraph {
            for index in sentence.tokens.indices {
                if let entity = entities.entity(sentence: sentence.index, token: index), entities[entity].kind == .person {
                    return entity
                }
            }
            if sentence.block > 1 { break }
        }
        return nil
    }

    // MARK: Convenience

    /// The main clause of a sentence.
    func mainClause(_ sentence: Int) -> Clause? { clauses[sentence].first }

    /// The entity a noun group names, when it is just a name (or a resolved pronoun).
    func entity(of group: NounGroup, in sentence: Int) -> Int? {
        let tokens = sentences[sentence].tokens
        if let mention = entities.mention(sentence: sentence, token: group.head) {
            // The name must be the whole group (apart from a determiner).
            let inside = tokens[group.range].filter { $0.tag != .determiner && !words.honorifics.contains($0.lower) }.count
            if mention.range.count == inside { return mention.entity }
            if let title = mention.title, title.lowerBound >= group.range.lowerBound,
               mention.range.count + title.count == inside { return mention.entity }
        }
        if group.range.count == 1, let referent = referents[sentence]?[group.head], let entity = referent.entity {
            return entity
        }
        return nil
    }
}
