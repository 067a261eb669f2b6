import Content
import Foundation

// The cache's binary form (see `BinaryCoding.swift`): a magic word and the format version,
// then the fields in declaration order. Reading stops at the first inconsistency.

extension BuildCache {
    private static let magic = "explainer-build-cache"

    func encode(to writer: inout BinaryWriter) {
        writer.write(Self.magic)
        writer.write(Self.formatVersion)
        writer.write(environment)
        writer.write(articleKey)
        writer.write(scanTime)
        writer.write(UInt64(articles.count))
        for record in articles { record.encode(to: &writer) }
        writer.write(UInt64(outputs.count))
        for (path, key) in outputs.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(key)
        }
        writer.write(UInt64(searchFragments.count))
        for (slug, fragment) in searchFragments.sorted(by: { $0.key < $1.key }) {
            writer.write(slug)
            writer.write(fragment.key)
            writer.write(fragment.offset)
            writer.write(fragment.length)
        }
        writer.write(searchIndexStamp)
        writer.write(futureBoundary)
        writer.write(output.folder)
        writer.write(output.marker)
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
        outputs = Dictionary(minimumCapacity: outputCount)
        for _ in 0..<outputCount {
            let path = try reader.readString()
            outputs[path] = try reader.readDigest()
        }
        let fragmentCount = try reader.readCount()
        searchFragments = Dictionary(minimumCapacity: fragmentCount)
        for _ in 0..<fragmentCount {
            let slug = try reader.readString()
            searchFragments[slug] = SearchFragment(key: try reader.readDigest(), offset: try reader.readInt(), length: try reader.readInt())
        }
        searchIndexStamp = try reader.readStamp()
        futureBoundary = try reader.readDate()
        output = OutputIdentity(folder: try reader.readStamp(), marker: try reader.readStamp())
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

    init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        relativePath = try reader.readString()
        stamp = try reader.readStamp()
        contentDigest = try reader.readDigest()
        switch try reader.readUInt64() {
        case 0:
            outcome = .failed(try Diagnostic(from: &reader))
        case 1:
            let info = Info(sourcePath: try reader.readString(), slug: try reader.readString(), draft: try reader.readBool(), date: try reader.readDate())
            outcome = .loaded(info, try ExplainerSummary(from: &reader))
        default:
            throw BinaryReader.Malformed()
        }
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
        writer.write(UInt64(leadQuestions.count))
        for question in leadQuestions {
            writer.write(question.question)
            writer.write(question.anchor)
            writer.write(question.answerHTML)
            writer.write(question.section)
        }
        writer.write(digest)
        writer.write(UInt64(cardDigests.count))
        for card in cardDigests { writer.write(card) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        let slug = try reader.readString()
        let title = try reader.readString()
        let summary = try reader.readString()
        let date = try reader.readDate()
        let author = try reader.readOptionalString()
        let tags = try reader.readStrings()
        let contentPath = try reader.readString()
        let questionCount = try reader.readInt()
        let leadCount = try reader.readCount()
        var lead: [LeadQuestion] = []
        for _ in 0..<leadCount {
            lead.append(LeadQuestion(
                question: try reader.readString(), anchor: try reader.readString(), answerHTML: try reader.readString(),
                section: try reader.readOptionalString()))
        }
        let digest = try reader.readDigest()
        let cardCount = try reader.readCount()
        var cards: [StableHasher.Digest] = []
        for _ in 0..<cardCount { cards.append(try reader.readDigest()) }
        guard cards.count == Self.leadQuestionLimit + 1 else { throw BinaryReader.Malformed() }
        self.init(
            slug: slug, title: title, summary: summary, date: date, author: author, tags: tags, contentPath: contentPath,
            questionCount: questionCount, leadQuestions: lead, digest: digest, cardDigests: cards)
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
