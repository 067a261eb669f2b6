import Content
import Foundation

// The cache's binary form (see `BinaryCoding.swift`): a magic word and the format version,
// then the fields in declaration order. Reading stops at the first inconsistency.

extension BuildCache {
    private static let magic = "explainer-build-cache"

    /// Encodes the cache; with `file`, what is written goes to it a megabyte at a time.
    func encode(to writer: inout BinaryWriter, file: BufferedFile? = nil) throws {
        writer.write(Self.magic)
        writer.write(Self.formatVersion)
        writer.write(environment)
        writer.write(articleKey)
        writer.write(scanTime)
        writer.write(UInt64(articles.count))
        for record in articles {
            if let encoded = record.encoded {
                writer.write(raw: encoded)
            } else {
                record.encode(to: &writer)
            }
            try writer.flushIfLarge(to: file)
        }
        writer.write(UInt64(outputs.count))
        for output in outputs {
            writer.write(output.path)
            writer.write(output.key)
            try writer.flushIfLarge(to: file)
        }
        writer.write(UInt64(searchFragments.count))
        for fragment in searchFragments {
            writer.write(fragment.slug)
            writer.write(fragment.key)
            writer.write(fragment.offset)
            writer.write(fragment.length)
        }
        writer.write(searchIndexStamp)
        writer.write(futureBoundary)
        writer.write(latestPublished)
        writer.write(relatedKey)
        writer.write(UInt64(related.count))
        for list in related {
            writer.write(UInt64(list.count))
            for index in list { writer.write(index) }
        }
        writer.write(output.folder)
        writer.write(output.marker)
        writer.write(previousSite.identity.folder)
        writer.write(previousSite.identity.marker)
        writer.write(UInt64(previousSite.differences.count))
        for difference in previousSite.differences {
            writer.write(difference.path)
            writer.write(difference.key != nil)
            writer.write(difference.key ?? .zero)
        }
        writer.write(articleCount)
        writer.write(pagesWritten)
        writer.write(UInt64(diagnostics.count))
        for diagnostic in diagnostics { diagnostic.encode(to: &writer) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        guard try reader.readString() == Self.magic, try reader.readInt() == Self.formatVersion else { throw BinaryReader.Malformed() }
        environment = try reader.readDigest()
        articleKey = try reader.readDigest()
        scanTime = try reader.readInt64()
        let articleCount = try reader.readCount()
        articles = []
        articles.reserveCapacity(articleCount)
        for _ in 0..<articleCount { articles.append(try ArticleRecord(from: &reader)) }
        let outputCount = try reader.readCount()
        outputs = []
        outputs.reserveCapacity(outputCount)
        for _ in 0..<outputCount {
            outputs.append(OutputRecord(path: try reader.readString(), key: try reader.readDigest()))
        }
        let fragmentCount = try reader.readCount()
        searchFragments = []
        searchFragments.reserveCapacity(fragmentCount)
        for _ in 0..<fragmentCount {
            searchFragments.append(SearchFragment(
                slug: try reader.readString(), key: try reader.readDigest(), offset: try reader.readInt(), length: try reader.readInt()))
        }
        searchIndexStamp = try reader.readStamp()
        futureBoundary = try reader.readDate()
        latestPublished = try reader.readDate()
        relatedKey = try reader.readDigest()
        let relatedCount = try reader.readCount()
        related = []
        related.reserveCapacity(relatedCount)
        for _ in 0..<relatedCount {
            let count = try reader.readCount()
            var list: [Int] = []
            for _ in 0..<count { list.append(try reader.readInt()) }
            related.append(list)
        }
        output = OutputIdentity(folder: try reader.readStamp(), marker: try reader.readStamp())
        let previousIdentity = OutputIdentity(folder: try reader.readStamp(), marker: try reader.readStamp())
        let differenceCount = try reader.readCount()
        var differences: [PreviousSite.Difference] = []
        differences.reserveCapacity(differenceCount)
        for _ in 0..<differenceCount {
            let path = try reader.readString()
            let present = try reader.readBool()
            let key = try reader.readDigest()
            differences.append(PreviousSite.Difference(path: path, key: present ? key : nil))
        }
        previousSite = PreviousSite(identity: previousIdentity, differences: differences)
        self.articleCount = try reader.readInt()
        pagesWritten = try reader.readInt()
        let diagnosticCount = try reader.readCount()
        diagnostics = []
        for _ in 0..<diagnosticCount { diagnostics.append(try Diagnostic(from: &reader)) }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
    }
}

extension ArticleRecord {
    func encode(to writer: inout BinaryWriter) {
        writer.write(relativePath)
        writer.write(stamp)
        writer.write(contentDigest)
        switch outcome {
        case .failed(let diagnostic):
            writer.write(UInt64(0))
            diagnostic.encode(to: &writer)
        case .loaded(let info, let summary):
            writer.write(UInt64(1))
            writer.write(info.sourcePath)
            writer.write(info.slug)
            writer.write(info.draft)
            writer.write(info.date)
            summary.encode(to: &writer)
        }
    }

