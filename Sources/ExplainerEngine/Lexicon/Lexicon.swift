import Content
import Foundation

/// What the engine knows about English words: WordNet's open classes plus the closed-class lists.
///
/// Open-class words (nouns, verbs, adjectives, adverbs) and their irregular forms come from
/// Debian's `wordnet-base` (`index.*` and `*.exc` under `/usr/share/wordnet`, or `$WNSEARCHDIR`);
/// closed-class words come from the data files in `Resources/Words`. Loading reads only the
/// first fields of the index files into a hash table keyed by a 64-bit hash of the lemma, so
/// it stays well under 150 ms; noun senses (for "is a limousine a car?" and "is an aide a
/// person?") are read on demand from memory-mapped `index.noun` and `data.noun`.
///
/// Load once and share: `Lexicon.shared` is loaded lazily, once per process.
public struct Lexicon: Sendable {
    let words: WordLists
    /// Lemma hash → one byte per word class: synset count (high nibble) and tagged-sense count (low).
    private let table: PackedHashTable
    /// Irregular forms → what the word lists' irregular verbs and WordNet's `*.exc` files say of
    /// them, so the readings of a word take one lookup for both.
    private let irregular: WordTable<IrregularWord>
    /// Noun senses for hypernym and lexicographer-file lookups; nil without WordNet.
    let nouns: WordNetNouns?

    /// Whether WordNet was found and loaded.
    public var hasWordNet: Bool { !table.isEmpty }

    /// The default lexicon: WordNet from the standard place, loaded on first use.
    ///
    /// Without WordNet the engine still runs on its word lists and suffix rules, less well.
    public static let shared: Lexicon = {
        if let lexicon = try? Lexicon.load() { return lexicon }
        let words = (try? WordLists.load()) ?? WordLists()
        return Lexicon(words: words, table: PackedHashTable(), exceptions: WordTable(), nouns: nil)
    }()

    /// What is known of one irregular form.
    struct IrregularWord: Sendable {
        /// The irregular verb form it is, from the word lists.
        var verbForm: WordLists.IrregularForm?
        /// Its readings as an irregular inflection, from WordNet's exception files.
        var exceptions: [Reading] = []
    }

    init(words: WordLists, table: PackedHashTable, exceptions: WordTable<[Reading]>, nouns: WordNetNouns?) {
        self.words = words
        self.table = table
        var irregular = WordTable<IrregularWord>(minimumCapacity: words.irregularForms.count + exceptions.count)
        for (word, form) in words.irregularForms { irregular[word] = IrregularWord(verbForm: form) }
        for (word, readings) in exceptions { irregular[word, default: IrregularWord()].exceptions = readings }
        self.irregular = irregular
        self.nouns = nouns
    }

