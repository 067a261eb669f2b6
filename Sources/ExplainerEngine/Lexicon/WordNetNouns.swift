import Content
import Foundation

/// Noun senses read on demand from memory-mapped `index.noun` and `data.noun`.
///
/// Nothing is parsed at load time: a lookup binary-searches the sorted index for the lemma's
/// synset offsets, then reads the few `data.noun` lines it needs. Used for the rare questions
/// the tagger cannot answer from the hash table: is this noun a person (lexicographer file
/// `noun.person`), and is it a kind of that noun (a limousine is a car)?
struct WordNetNouns: Sendable {
    /// WordNet's lexicographer files the engine cares about.
    enum LexicalFile: Int, Sendable {
        case artifact = 6, group = 14, location = 15, person = 18, time = 28
    }

    private let index: Data
    private let data: Data
    /// The lexicon's lemma table: a lemma it does not know as a noun is not searched for.
    private let known: PackedHashTable?

    init?(directory: String, known: PackedHashTable? = nil) {
        guard let index = try? FileContents.data(atPath: "\(directory)/index.noun", mapped: true),
              let data = try? FileContents.data(atPath: "\(directory)/data.noun", mapped: true)
        else { return nil }
        self.index = index
        self.data = data
        self.known = known
    }

    /// The byte offsets in `data.noun` of the senses of `lemma`, most frequent first.
    func senses(of lemma: String) -> [Int] {
        senses(of: lemma, limit: Int.max)
    }

    /// At most `limit` sense offsets of `lemma`, read straight from the index's bytes.
    func senses(of lemma: String, limit: Int) -> [Int] {
        let key = Array(lemma.lowercased().utf8.map { $0 == 0x20 ? 0x5F : $0 })
        if let known {
            guard let packed = known[Lexicon.hash(lemma.lowercased())], (packed >> UInt32(WordClass.noun.rawValue * 8)) & 0xFF != 0 else { return [] }
        }
        return index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var low = 0
            var high = bytes.count
            while low < high {
                let middle = (low + high) / 2
                var start = middle
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                let order = Self.compare(key, bytes, at: start)
                if order == 0 { return Self.offsets(bytes, lineAt: start, limit: limit) }
                if order < 0 {
                    high = start
                } else {
                    var next = middle
                    while next < bytes.count, bytes[next] != 0x0A { next += 1 }
                    low = next + 1
                }
            }
            return []
        }
    }

    /// The lexicographer file of the most frequent sense of `lemma`.
    func lexicalFile(of lemma: String) -> Int? {
        guard let first = senses(of: lemma, limit: 1).first else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            // offset lex_filenum ...: the two digits after the first space.
            var index = first
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A { index += 1 }
            index += 1
            var value = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }
    }

    /// Whether the most frequent sense of `lemma` names a person.
    func isPerson(_ lemma: String) -> Bool {
        lexicalFile(of: lemma) == LexicalFile.person.rawValue
    }

    /// Whether some sense of `lemma` is, through hypernyms, a kind of some sense of `ancestor`.
    func isKind(_ lemma: String, of ancestor: String) -> Bool {
        let targets = Set(senses(of: ancestor))
        guard !targets.isEmpty else { return false }
        var frontier = senses(of: lemma)
        var seen = Set(frontier)
        for _ in 0..<14 where !frontier.isEmpty {
            if frontier.contains(where: targets.contains) { return true }
            var next: [Int] = []
            for offset in frontier {
                for parent in synset(at: offset)?.hypernyms ?? [] where seen.insert(parent).inserted {
                    next.append(parent)
                }
            }
            frontier = next
        }
        return false
    }

    /// -1, 0 or 1 as `key` sorts before, equal to or after the lemma of the line at `start`.
    private static func compare(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var position = start
        for byte in key {
            guard position < bytes.count else { return 1 }
            let other = bytes[position]
            if other == 0x20 || other == 0x0A { return 1 }
            if byte != other { return byte < other ? -1 : 1 }
            position += 1
        }
        guard position < bytes.count else { return 0 }
        return bytes[position] == 0x20 ? 0 : -1
    }

    /// The synset offsets at the end of an index line:
    /// `lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...`.
    private static func offsets(_ bytes: UnsafeBufferPointer<UInt8>, lineAt start: Int, limit: Int) -> [Int] {
        var result: [Int] = []
        var field = 0
        var synsets = 0
        var pointers = 0
        var index = start
        while index < bytes.count, bytes[index] != 0x0A, result.count < limit {
            if bytes[index] == 0x20 {
                index += 1
                continue
            }
            var value = 0
            while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A {
                let byte = bytes[index]
                if byte >= 0x30, byte <= 0x39 { value = value &* 10 &+ Int(byte - 0x30) }
                index += 1
            }
            switch field {
            case 2: synsets = value
            case 3: pointers = value
            default:
                if field >= 6 + pointers, result.count < synsets { result.append(value) }
            }
            field += 1
        }
        return result
    }

    /// Lexicographer file and hypernym offsets of the synset at `offset` in `data.noun`.
    private func synset(at offset: Int) -> (lexicalFile: Int, hypernyms: [Int])? {
        guard offset >= 0, offset < data.count else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Int, [Int])? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var end = offset
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x7C { end += 1 }
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            let fields = line.split(separator: " ")
            // offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [ptr offset pos source]...
            guard fields.count > 4, let lexicalFile = Int(fields[1]), let wordCount = Int(fields[3], radix: 16)
            else { return nil }
            let pointerField = 4 + wordCount * 2
            guard pointerField < fields.count, let pointerCount = Int(fields[pointerField]) else { return (lexicalFile, []) }
            var hypernyms: [Int] = []
            for pointer in 0..<pointerCount {
                let base = pointerField + 1 + pointer * 4
                guard base + 1 < fields.count else { break }
                if fields[base] == "@" || fields[base] == "@i", let parent = Int(fields[base + 1]) {
                    hypernyms.append(parent)
                }
            }
            return (lexicalFile, hypernyms)
        }
    }
}