    /// Reads a record, keeping its bytes for writing it again unchanged.
    convenience init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        let start = reader.offset
        let relativePath = try reader.readString()
        let stamp = try reader.readStamp()
        let contentDigest = try reader.readDigest()
        let outcome: Outcome
        switch try reader.readUInt64() {
        case 0:
            outcome = .failed(try Diagnostic(from: &reader))
        case 1:
            let info = Info(sourcePath: try reader.readString(), slug: try reader.readString(), draft: try reader.readBool(), date: try reader.readDate())
            outcome = .loaded(info, try ExplainerSummary(from: &reader))
        default:
            throw BinaryReader.Malformed()
        }
        self.init(
            relativePath: relativePath, stamp: stamp, contentDigest: contentDigest, outcome: outcome,
            encoded: reader.slice(from: start))
    }
}

extension ExplainerSummary {
    func encode(to writer: inout BinaryWriter) {
        writer.write(slug)
        writer.write(title)
        writer.write(summary)
        writer.write(date)
        writer.write(author)
        writer.write(tags)
        writer.write(contentPath)
        writer.write(questionCount)
        switch lead {
        case .encoded(let bytes):
            writer.write(raw: bytes)
        case .decoded(let questions):
            writer.write(UInt64(questions.count))
            for question in questions {
                writer.write(question.question)
                writer.write(question.anchor)
                writer.write(question.answerHTML)
                writer.write(question.section)
            }
        }
        writer.write(digest)
        writer.write(UInt64(cardDigests.count))
        for card in cardDigests { writer.write(card) }
    }

    convenience init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        let slug = try reader.readString()
        let title = try reader.readString()
        let summary = try reader.readString()
        let date = try reader.readDate()
        let author = try reader.readOptionalString()
        let tags = try reader.readStrings()
        let contentPath = try reader.readString()
        let questionCount = try reader.readInt()
        let leadStart = reader.offset
        let leadCount = try reader.readCount()
        for _ in 0..<leadCount {
            try reader.skipString()
            try reader.skipString()
            try reader.skipString()
            if try reader.readBool() { try reader.skipString() }
        }
        let lead = reader.slice(from: leadStart)
        let digest = try reader.readDigest()
        let cardCount = try reader.readCount()
        var cards: [StableHasher.Digest] = []
        for _ in 0..<cardCount { cards.append(try reader.readDigest()) }
        guard cards.count == Self.leadQuestionLimit + 1 else { throw BinaryReader.Malformed() }
        self.init(
            slug: slug, title: title, summary: summary, date: date, author: author, tags: tags, contentPath: contentPath,
            questionCount: questionCount, lead: .encoded(lead), digest: digest, cardDigests: cards)
    }
}

extension Diagnostic {
    func encode(to writer: inout BinaryWriter) {
        writer.write(location.file)
        writer.write(location.line)
        writer.write(location.column)
        writer.write(severity.rawValue)
        writer.write(message)
        writer.write(hint)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        let location = SourceLocation(file: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
        guard let severity = Severity(rawValue: try reader.readString()) else { throw BinaryReader.Malformed() }
        let message = try reader.readString()
        self.init(severity, at: location, message, hint: try reader.readOptionalString())
    }
}

extension ExplainerSummary {
    /// The lead questions written by `encode(to:)`.
    static func decodeLeadQuestions(_ bytes: Data) throws(BinaryReader.Malformed) -> [LeadQuestion] {
        var reader = BinaryReader(bytes)
        let count = try reader.readCount()
        var questions: [LeadQuestion] = []
        for _ in 0..<count {
            questions.append(LeadQuestion(
                question: try reader.readString(), anchor: try reader.readString(), answerHTML: try reader.readString(),
                section: try reader.readOptionalString()))
        }
        return questions
    }
}