    /// The folder WordNet's files are read from: `$WNSEARCHDIR`, `$WNHOME/dict`, else Debian's.
    public static var defaultWordNetDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["WNSEARCHDIR"], !directory.isEmpty { return directory }
        if let home = environment["WNHOME"], !home.isEmpty { return home + "/dict" }
        return "/usr/share/wordnet"
    }

    /// Loads WordNet from `directory` and the word lists from the module's resources.
    public static func load(wordNetDirectory directory: String = Lexicon.defaultWordNetDirectory) throws -> Lexicon {
        let words = try WordLists.load()
        var table = PackedHashTable(capacity: 160_000)
        for wordClass in WordClass.allCases {
            let path = "\(directory)/index.\(wordClass.wordNetName)"
            guard let data = FileContents.data(atPath: path) else {
                throw LexiconError.unreadableWordNetFile(path)
            }
            Self.readIndex(data, wordClass: wordClass, into: &table)
        }
        var exceptions = WordTable<[Reading]>()
        for wordClass in WordClass.allCases {
            let path = "\(directory)/\(wordClass.wordNetName).exc"
            guard let data = FileContents.data(atPath: path) else { continue }
            Self.readExceptions(data, wordClass: wordClass, into: &exceptions)
        }
        let nouns = WordNetNouns(directory: directory, known: table)
        return Lexicon(words: words, table: table, exceptions: exceptions, nouns: nouns)
    }

    // MARK: Lookups

    /// Whether `lemma` (lowercase, words joined by spaces) is a WordNet lemma of `wordClass`.
    func contains(_ lemma: String, as wordClass: WordClass) -> Bool {
        entry(lemma, wordClass) != 0
    }

    /// WordNet's count of tagged senses of `lemma` in `wordClass` (0–15), a rough frequency.
    func taggedSenses(_ lemma: String, as wordClass: WordClass) -> Int {
        Int(entry(lemma, wordClass) & 0x0F)
    }

    /// WordNet's count of senses of `lemma` in `wordClass` (0–15).
    func senses(_ lemma: String, as wordClass: WordClass) -> Int {
        Int(entry(lemma, wordClass) >> 4)
    }

    /// Whether `lemma` is known in any open class.
    func isKnown(_ lemma: String) -> Bool {
        table[Self.hash(lemma)] != nil
    }

    /// All four class bytes of `lemma` at once (0 when unknown).
    func entries(_ lemma: String) -> UInt32 {
        table[Self.hash(lemma)] ?? 0
    }

    /// All four class bytes of the lemma whose `hash(_:)` is `hash`.
    func entries(hash: UInt64) -> UInt32 {
        table[hash] ?? 0
    }

    /// All four class bytes of the lemma spelled by `bytes` (UTF-8, lowercase).
    func entries(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var hash: UInt64 = FNV1a.offsetBasis
        for byte in bytes { hash = FNV1a.addingLemmaByte(byte, to: hash) }
        return table[hash] ?? 0
    }

    private func entry(_ lemma: String, _ wordClass: WordClass) -> UInt32 {
        guard let packed = table[Self.hash(lemma)] else { return 0 }
        return (packed >> UInt32(wordClass.rawValue * 8)) & 0xFF
    }

    /// What the word lists and WordNet's exception lists say of an irregular form (gave → give, mice → mouse).
    func irregularWord(_ word: String) -> IrregularWord? {
        irregular[word]
    }

    // MARK: Loading

    /// FNV-1a over the UTF-8 bytes, with `_` read as a space (WordNet joins multiword lemmas with `_`).
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = FNV1a.offsetBasis
        for byte in text.utf8 {
            hash = FNV1a.addingLemmaByte(byte, to: hash)
        }
        return hash
    }

    /// Reads the lemma, synset count and tagged-sense count of every line of an `index.*` file.
    private static func readIndex(_ data: Data, wordClass: WordClass, into table: inout PackedHashTable) {
        let shift = UInt32(wordClass.rawValue * 8)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var index = 0
            while index < count {
                // A license line starts with a space; skip to the next line.
                if bytes[index] == 0x20 {
                    while index < count, bytes[index] != 0x0A { index += 1 }
                    index += 1
                    continue
                }
                var hash: UInt64 = FNV1a.offsetBasis
                while index < count, bytes[index] != 0x20, bytes[index] != 0x0A {
                    let byte = bytes[index]
                    hash = FNV1a.addingLemmaByte(byte, to: hash)
                    index += 1
                }
                // Fields after the lemma: pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets...
                var token = 0
                var synsets = 0
                var pointers = 0
                var tagged = 0
                var finished = false
                while !finished, index < count, bytes[index] != 0x0A {
                    if bytes[index] == 0x20 {
                        index += 1
                        continue
                    }
                    var value = 0
                    while index < count, bytes[index] != 0x20, bytes[index] != 0x0A {
                        let byte = bytes[index]
                        if byte >= 0x30, byte <= 0x39 { value = value &* 10 &+ Int(byte &- 0x30) }
                        index += 1
                    }
                    switch token {
                    case 1: synsets = value
                    case 2: pointers = value
                    case 4 + pointers:
                        tagged = value
                        finished = true
                    default: break
                    }
                    token += 1
                }
                while index < count, bytes[index] != 0x0A { index += 1 }
                index += 1
                let packed = UInt32(max(min(synsets, 15), 1) << 4 | min(tagged, 15)) << shift
                table.insert(hash, orBits: packed)
            }
        }
    }

    /// Reads an `*.exc` file: each line an inflected form followed by its base forms.
    private static func readExceptions(_ data: Data, wordClass: WordClass, into exceptions: inout WordTable<[Reading]>) {
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2 else { continue }
            let inflected = String(fields[0]).replacingOccurrences(of: "_", with: " ")
            for base in fields.dropFirst() {
                let lemma = String(base).replacingOccurrences(of: "_", with: " ")
                let form: WordForm
                switch wordClass {
                case .noun: form = .plural
                case .verb: form = .pastOrParticiple
                case .adjective, .adverb: form = inflected.hasSuffix("est") ? .superlative : .comparative
                }
                exceptions[inflected, default: []].append(Reading(wordClass: wordClass, lemma: lemma, form: form))
            }
        }
    }
}
