import Foundation

/// The eighth stage: merge, filter, rank and pick the questions to publish, in story order.
///
/// Candidates with the same merge key are one question (the answers of the sample's three gift
/// sentences become one answer). Then questions are dropped that are malformed, that give
/// their answer away, whose answer is another question's answer, or that would repeat a
/// sentence another answer already quotes from its start. The best are kept — 5 to 15 for a
/// normal article, fewer for a short one (about one per 12 words, or one per sentence and one more) — and put back in story
/// order. Editor questions are always kept.
struct QuestionSelector: Sendable {
    let analysis: ArticleAnalysis
    private let stopWordHashes: Set<UInt64>
    /// Each sentence's first 40 characters, when it has at least 20.
    private let sentenceHeads: [String?]

    init(analysis: ArticleAnalysis) {
        self.analysis = analysis
        self.stopWordHashes = Set(analysis.words.stopWords.map { Lexicon.hash($0) })
        self.sentenceHeads = analysis.sentences.map { Self.head(of: $0.text) }
    }

    /// A sentence's first 40 characters, when it has at least 20.
    ///
    /// Text that is ASCII up to the 41st byte is cut by bytes: between two ASCII characters
    /// other than CR LF there is always a character boundary. Anything else is cut by characters.
    static func head(of text: String) -> String? {
        let utf8 = text.utf8
        let checked = min(utf8.count, 41)
        if utf8.prefix(checked).allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let count = min(utf8.count, 40)
            return count >= 20 ? String(text[..<utf8.index(utf8.startIndex, offsetBy: count)]) : nil
        }
        let head = text.prefix(40)
        return head.count >= 20 ? String(head) : nil
    }

    /// The most questions an article of this length gets.
    var limit: Int {
        let sentences = analysis.sentences.filter { $0.blockKind != .subhead }.count
        return min(15, max(4, analysis.wordCount / 12, sentences + 1))
    }

    /// Picks the questions to publish, counting its steps in `work`.
    ///
    /// Linear in the number of candidates: effective scores change only when a question is
    /// chosen (at most `limit` times), so each round groups the remaining candidates by their
    /// penalty — within a group the pool's order is already best-first — and walks the groups'
    /// heads best-first until one is chosen. A rejected candidate is gone for good.
    func select(_ candidates: [CandidateQuestion], editor: [CandidateQuestion] = [], work: inout EngineWork) -> [CandidateQuestion] {
        let merged = merge(candidates, work: &work)
        var pool: [CandidateQuestion] = []
        for candidate in merged where isWellFormed(candidate) {
            pool.append(rescored(candidate))
        }
        pool.sort { ($0.score, -$0.sentence) > ($1.score, -$1.sentence) }
        work.selectionSteps += pool.count
        var chosen: [CandidateQuestion] = editor
        var questions = Set(editor.map { Self.questionKey($0.question) })
        var startsTaken = Set<Int>()
        for candidate in editor { startsTaken.formUnion(sentenceStarts(candidate)) }
        var perSentence: [Int: Int] = [:]
        for candidate in editor { perSentence[candidate.sentence, default: 0] += 1 }
        var generated = 0
        let limit = self.limit
        var perFamily: [Int: Int] = [:]
        var removed = [Bool](repeating: false, count: pool.count)
        var remaining = pool.count
        // The dek and the lead are dense: several questions from them are fine.
        let denseSentences = Set(analysis.sentences.filter { $0.block <= 1 }.map(\.index))
        let editorWords = editor.map { (opener: $0.question.split(separator: " ").first?.lowercased(),
                                        words: contentWords($0.question).union(contentWords($0.parts.map(\.text).joined(separator: " ")))) }

        // The penalty a candidate carries now: a second question from the same sentence counts
        // for less, and so does each further question about who someone is or what someone said.
        struct Penalty: Hashable {
            var sentenceTaken: Bool
            var family: Int
        }
        func penalty(_ index: Int) -> Penalty {
            let sentence = pool[index].sentence
            let kind = pool[index].kind
            let taken = perSentence[sentence, default: 0] > 0 && !isStructural(kind) && !denseSentences.contains(sentence)
            return Penalty(sentenceTaken: taken, family: Self.family(kind).map { perFamily[$0, default: 0] } ?? 0)
        }
        func effective(_ index: Int, _ penalty: Penalty) -> (Double, Int) {
            var score = pool[index].score
            if penalty.sentenceTaken { score -= 0.7 }
            if penalty.family > 0 { score -= 0.6 * Double(penalty.family) }
            return (score, -pool[index].sentence)
        }

        rounds: while generated < limit, remaining > 0 {
            var groups: [Penalty: [Int]] = [:]
            for index in pool.indices where !removed[index] { groups[penalty(index), default: []].append(index) }
            work.selectionSteps += remaining
            var runs = groups.map { (penalty: $0.key, indices: $0.value, next: 0) }
            while true {
                // The best head of all runs; on a tie, the candidate earlier in the pool.
                var best: (run: Int, key: (Double, Int), index: Int)?
                for run in runs.indices where runs[run].next < runs[run].indices.count {
                    let index = runs[run].indices[runs[run].next]
                    let key = effective(index, runs[run].penalty)
                    if let current = best, key < current.key || (key == current.key && index > current.index) { continue }
                    best = (run, key, index)
                }
                work.selectionSteps += 1
                guard let best else { break rounds }
                runs[best.run].next += 1
                removed[best.index] = true
                remaining -= 1
                let candidate = pool[best.index]
                // An editor already asks this: the same question word and nothing the editor's question lacks.
                if !editorWords.isEmpty {
                    let opener = candidate.question.split(separator: " ").first?.lowercased()
                    let words = contentWords(candidate.question)
                    if editorWords.contains(where: { $0.opener == opener && words.isSubset(of: $0.words) }) { continue }
                }
                guard givesSomethingAway(candidate) == false else { continue }
                let key = Self.questionKey(candidate.question)
                guard !questions.contains(key) else { continue }
                let starts = sentenceStarts(candidate)
                guard starts.isDisjoint(with: startsTaken) else { continue }
                guard !overlaps(candidate, chosen) else { continue }
                let clauseKind = !isStructural(candidate.kind) && candidate.kind != .who && candidate.kind != .knownFor && candidate.kind != .quote
                let count = perSentence[candidate.sentence, default: 0]
                let cap = denseSentences.contains(candidate.sentence) ? 3 : 2
                guard count < cap || !clauseKind else { continue }
                chosen.append(candidate)
                if let family = Self.family(candidate.kind) { perFamily[family, default: 0] += 1 }
                questions.insert(key)
                startsTaken.formUnion(starts)
                if clauseKind { perSentence[candidate.sentence] = count + 1 }
                generated += 1
                continue rounds
            }
        }
        // "What happened?" opens the explainer; the rest follow the story.
        return chosen.sorted { ($0.kind == .happened ? 0 : 1, $0.sentence) < ($1.kind == .happened ? 0 : 1, $1.sentence) }
    }

    // MARK: Merging

    /// The most parts a merged answer collects before tidying keeps four of them: an article
    /// that repeats one fact a hundred times costs no more to merge than one that says it five times.
    static let mergedPartsLimit = 8

    func merge(_ candidates: [CandidateQuestion], work: inout EngineWork) -> [CandidateQuestion] {
        var result: [CandidateQuestion] = []
        var byKey: [String: Int] = [:]
        work.mergeSteps += candidates.count
        for candidate in candidates {
            guard let key = candidate.mergeKey, let existing = byKey[key] else {
                if let key = candidate.mergeKey { byKey[key] = result.count }
                result.append(candidate)
                continue
            }
            var target = result[existing]
            work.mergeSteps += target.parts.count
            guard target.parts.count < Self.mergedPartsLimit else {
                target.score = max(target.score, candidate.score) + 0.5
                result[existing] = target
                continue
            }
            // The question a rule generated reads better than the article's own wording of it;
            // the article's own answer comes first.
            if candidate.kind == .selfAsked {
                target.parts.insert(contentsOf: candidate.parts, at: 0)
                target.sentence = min(target.sentence, candidate.sentence)
            } else if target.kind == .selfAsked {
                target.question = candidate.question
                target.kind = candidate.kind
                target.parts += candidate.parts
            } else if [.quote, .reported].contains(candidate.kind) || [.quote, .reported].contains(target.kind) {
                // What someone said: a second statement only while the answer stays short.
                let words = target.parts.reduce(0) { $0 + $1.text.split(separator: " ").count }
                if words < 40 { target.parts += candidate.parts }
                if target.kind == .reported, candidate.kind == .quote {
                    target.question = candidate.question
                    target.kind = .quote
                }
            } else {
                target.parts += candidate.parts
            }
            target.score = max(target.score, candidate.score) + 0.5
            result[existing] = target
        }
        return result.map(tidied)
    }

    /// Drops parts another part already says (a title inside an appositive) and keeps at most four.
    private func tidied(_ candidate: CandidateQuestion) -> CandidateQuestion {
        var result = candidate
        var kept: [AnswerPart] = []
        func bare(_ text: String) -> String {
            let lower = text.lowercased()
            for article in ["a ", "an ", "the "] where lower.hasPrefix(article) { return String(lower.dropFirst(article.count)) }
            return lower
        }
        guard candidate.parts.count > 1 else { return candidate }
        // Each kept part's bare text, worked out once.
        var keptBare: [String] = []
        for part in candidate.parts {
            let text = bare(part.text)
            if keptBare.contains(where: { $0.includes(text) }) { continue }
            for index in kept.indices.reversed() where text.includes(keptBare[index]) {
                kept.remove(at: index)
                keptBare.remove(at: index)
            }
            kept.append(part)
            keptBare.append(text)
        }
        result.parts = Array(kept.prefix(4))
        return result
    }

    // MARK: Filters

    /// A question a reader can read: a capital, a question word, a question mark, at most 25 words, an answer.
    func isWellFormed(_ candidate: CandidateQuestion) -> Bool {
        let question = candidate.question
        guard question.hasSuffix("?"), let first = question.unicodeScalars.first, first.properties.isUppercase else { return false }
        let spaces = question.utf8.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) }
        guard spaces >= 1, spaces <= 24 else { return false }
        let opener = String(decoding: question.utf8.prefix { $0 != 0x20 }.filter { $0 >= 0x41 && $0 <= 0x7A }.map { $0 | 0x20 }, as: UTF8.self)
        guard analysis.words.questionOpeners.contains(opener) else { return false }
        return candidate.parts.contains { $0.text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
    }

    /// Whether the question holds every content word of its answer: then it tells the reader nothing.
    func givesSomethingAway(_ candidate: CandidateQuestion) -> Bool {
        guard candidate.kind != .selfAsked, candidate.kind != .interview, candidate.kind != .editor else { return false }
        var questionWords: [UInt64] = []
        forEachContentWordHash(in: candidate.question) { hash in
            questionWords.append(hash)
            return true
        }
        // Part by part, stopping at the first answer word the question lacks.
        var answerHasWords = false
        for part in candidate.parts {
            let covered = forEachContentWordHash(in: part.text) { hash in
                answerHasWords = true
                return questionWords.contains(hash)
            }
            if !covered { return false }
        }
        return answerHasWords
    }

    private func rescored(_ candidate: CandidateQuestion) -> CandidateQuestion {
        let answer = candidate.parts.count == 1 ? candidate.parts[0].text : candidate.parts.map(\.text).joined(separator: " ")
        var result = candidate
        let count = max(1, analysis.sentences.count)
        result.score -= 1.0 * Double(candidate.sentence) / Double(count)
        let length = answer.utf8.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) } + 1
        if length > 60 { result.score -= 1 }
        if length > 90 { result.score -= 1 }
        if candidate.question.utf8.reduce(0, { $0 + ($1 == 0x20 ? 1 : 0) }) >= 14 { result.score -= 0.5 }
        // A reported claim asked as fact ("Why should the city have waited?") reads worse than asking who said it.
        if let clauseRole = candidate.clauseRole, case .reported = clauseRole, [.why, .object, .infinitive, .subject].contains(candidate.kind) {
            result.score -= 1
        }
        // Specific answers are worth more: numbers, names, quoted words.
        if !isStructural(candidate.kind) {
            if answer.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { result.score += 0.4 }
            if answer.includes("\"") || answer.includes("“") { result.score += 0.3 }
            let content = Self.contentWordCount(answer)
            if content <= 1, [.object, .what, .subject, .who, .infinitive].contains(candidate.kind) { result.score -= 0.7 }
            if content >= 4 { result.score += 0.3 }
        }
        return result
    }

    /// "What did X say?" answered by a reported statement (possibly merged with a quotation).
    private func isStatement(_ candidate: CandidateQuestion) -> Bool {
        candidate.kind == .reported || (candidate.kind == .quote && candidate.parts.contains { !$0.isQuotation })
    }

    /// Kinds that ask about people rather than events: their questions add up quickly.
    static func family(_ kind: CandidateQuestion.Kind) -> Int? {
        switch kind {
        case .who: 0
        case .quote, .reported: 1
        default: nil
        }
    }

    private func isStructural(_ kind: CandidateQuestion.Kind) -> Bool {
        switch kind {
        case .happened, .next, .subhead, .selfAsked, .interview, .editor: true
        default: false
        }
    }

    /// Kinds that may still ask about part of a statement already asked about.
    private static let specificKinds: Set<CandidateQuestion.Kind> = [.when, .whereQuestion, .howLong, .howMuch, .howMany, .why, .who, .giving]

    /// Sentences whose beginning the answer quotes: two answers must not both repeat a paragraph's start.
    private func sentenceStarts(_ candidate: CandidateQuestion) -> Set<Int> {
        var result = Set<Int>()
        for part in candidate.parts {
            for index in (part.sentence - 1)...(part.sentence + 1) where index >= 0 && index < sentenceHeads.count {
                if let start = sentenceHeads[index], part.text.includes(start) { result.insert(index) }
            }
        }
        return result
    }

    /// Whether the candidate's answer is a stretch of a sentence another chosen answer already covers.
    private func overlaps(_ candidate: CandidateQuestion, _ chosen: [CandidateQuestion]) -> Bool {
        // What someone said is a whole statement; a specific question about a part of it is another angle.
        // "What happens next?" answers with a whole sentence: it overlaps what is asked of that sentence.
        // A statement already asked about in part is not asked again; a part of a statement may still be.
        guard !isStructural(candidate.kind) || candidate.kind == .next else { return false }
        for part in candidate.parts {
            guard let range = part.range else { continue }
            // A specific question (when, how much, why ...) may still ask about part of a statement.
            for other in chosen where (!isStructural(other.kind) || other.kind == .next) && !(isStatement(other) && Self.specificKinds.contains(candidate.kind)) {
                for otherPart in other.parts where otherPart.sentence == part.sentence {
                    guard let otherRange = otherPart.range else { continue }
                    if range.overlaps(otherRange) { return true }
                }
            }
        }
        return false
    }

    /// Calls `body` with the hash of each content word of a text (lowercase, three or more
    /// characters, not a stop word), in order, until it returns false.
    ///
    /// - Returns: Whether `body` accepted every word.
    @discardableResult
    private func forEachContentWordHash(in text: String, _ body: (UInt64) -> Bool) -> Bool {
        var hash: UInt64 = FNV1a.offsetBasis
        var length = 0
        for byte in text.utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                hash = FNV1a.adding(byte, to: hash)
                length += 1
            } else if byte >= 0x41 && byte <= 0x5A {
                hash = FNV1a.adding(byte + 0x20, to: hash)
                length += 1
            } else {
                if length >= 3, !stopWordHashes.contains(hash), !body(hash) { return false }
                hash = FNV1a.offsetBasis
                length = 0
            }
        }
        if length >= 3, !stopWordHashes.contains(hash), !body(hash) { return false }
        return true
    }



    /// Words of four or more letters: a cheap measure of how much an answer says.
    static func contentWordCount(_ text: String) -> Int {
        var count = 0
        var run = 0
        for byte in text.utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                run += 1
            } else {
                if run >= 4 { count += 1 }
                run = 0
            }
        }
        return count + (run >= 4 ? 1 : 0)
    }

    /// Lowercase words of a text: runs of ASCII letters and digits, and of non-ASCII characters.
    static func words(of text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80 {
                current.append(byte)
            } else if byte >= 0x41 && byte <= 0x5A {
                current.append(byte + 0x20)
            } else if !current.isEmpty {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        // Curly quotes and dashes are not letters.
        return result.map { word in
            word.utf8.contains(where: { $0 >= 0x80 }) ? String(word.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init)).lowercased() : word
        }.filter { !$0.isEmpty }
    }

    /// A hash of the question's words, lowercase (ASCII), one space between them: equal questions, equal keys.
    static func questionKey(_ text: String) -> UInt64 {
        var hash: UInt64 = FNV1a.offsetBasis
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                pendingSpace = hash != FNV1a.offsetBasis
                continue
            }
            if pendingSpace {
                hash = FNV1a.adding(0x20, to: hash)
                pendingSpace = false
            }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            hash = FNV1a.adding(lower, to: hash)
        }
        return hash
    }

    private func contentWords(_ text: String) -> Set<String> {
        let stop = analysis.words.stopWords
        return Set(Self.words(of: text).filter { $0.utf8.count >= 3 && !stop.contains($0) })
    }
}
